import { queryOptions } from '@tanstack/react-query';
import { api, ApiError } from './client';
import { sessionSchema, type Session } from '@osteopad/contract';

export const SESSION_QUERY_KEY = ['session'] as const;

/** The current session, or null when nobody is logged in (the server answers 401). */
export async function fetchSession(): Promise<Session | null> {
  try {
    const session = await api.get('/api/auth/session', sessionSchema);
    api.setCsrfToken(session.csrfToken);
    return session;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      api.setCsrfToken(null);
      return null;
    }
    throw error;
  }
}

export const sessionQuery = queryOptions({
  queryKey: SESSION_QUERY_KEY,
  queryFn: fetchSession,
  // The session changes only through login and logout, which write this cache entry themselves;
  // an expired session shows up as a 401 on the next request.
  staleTime: Infinity,
});

export async function login(username: string, password: string): Promise<Session> {
  const session = await api.post('/api/auth/login', { body: { username, password }, schema: sessionSchema });
  if (session === undefined) throw new ApiError(200, 'invalid_response', 'Expected a session.');
  api.setCsrfToken(session.csrfToken);
  return session;
}

export async function logout(): Promise<void> {
  try {
    await api.post('/api/auth/logout');
  } finally {
    api.setCsrfToken(null);
  }
}
