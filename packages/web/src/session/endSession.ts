import type { QueryClient } from '@tanstack/react-query';
import type { RegisteredRouter } from '@tanstack/react-router';
import { SESSION_QUERY_KEY } from '../api/auth';
import { api } from '../api/client';
import { safeRedirect } from './redirects';

export type SessionEndReason = 'expired' | 'loggedOut';

/**
 * Forgets everything of the session — CSRF token, the user, every cached answer with patient data —
 * and goes to the login page. After an expired session the login returns the user to where they were.
 */
export function endSession(
  queryClient: QueryClient,
  router: RegisteredRouter,
  reason: SessionEndReason,
): void {
  api.setCsrfToken(null);
  // First the session, so the login route does not bounce back to the app.
  queryClient.setQueryData(SESSION_QUERY_KEY, null);
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== SESSION_QUERY_KEY[0] });
  const location = router.state.location;
  if (location.pathname === '/login') return;
  const redirect = reason === 'expired' ? safeRedirect(location.href) : undefined;
  void router.navigate({
    to: '/login',
    search: redirect === undefined ? { reason } : { reason, redirect },
    replace: true,
  });
}
