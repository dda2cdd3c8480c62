/**
 * Where to go after login when the user was sent there from a deeper page. Only paths inside this
 * app are followed (no `//host` or `https:` tricks), and never the login page itself.
 */
export function safeRedirect(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  if (!value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return undefined;
  if (value === '/login' || value.startsWith('/login?') || value.startsWith('/login/')) return undefined;
  return value;
}
