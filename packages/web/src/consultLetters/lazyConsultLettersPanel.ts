import { lazy } from 'react';

/** The panel in a chunk of its own: the host (decision screen, episode page) renders it inside <Suspense>. */
export const LazyConsultLettersPanel = lazy(() => import('./ConsultLettersPanel'));
