import type { NextStepAction } from '@osteopad/contract';

/**
 * Where the episode page's primary button goes for the steps other screens handle: one place for those
 * targets (the consult's screens). Plain hrefs until those routes exist on this branch; typed links at
 * the merge.
 */
export const NEXT_STEP_TARGETS: Partial<Record<NextStepAction, (episodeId: string) => string>> = {
  open_intake: (episodeId) => `/episodes/${encodeURIComponent(episodeId)}/intake`,
  enter_investigations: (episodeId) => `/episodes/${encodeURIComponent(episodeId)}/investigations`,
  open_decision: (episodeId) => `/episodes/${encodeURIComponent(episodeId)}/decision`,
  review_eligibility: () => '/worklist?view=manual_review',
};
