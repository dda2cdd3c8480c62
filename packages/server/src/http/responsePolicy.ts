/**
 * Which answers may be kept by browsers and proxies, and which paths the single-page app's shell
 * answers. Pure decisions on the request path; `app.ts` applies them.
 */

/** The API answers with personal data throughout, so no answer of it may be stored anywhere. */
export const API_CACHE_CONTROL = 'no-store';

function pathOf(url: string): string {
  const end = url.search(/[?#]/);
  return end === -1 ? url : url.slice(0, end);
}

/** `/api…` and `/fhir…`: the server's own routes, never the web app. */
export function isApiPath(url: string): boolean {
  const path = pathOf(url);
  return path.startsWith('/api') || path.startsWith('/fhir');
}

/** A last path segment with an extension (`app.js`, `favicon.ico`, `x.js.map`) names a file. */
const FILE_NAME = /\.[A-Za-z0-9]{1,10}$/;

/**
 * Whether an unmatched GET is a client-side route of the web app (answered with index.html) rather
 * than a file that does not exist. Everything under `/assets/` and every path ending in a file
 * name is a file: a missing one is a 404, so a stale script tag fails visibly instead of receiving
 * HTML.
 */
export function isClientRoute(method: string, url: string): boolean {
  if (method !== 'GET' || isApiPath(url)) return false;
  const path = pathOf(url);
  if (path === '/assets' || path.startsWith('/assets/')) return false;
  const lastSegment = path.slice(path.lastIndexOf('/') + 1);
  return !FILE_NAME.test(lastSegment);
}
