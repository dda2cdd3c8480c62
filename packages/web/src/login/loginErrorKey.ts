import { ApiError } from '../api/client';

export const LOGIN_ERROR_KEYS = [
  'login.failed',
  'login.rateLimited',
  'errors.network',
  'errors.generic',
  'loginSso.passwordLoginDisabled',
] as const;
export type LoginErrorKey = (typeof LOGIN_ERROR_KEYS)[number];

/**
 * One message for every refused login. The server already answers a wrong password, an unknown user
 * and a locked account identically; the screen must not tell them apart either.
 */
export function loginErrorKey(error: unknown): LoginErrorKey {
  if (!(error instanceof ApiError)) return 'errors.generic';
  // Said only after a right password: the organisation signs in with the hospital account.
  if (error.status === 403 && error.code === 'password_login_disabled')
    return 'loginSso.passwordLoginDisabled';
  if (error.status === 401 || error.status === 400) return 'login.failed';
  if (error.status === 429) return 'login.rateLimited';
  if (error.code === 'network') return 'errors.network';
  return 'errors.generic';
}
