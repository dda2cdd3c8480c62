import { describe, expect, it } from 'vitest';
import { letterKindFor } from './letterKind';

describe('letterKindFor', () => {
  it('prints the invitation until it went out, then the reminder', () => {
    expect(letterKindFor('invite')).toBe('invitation');
    expect(letterKindFor('invite_reminder')).toBe('reminder');
    expect(letterKindFor('no_response_follow_up')).toBe('reminder');
    expect(letterKindFor(null)).toBe('invitation');
  });
});
