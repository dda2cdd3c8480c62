/**
 * Typed errors that handlers and repositories throw; the one error handler in app.ts maps them to
 * HTTP. The `code` is stable for clients and i18n; the message is for developers and logs.
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
export const notFound = (what: string): HttpProblem =>
  new HttpProblem(404, 'not_found', `${what} not found.`);
export const conflict = (code: string, message: string, details: Record<string, unknown> = {}): HttpProblem =>
  new HttpProblem(409, code, message, details);
/** A 400 about one field; `code` is stable for clients and translations (the message is English). */
export const badRequest = (field: string, message: string, code = 'invalid'): HttpProblem =>
  new HttpProblem(400, 'validation', message, { issues: [{ field, message, code }] });
