import { describe, expect, it } from 'vitest';
import { mllpLimits } from './mllpCommand';

describe('mllpLimits', () => {
  it('reads the listener limits from the command line', () => {
    expect(mllpLimits({ 'max-connections': '8', 'max-message-kb': '256', 'idle-minutes': '30' })).toEqual({
      maxConnections: 8,
      maxFrameBytes: 256 * 1024,
      idleTimeoutMs: 30 * 60_000,
    });
    expect(mllpLimits({})).toEqual({});
  });

  it('names the option that is not a whole number in its range', () => {
    expect(mllpLimits({ 'max-connections': '0' })).toBe(
      '--max-connections must be a whole number from 1 to 10000.',
    );
    expect(mllpLimits({ 'idle-minutes': 'x' })).toMatch(/^--idle-minutes/);
    expect(mllpLimits({ 'max-message-kb': '1.5' })).toMatch(/^--max-message-kb/);
  });
});
