import { describe, expect, it } from 'vitest';
import { afterNotReached } from './callFollowUp';

describe('afterNotReached', () => {
  const config = { retryAfterDays: 2, maxAttempts: 3 };
  it('calls again after the configured days while attempts remain', () => {
    expect(afterNotReached(1, config)).toEqual({ kind: 'retry', attempt: 2, dueInDays: 2 });
    expect(afterNotReached(2, config)).toEqual({ kind: 'retry', attempt: 3, dueInDays: 2 });
  });
  it('ends the episode as lost after the last attempt', () => {
    expect(afterNotReached(3, config)).toEqual({ kind: 'lost', attempts: 3 });
    expect(afterNotReached(1, { retryAfterDays: 5, maxAttempts: 1 })).toEqual({ kind: 'lost', attempts: 1 });
  });
});
