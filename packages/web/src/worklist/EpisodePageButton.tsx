import { Button } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';

/**
 * Opens the row's episode page. A button, not a second link in the row: the row's one link is the
 * patient's name (screen readers list a table's links by name).
 */
export function EpisodePageButton({ episodeId, name }: { episodeId: string; name: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Button
      size="compact-xs"
      variant="subtle"
      display="block"
      px={0}
      aria-label={t('worklist.openEpisodeFor', { name })}
      onClick={() => {
        void navigate({ to: '/episodes/$episodeId', params: { episodeId } });
      }}
    >
      {t('worklist.openEpisode')}
    </Button>
  );
}
