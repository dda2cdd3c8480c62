// Where the app goes after a hospital sign-in: a path inside the app, never another site and never the
// login page (the web's rule, session/redirects.ts, said again on the server so the start cannot be made an
// open redirect).

/** The path to go to, or `/` when the value is not a path inside the app. */
export function safeRedirectPath(value: string | undefined): string {
  if (value === undefined) return '/';
  if (!value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return '/';
  for (let i = 0; i < value.length; i++) {
    if (value.charCodeAt(i) < 0x20 || value[i] === '\\') return '/';
  }
  if (value === '/login' || value.startsWith('/login?') || value.startsWith('/login/')) return '/';
  if (value.startsWith('/api/')) return '/';
  return value;
}

/** The login page with the code of why a hospital sign-in did not work. */
export function loginPageWith(problem: string): string {
  return `/login?sso=${encodeURIComponent(problem)}`;
}
