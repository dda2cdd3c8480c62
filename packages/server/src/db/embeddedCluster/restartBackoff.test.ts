import { describe, expect, it } from 'vitest';
import { formatDelay, nextAttempt, RESTART_DELAYS_MS, restartDelay, STABLE_AFTER_MS } from './restartBackoff';

describe('restart backoff', () => {
  it('waits longer after each failure in a row, up to a ceiling', () => {
    const delays = [0, 1, 2, 3, 4, 5, 6, 7, 50].map(restartDelay);
    expect(delays.slice(0, 7)).toEqual(RESTART_DELAYS_MS);
    for (let i = 1; i < delays.length; i++) expect(delays[i]).toBeGreaterThanOrEqual(delays[i - 1] ?? 0);
    expect(delays.at(-1)).toBe(RESTART_DELAYS_MS.at(-1));
  });

  it('starts the schedule anew after the database has run stably, and escalates while it keeps failing', () => {
    expect(nextAttempt(-1, 100)).toBe(0); // first crash
    expect(nextAttempt(3, STABLE_AFTER_MS)).toBe(0); // ran a minute: a fresh crash
    expect(nextAttempt(3, 5_000)).toBe(4); // crashed again soon after the restart
    expect(nextAttempt(3, null)).toBe(4); // the restart itself failed
  });

  it('says the wait in words a log reader reads at a glance', () => {
    expect(formatDelay(500)).toBe('500 ms');
    expect(formatDelay(1_000)).toBe('1 s');
    expect(formatDelay(15_000)).toBe('15 s');
  });
});
