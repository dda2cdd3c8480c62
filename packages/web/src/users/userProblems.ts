import type { User } from '@osteopad/contract';
import { ApiError } from '../api/client';

/** How an account shows in the list: deactivated first, then a lock after failed sign-ins. */
export type AccountStatus = 'active' | 'deactivated' | 'locked';

export function accountStatus(user: Pick<User, 'active' | 'locked'>): AccountStatus {
  if (!user.active) return 'deactivated';
  return user.locked ? 'locked' : 'active';
}

/** What the screens say about a refused change (keys under `users.problems`). */
export const USER_PROBLEMS = [
  'duplicateUsername',
  'usernameFormat',
  'displayNameRequired',
  'lastAdmin',
  'ownAccount',
  'patientRole',
  'inactive',
  'passwordLength',
  'linkInvalid',
  'invalid',
] as const;
export type UserProblem = (typeof USER_PROBLEMS)[number];

/** The field a problem belongs to (`body.username` → `username`); `form` when it is about the request. */
export interface PlacedProblem {
  readonly field: string;
  readonly problem: UserProblem;
}

const BY_CODE: Readonly<Record<string, UserProblem>> = {
  duplicate: 'duplicateUsername',
  last_admin: 'lastAdmin',
  own_account: 'ownAccount',
  patient_role: 'patientRole',
  password_link_invalid: 'linkInvalid',
};

/** For input the server's schema refused (zod's codes), what is wrong with that field. */
const BY_FIELD: Readonly<Record<string, UserProblem>> = {
  username: 'usernameFormat',
  displayName: 'displayNameRequired',
  password: 'passwordLength',
  token: 'linkInvalid',
};

/**
 * The server's refusal placed at the fields of the user forms. Null when it is no refusal of the input
 * (a network failure, no access …): the screen shows the general error text then.
 */
export function userProblems(error: unknown): PlacedProblem[] | null {
  if (!(error instanceof ApiError)) return null;
  if (error.code === 'user_inactive') return [{ field: 'form', problem: 'inactive' }];
  if (error.issues.length === 0) return null;
  return error.issues.map((issue) => {
    const field = issue.field.startsWith('body.') ? issue.field.slice('body.'.length) : 'form';
    const problem = BY_CODE[issue.code] ?? BY_FIELD[field] ?? 'invalid';
    return { field, problem };
  });
}

/** The problem of one field, if any. */
export function problemAt(problems: readonly PlacedProblem[] | null, field: string): UserProblem | null {
  return problems?.find((p) => p.field === field)?.problem ?? null;
}

/** The problems not shown at one of `fields` (for the dialog's own message). */
export function problemsApartFrom(
  problems: readonly PlacedProblem[] | null,
  fields: readonly string[],
): UserProblem[] {
  return (problems ?? []).filter((p) => !fields.includes(p.field)).map((p) => p.problem);
}
