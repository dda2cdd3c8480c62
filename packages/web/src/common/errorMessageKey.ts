import { ApiError } from '../api/client';

export const ERROR_MESSAGE_KEYS = [
  'errors.noAccess',
  'errors.notFound',
  'errors.network',
  'errors.unavailable',
  'errors.generic',
] as const;
export type ErrorMessageKey = (typeof ERROR_MESSAGE_KEYS)[number];

/** The translated sentence for a failed request; the server's own message is English and technical. */
export function errorMessageKey(error: unknown): ErrorMessageKey {
  if (!(error instanceof ApiError)) return 'errors.generic';
  if (error.status === 403) return 'errors.noAccess';
  if (error.status === 404) return 'errors.notFound';
  if (error.code === 'network') return 'errors.network';
  // The database is down or busy for a moment (503): nothing was changed, trying again later helps.
  if (error.status === 503) return 'errors.unavailable';
  return 'errors.generic';
}
