import { describe, expect, it } from 'vitest';
import { localIsoDate } from './localDate';

describe('localIsoDate', () => {
  it('uses the Dutch calendar day, not UTC', () => {
    expect(localIsoDate(new Date('2026-06-30T22:30:00Z'))).toBe('2026-07-01'); // 00:30 CEST
    expect(localIsoDate(new Date('2026-12-31T22:59:00Z'))).toBe('2026-12-31'); // 23:59 CET
    expect(localIsoDate(new Date('2026-12-31T23:00:00Z'))).toBe('2027-01-01');
  });
});
