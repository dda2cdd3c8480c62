/**
 * The FLS pathway as a state machine (docs/ARCHITECTURE.md, "Pathway"):
 * identified → invited → (reminded) → intake → investigated → decided → treating / no_treatment /
 * referred → follow_up … → re_evaluation → closed, with declined, not_eligible and lost as explicit
 * ends that carry a reason. Every transition is stored as an episode_events row. The states are the
 * API's (@osteopad/contract: EPISODE_STATES); the transitions between them are the server's.
 */
import type { EpisodeState } from '@osteopad/contract';

/** Ends of the pathway: nothing follows them. */
export const TERMINAL_STATES: ReadonlySet<EpisodeState> = new Set([
  'closed',
  'declined',
  'not_eligible',
  'lost',
]);

/** Leaving the pathway early always needs a reason (who declined, why not eligible, how lost). */
const REASON_REQUIRED: ReadonlySet<EpisodeState> = new Set(['declined', 'not_eligible', 'lost', 'closed']);

const EARLY_EXITS = ['declined', 'not_eligible', 'lost'] as const;

const TRANSITIONS: Readonly<Record<EpisodeState, readonly EpisodeState[]>> = {
  identified: ['invited', 'intake', ...EARLY_EXITS],
  invited: ['reminded', 'intake', ...EARLY_EXITS],
  reminded: ['intake', ...EARLY_EXITS],
  intake: ['investigated', 'declined', 'lost'],
  investigated: ['decided', 'declined', 'lost'],
  decided: ['treating', 'no_treatment', 'referred'],
  treating: ['follow_up', 'lost', 'closed'],
  no_treatment: ['follow_up', 'closed'],
  referred: ['treating', 'follow_up', 'closed', 'lost'],
  follow_up: ['re_evaluation', 'treating', 'lost', 'closed'],
  re_evaluation: ['treating', 'follow_up', 'closed', 'lost'],
  closed: [],
  declined: [],
  not_eligible: [],
  lost: [],
};

/**
 * Taking a declined or not-eligible episode up again (the reopen action only, with a reason): back to
 * the start of the invitation loop. Kept apart from TRANSITIONS so that no other action can leave an end.
 */
const REOPENINGS: Readonly<Partial<Record<EpisodeState, readonly EpisodeState[]>>> = {
  declined: ['identified'],
  not_eligible: ['identified'],
};

export function canReopen(from: EpisodeState): boolean {
  return REOPENINGS[from]?.includes('identified') === true;
}

export function allowedTransitions(from: EpisodeState): readonly EpisodeState[] {
  return TRANSITIONS[from];
}

export function reasonRequired(to: EpisodeState): boolean {
  return REASON_REQUIRED.has(to);
}

export type TransitionCheck =
  { ok: true } | { ok: false; code: 'transition_not_allowed' | 'reason_required'; message: string };

export function checkTransition(
  from: EpisodeState,
  to: EpisodeState,
  reason: string,
  options: { reopening?: boolean } = {},
): TransitionCheck {
  const reopens = options.reopening === true && REOPENINGS[from]?.includes(to) === true;
  if (!TRANSITIONS[from].includes(to) && !reopens) {
    return {
      ok: false,
      code: 'transition_not_allowed',
      message: `An episode cannot go from ${from} to ${to}.`,
    };
  }
  if (reasonRequired(to) && reason.trim() === '') {
    return { ok: false, code: 'reason_required', message: `Moving an episode to ${to} needs a reason.` };
  }
  return { ok: true };
}
