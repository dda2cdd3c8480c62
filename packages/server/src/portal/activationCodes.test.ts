import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { hashPortalCode, judgeCode, normalizePortalCode, type StoredCode } from './activationCodes';

const now = new Date('2026-12-01T10:00:00Z');
const fresh: StoredCode = {
  expiresAt: new Date('2027-03-01T10:00:00Z'),
  usedAt: null,
  revokedAt: null,
  lockedUntil: null,
};

describe('portal codes', () => {
  it('hashes what the patient typed, whatever the spacing, hyphens or letter case', () => {
    expect(normalizePortalCode(' k7qm 3xpd-9rtw ')).toBe('K7QM3XPD9RTW');
    expect(hashPortalCode('k7qm 3xpd-9rtw')).toBe(hashPortalCode('K7QM-3XPD-9RTW'));
    expect(hashPortalCode('K7QM-3XPD-9RTW')).toBe(createHash('sha256').update('K7QM3XPD9RTW').digest('hex'));
    expect(hashPortalCode('K7QM-3XPD-9RTX')).not.toBe(hashPortalCode('K7QM-3XPD-9RTW'));
  });

  it('accepts a fresh code with the right date of birth', () => {
    expect(judgeCode(fresh, true, now)).toBe('valid');
  });

  it('tells a wrong date of birth apart only inside the server, and says nothing more about the code', () => {
    expect(judgeCode({ ...fresh, usedAt: now }, false, now)).toBe('wrong_birth_date');
    expect(judgeCode({ ...fresh, expiresAt: now }, false, now)).toBe('wrong_birth_date');
  });

  it('says used, replaced or expired only with the right date of birth', () => {
    expect(judgeCode({ ...fresh, usedAt: now }, true, now)).toBe('used');
    expect(judgeCode({ ...fresh, revokedAt: now }, true, now)).toBe('replaced');
    expect(judgeCode({ ...fresh, expiresAt: now }, true, now)).toBe('expired');
    expect(judgeCode({ ...fresh, expiresAt: new Date(now.getTime() + 1) }, true, now)).toBe('valid');
  });

  it('keeps a locked code locked until the lock ends, even with the right date of birth', () => {
    const locked = { ...fresh, lockedUntil: new Date(now.getTime() + 60_000) };
    expect(judgeCode(locked, true, now)).toBe('locked');
    expect(judgeCode({ ...fresh, lockedUntil: now }, true, now)).toBe('valid');
  });
});
