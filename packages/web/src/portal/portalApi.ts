import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import {
  portalAccessLogSchema,
  portalActivationSchema,
  portalMagicLinkRequestedSchema,
  portalMeSchema,
  sessionSchema,
  type PortalActivateBody,
  type PortalMagicLinkBody,
  type Session,
} from '@osteopad/contract';
import { api, ApiError } from '../api/client';

export const PORTAL_ME_QUERY_KEY = ['portal', 'me'] as const;

export const portalMeQuery = queryOptions({
  queryKey: PORTAL_ME_QUERY_KEY,
  queryFn: () => api.get('/api/portal/me', portalMeSchema),
});

/** The patient's access log, a page at a time, newest first; the next page is older than the last entry. */
export const portalAccessLogPages = infiniteQueryOptions({
  queryKey: ['portal', 'access-log'] as const,
  queryFn: ({ pageParam }: { pageParam: number | null }) =>
    api.get(
      '/api/portal/access-log',
      portalAccessLogSchema,
      pageParam === null ? { limit: 20 } : { limit: 20, before: pageParam },
    ),
  initialPageParam: null as number | null,
  getNextPageParam: (page) => page.nextBefore,
});

/** The calendar file of the signed-in patient: a plain link (a GET with the session cookie). */
export function portalCalendarHref(locale: 'nl' | 'en'): string {
  return `/api/portal/upcoming.ics?locale=${locale}`;
}

export async function activatePortal(body: PortalActivateBody) {
  const answer = await api.post('/api/portal/activate', { body, schema: portalActivationSchema });
  if (answer === undefined) throw new ApiError(200, 'invalid_response', 'Expected an account.');
  api.setCsrfToken(answer.csrfToken);
  return answer;
}

export async function requestMagicLink(body: PortalMagicLinkBody): Promise<void> {
  await api.post('/api/portal/magic-link', { body, schema: portalMagicLinkRequestedSchema });
}

export async function redeemMagicLink(token: string): Promise<Session> {
  const session = await api.post('/api/portal/magic-link/redeem', { body: { token }, schema: sessionSchema });
  if (session === undefined) throw new ApiError(200, 'invalid_response', 'Expected a session.');
  api.setCsrfToken(session.csrfToken);
  return session;
}
