import { ApiError } from '../api/client';

export const ERROR_MESSAGE_KEYS = [
  'errors.noAccess',
  'errors.notFound',
  'errors.network',
  'errors.generic',
] as const;
export type ErrorMessageKey = (typeof ERROR_MESSAGE_KEYS)[number];

/** The translated sentence for a failed request; the server's own message is English and technical. */
export function errorMessageKey(error: unknown): ErrorMessageKey {
  if (!(error instanceof ApiError)) return 'errors.generic';
  if (error.status === 403) return 'errors.noAccess';
  if (error.status === 404) return 'errors.notFound';
  if (error.code === 'network') return 'errors.network';
  return 'errors.generic';
}
