import { describe, expect, it } from 'vitest';
import { accountKeyOf, roleForSignIn, type SsoRoleRule } from './ssoRoleRule';

const byClaim: SsoRoleRule = {
  roleSource: 'claim',
  roleClaim: 'role',
  roleMap: { fls_nurse: 'nurse', fls_doctor: 'specialist', sneaky: 'patient' },
};

describe('the role of a hospital sign-in', () => {
  it('is the account’s own with role source `account`', () => {
    expect(roleForSignIn('secretary', { role: 'fls_doctor' }, { ...byClaim, roleSource: 'account' })).toEqual(
      {
        ok: true,
        role: 'secretary',
      },
    );
  });
  it('is the mapped claim value with role source `claim`', () => {
    expect(roleForSignIn('secretary', { role: 'fls_doctor' }, byClaim)).toEqual({
      ok: true,
      role: 'specialist',
    });
    expect(roleForSignIn('nurse', { role: ['staff', 'fls_nurse'] }, byClaim)).toEqual({
      ok: true,
      role: 'nurse',
    });
  });
  it('refuses a value without a mapping, a missing claim, two roles, and a mapping to patient', () => {
    for (const claims of [
      { role: 'unknown' },
      {},
      { role: ['fls_nurse', 'fls_doctor'] },
      { role: 'sneaky' },
      { role: 3 },
    ]) {
      expect(roleForSignIn('nurse', claims, byClaim)).toEqual({ ok: false, problem: 'unmapped_role' });
    }
    expect(roleForSignIn('nurse', { role: 'toString' }, byClaim)).toEqual({
      ok: false,
      problem: 'unmapped_role',
    });
  });
  it('never signs a patient account in', () => {
    expect(roleForSignIn('patient', {}, { ...byClaim, roleSource: 'account' })).toEqual({
      ok: false,
      problem: 'patient_account',
    });
  });
  it('reads the account key from the configured claim, a string only', () => {
    expect(accountKeyOf({ email: ' a.b@zh.nl ' }, 'email')).toBe('a.b@zh.nl');
    expect(accountKeyOf({ email: ['a'] }, 'email')).toBeNull();
    expect(accountKeyOf({ email: '' }, 'email')).toBeNull();
  });
});
