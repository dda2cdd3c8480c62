// How long to wait before starting PostgreSQL again after it stopped unexpectedly: quickly at
// first, then less and less often, so a database that cannot start does not spin.

/** Waits before the 1st, 2nd, … attempt in a row; the last one repeats. */
export const RESTART_DELAYS_MS: readonly number[] = [500, 1_000, 2_000, 4_000, 8_000, 15_000, 30_000];

/** A postmaster that ran this long counts as recovered: the next failure starts the schedule anew. */
export const STABLE_AFTER_MS = 60_000;

export function restartDelay(attemptsInRow: number): number {
  const index = Math.min(Math.max(attemptsInRow, 0), RESTART_DELAYS_MS.length - 1);
  return RESTART_DELAYS_MS[index] ?? 30_000;
}

/** The attempt number for the next restart, given how long the last good start lasted. */
export function nextAttempt(previousAttempts: number, upForMs: number | null): number {
  return upForMs !== null && upForMs >= STABLE_AFTER_MS ? 0 : previousAttempts + 1;
}

export function formatDelay(ms: number): string {
  return ms < 1_000 ? `${ms} ms` : `${Math.round(ms / 100) / 10} s`;
}
