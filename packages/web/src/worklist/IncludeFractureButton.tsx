import { Button } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';

// The dialog and its texts come with the episode page's chunk, on demand: nothing of it in this bundle.
const IncludeFractureDialog = lazy(() => import('../episode/IncludeFractureDialog'));

/** "Toch includeren" on an excluded fracture (clinicians): the decision opens an episode, shown next. */
export function IncludeFractureButton({ fractureId, name }: { fractureId: string; name: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button
        size="compact-sm"
        variant="light"
        mt={4}
        aria-label={t('worklist.includeFor', { name })}
        onClick={() => {
          setOpen(true);
        }}
      >
        {t('worklist.include')}
      </Button>
      {open && (
        <Suspense fallback={null}>
          <IncludeFractureDialog
            fractureId={fractureId}
            onClose={() => {
              setOpen(false);
            }}
            onDone={(episodeId) => {
              void navigate({ to: '/episodes/$episodeId', params: { episodeId } });
            }}
          />
        </Suspense>
      )}
    </>
  );
}
