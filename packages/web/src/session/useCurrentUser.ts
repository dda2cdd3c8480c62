import { useQuery } from '@tanstack/react-query';
import { sessionQuery } from '../api/auth';
import type { SessionUser } from '@osteopad/contract';

/**
 * The logged-in user. Inside the app layout the session is always loaded (its route waits for it);
 * null only for the moment between logout and the login page.
 */
export function useCurrentUser(): SessionUser | null {
  const { data } = useQuery(sessionQuery);
  return data?.user ?? null;
}
