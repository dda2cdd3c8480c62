/**
 * The token of a password link: in the fragment (`#token=…`, as the server makes it: never sent to a
 * server, never in a log) or, for a link typed from elsewhere, the query (`?token=…`). Null when absent
 * or not one of ours.
 */
export function tokenOfLink(hash: string, search: string): string | null {
  const fromHash = new URLSearchParams(hash.replace(/^#/, '')).get('token');
  const token = fromHash ?? new URLSearchParams(search).get('token');
  return token !== null && /^[A-Za-z0-9_-]{20,100}$/.test(token) ? token : null;
}
