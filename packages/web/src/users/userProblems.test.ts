import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/client';
import { accountStatus, problemAt, problemsApartFrom, userProblems } from './userProblems';

const refusal = (code: string, issues: { field: string; code: string }[]) =>
  new ApiError(
    409,
    code,
    'refused',
    issues.map((i) => ({ ...i, message: 'x' })),
  );

describe('an account in the list', () => {
  it('is deactivated before it is locked', () => {
    expect(accountStatus({ active: false, locked: true })).toBe('deactivated');
    expect(accountStatus({ active: true, locked: true })).toBe('locked');
    expect(accountStatus({ active: true, locked: false })).toBe('active');
  });
});

describe('the server’s refusals at the fields', () => {
  it('places the last-administrator refusal at the role or status it came from', () => {
    const problems = userProblems(refusal('last_admin', [{ field: 'body.role', code: 'last_admin' }]));
    expect(problemAt(problems, 'role')).toBe('lastAdmin');
    expect(problemsApartFrom(problems, ['role'])).toEqual([]);
    expect(problemsApartFrom(problems, [])).toEqual(['lastAdmin']);
  });

  it('names a taken username and the schema’s refusals by field', () => {
    const problems = userProblems(
      refusal('validation', [
        { field: 'body.username', code: 'duplicate' },
        { field: 'body.displayName', code: 'too_small' },
      ]),
    );
    expect(problemAt(problems, 'username')).toBe('duplicateUsername');
    expect(problemAt(problems, 'displayName')).toBe('displayNameRequired');
    expect(problemAt(problems, 'role')).toBeNull();
    const format = userProblems(refusal('validation', [{ field: 'body.username', code: 'invalid_format' }]));
    expect(problemAt(format, 'username')).toBe('usernameFormat');
  });

  it('keeps a refusal of the whole request for the dialog, and an unknown code as “invalid”', () => {
    expect(userProblems(refusal('validation', [{ field: 'body', code: 'own_account' }]))).toEqual([
      { field: 'form', problem: 'ownAccount' },
    ]);
    expect(userProblems(refusal('user_inactive', []))).toEqual([{ field: 'form', problem: 'inactive' }]);
    expect(userProblems(refusal('validation', [{ field: 'body.role', code: 'new_code' }]))).toEqual([
      { field: 'role', problem: 'invalid' },
    ]);
  });

  it('leaves other failures to the general error text', () => {
    expect(userProblems(new ApiError(0, 'network', 'offline'))).toBeNull();
    expect(userProblems(new ApiError(403, 'forbidden', 'no'))).toBeNull();
    expect(userProblems(new Error('boom'))).toBeNull();
  });
});
