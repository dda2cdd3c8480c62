import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import { errorText } from '../common/errorText';
import { isStaleVersion } from './episodeApi';

/** Why the server refused an episode action, in words the user can act on. */
export function ActionRefusal({ error }: { error: unknown }) {
  const { t } = useTranslation();
  let text = errorText(t, error);
  if (isStaleVersion(error)) text = t('episode.stale');
  else if (error instanceof ApiError && error.code === 'open_episode_exists')
    text = t('episode.include.openEpisodeExists');
  else if (error instanceof ApiError && (error.code === 'transition_not_allowed' || error.status === 409))
    text = t('episode.refused');
  return (
    <Alert color="red" variant="light" role="alert" data-testid="action-refusal">
      {text}
    </Alert>
  );
}
