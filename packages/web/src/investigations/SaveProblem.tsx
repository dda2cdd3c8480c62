import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';

/** Why a save was refused: someone else saved first, the episode ended, wrong values, or anything else. */
export function SaveProblem({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (error === null || error === undefined) return null;
  const code = error instanceof ApiError ? error.code : '';
  const text =
    code === 'stale_version'
      ? t('investigations.stale')
      : code === 'episode_ended'
        ? t('investigations.ended')
        : code === 'validation'
          ? t('investigations.invalid')
          : t('investigations.saveFailed');
  return (
    <Alert color="red" variant="light" role="alert" data-testid="save-problem" data-code={code}>
      {text}
    </Alert>
  );
}
