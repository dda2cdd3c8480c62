/**
 * The reminder call's retry policy (invitation loop): how many days after an unanswered call the next
 * attempt falls due, and after how many unanswered attempts the episode ends as `lost`.
 *
 * Operational, not clinical: RULES.md R1 and the leaflets (shared/seeds) give no number for it, so it
 * is a server setting (`AppConfig.callFollowUp`, env CALL_RETRY_AFTER_DAYS / CALL_MAX_ATTEMPTS) with
 * these defaults, UNCONFIRMED: a clinic confirms them with its secretaries (docs/CLINICAL-SAFETY.md
 * lists values a clinic must confirm).
 */
export interface CallFollowUpConfig {
  retryAfterDays: number;
  maxAttempts: number;
}

export const DEFAULT_CALL_FOLLOW_UP: CallFollowUpConfig = { retryAfterDays: 2, maxAttempts: 3 };

export type NotReachedStep =
  { kind: 'retry'; attempt: number; dueInDays: number } | { kind: 'lost'; attempts: number };

/** After the `attempt`-th unanswered call: call again, or give up when the attempts are used up. */
export function afterNotReached(attempt: number, config: CallFollowUpConfig): NotReachedStep {
  if (attempt >= config.maxAttempts) return { kind: 'lost', attempts: attempt };
  return { kind: 'retry', attempt: attempt + 1, dueInDays: config.retryAfterDays };
}
