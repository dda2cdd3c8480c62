import type { QueryClient } from '@tanstack/react-query';
import { redirect } from '@tanstack/react-router';
import { sessionQuery } from '../api/auth';

/**
 * A portal page's guard (router.tsx): signed out → the login, then back here; staff → their own start.
 * Kept small and free of screen code: the router is in the first load.
 */
export async function requirePortalPatientSession(queryClient: QueryClient, here: string): Promise<void> {
  const session = await queryClient.query(sessionQuery);
  // eslint-disable-next-line @typescript-eslint/only-throw-error
  if (session === null) throw redirect({ to: '/login', search: { redirect: here } });
  // eslint-disable-next-line @typescript-eslint/only-throw-error
  if (session.user.role !== 'patient') throw redirect({ to: '/' });
}
