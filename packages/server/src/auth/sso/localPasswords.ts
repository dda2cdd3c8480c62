// Local passwords switched off per organisation (issue 14): its staff sign in with the hospital account
// only. Patients are never affected — the portal keeps its passwords and sign-in links.
import type { Role } from '@osteopad/contract';
import type { Database } from '../../db/connection';
import { HttpProblem } from '../../http/problems';
import { localPasswordsOf } from './ssoSettings';

export const PASSWORD_LOGIN_DISABLED_MESSAGE =
  'Your organisation signs in with the hospital account only: use "Sign in with hospital account".';

/** 403 `password_login_disabled`: the answer to a password login or change of such staff. */
export const passwordLoginDisabled = (): HttpProblem =>
  new HttpProblem(403, 'password_login_disabled', PASSWORD_LOGIN_DISABLED_MESSAGE);

/** Whether this account may use an Osteopad password (sign in, change it). */
export async function mayUsePassword(
  db: Database,
  account: { readonly role: Role; readonly organizationId: string },
): Promise<boolean> {
  if (account.role === 'patient') return true;
  return (await localPasswordsOf(db, account.organizationId)) === 'allowed';
}
