import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { actionErrorText } from './actionError';

/** An episode action the server refused, said in words the user can act on. */
export function ActionErrorAlert({ error }: { error: unknown }) {
  const { t } = useTranslation();
  return (
    <Alert color="red" variant="light" role="alert">
      {actionErrorText(t, error)}
    </Alert>
  );
}
