/**
 * Errors of the HTTP protocol itself, thrown at the edge only (no session, wrong role, a missing CSRF
 * token, an upload that is too large or stalls, personal data in a URL). What the domain decides — not
 * found, invalid, a conflict, a refused transition — is a `DomainError` (domain/errors.ts); the one
 * error handler in app.ts maps both. The `code` is stable for clients and i18n.
 */
export class HttpProblem extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'HttpProblem';
  }
}

export const unauthorized = (): HttpProblem =>
  new HttpProblem(401, 'unauthenticated', 'You must be logged in for this request.');
export const forbidden = (message = 'Your role does not allow this request.'): HttpProblem =>
  new HttpProblem(403, 'forbidden', message);
