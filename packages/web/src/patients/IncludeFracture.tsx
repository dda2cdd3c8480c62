import { useNavigate } from '@tanstack/react-router';
import { lazy, Suspense } from 'react';

// The form and its texts come with the episode page's chunk, on demand: nothing of it in this bundle.
const IncludeFractureForm = lazy(() => import('../episode/IncludeFractureForm'));

/** "Toch includeren" of an excluded fracture (clinicians); the episode that opens is shown next. */
export function IncludeFracturePanel({ fractureId, onClose }: { fractureId: string; onClose: () => void }) {
  const navigate = useNavigate();
  return (
    <Suspense fallback={null}>
      <IncludeFractureForm
        fractureId={fractureId}
        onCancel={onClose}
        onDone={(episodeId) => {
          void navigate({ to: '/episodes/$episodeId', params: { episodeId } });
        }}
      />
    </Suspense>
  );
}
