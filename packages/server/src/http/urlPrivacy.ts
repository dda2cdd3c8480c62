import { checkBsn } from '../patients/bsn';
import { HttpProblem } from './problems';

/**
 * No patient's name, BSN or date of birth in a URL: reverse proxies, browser history and access
 * logs keep URLs, and nothing else about a request. Searches send their text in the body
 * (`POST /api/patients/search`, `POST /api/audit-events/search`). The API refuses query parameters
 * named for such data, and any query value that is a valid BSN, so they cannot creep back.
 */
const PERSONAL_PARAMETERS: ReadonlySet<string> = new Set(
  [
    'q',
    'query',
    'search',
    'text',
    'bsn',
    'name',
    'familyName',
    'givenNames',
    'initials',
    'birthDate',
    'dateOfBirth',
    'street',
    'postalCode',
    'phone',
    'email',
    'username',
    'fileName',
  ].map((p) => p.toLowerCase()),
);

/** A value that is a BSN by itself: 9 digits that pass the elfproef. */
function isBsn(value: string): boolean {
  return /^\d{9}$/.test(value.trim()) && checkBsn(value).ok;
}

/** The first query parameter that carries (or is named for) personal data, or null. */
export function personalQueryParameter(url: string): string | null {
  const start = url.indexOf('?');
  if (start === -1) return null;
  const end = url.indexOf('#', start);
  const query = new URLSearchParams(url.slice(start + 1, end === -1 ? undefined : end));
  for (const [name, value] of query) {
    if (PERSONAL_PARAMETERS.has(name.toLowerCase()) || isBsn(value)) return name;
  }
  return null;
}

/** The refusal; it names the parameter, never echoes its value. */
export function personalDataInUrl(parameter: string): HttpProblem {
  const message =
    "Names, BSNs, dates of birth, usernames and file names do not belong in a URL (proxies and logs keep URLs): send them in the request body (an upload's file name in the X-File-Name header).";
  return new HttpProblem(400, 'personal_data_in_url', message, {
    issues: [{ field: `querystring.${parameter.slice(0, 50)}`, message, code: 'personal_data_in_url' }],
  });
}
