import { describe, expect, it } from 'vitest';
import { timeOrderedIdFactory } from './timeOrderedId';

const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('time-ordered ids (UUID version 7)', () => {
  it('are valid version-7 UUIDs carrying the millisecond they were made', () => {
    const id = timeOrderedIdFactory(() => Date.UTC(2026, 10, 21, 12, 0, 0))();
    expect(id).toMatch(UUID_V7);
    const ms = parseInt(id.replace(/-/g, '').slice(0, 12), 16);
    expect(new Date(ms).toISOString()).toBe('2026-11-21T12:00:00.000Z');
  });

  it('sort in the order made, also many within one millisecond and when the clock steps back', () => {
    const times = [1000, 1000, 1000, 999, 1001, 1001];
    let i = 0;
    const next = timeOrderedIdFactory(() => times[Math.min(i++, times.length - 1)] ?? 0);
    const ids = Array.from({ length: 6000 }, () => next());
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(UUID_V7);
  });
});
