import { Alert, Button, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { errorMessageKey } from './errorMessageKey';

interface QueryErrorProps {
  error: unknown;
  onRetry?: () => void;
}

/** A failed load, in words the user can act on. 403 and 404 are answers, not glitches: no retry. */
export function QueryError({ error, onRetry }: QueryErrorProps) {
  const { t } = useTranslation();
  const key = errorMessageKey(error);
  const retryable = key === 'errors.network' || key === 'errors.generic';
  return (
    <Alert color="red" variant="light" role="alert">
      <Stack gap="sm" align="flex-start">
        {t(key)}
        {retryable && onRetry !== undefined && (
          <Button variant="white" color="red" size="xs" onClick={onRetry}>
            {t('errors.retry')}
          </Button>
        )}
      </Stack>
    </Alert>
  );
}
