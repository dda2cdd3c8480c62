// What went wrong, said once below the edges: the domain raises these with stable codes, and each edge
// maps them once — to HTTP statuses in the app (http/app.ts), to exit codes in the CLI (cli/exitCodes.ts),
// to ACK codes over MLLP (caseFinding/channels/mllp/mllpListener.ts). Domain code never names an HTTP status.

/** One problem with one input field: `field` as the caller sent it (`body.patientId`), `code` stable. */
export interface FieldIssue {
  field: string;
  message: string;
  code: string;
}

export type DomainErrorKind =
  /** The record does not exist (or is not the caller's organisation's). */
  | 'not_found'
  /** The input is wrong; `issues` name the fields. */
  | 'invalid'
  /** The input is right, but what it asks cannot be done with these data (a letter without an address). */
  | 'unprocessable'
  /** The request collides with the stored state (a duplicate, a finding reviewed already). */
  | 'conflict'
  /** The pathway does not allow this step from where the episode is. */
  | 'transition_refused'
  /** Someone else is doing the same work right now (another import of the organisation): try again later. */
  | 'busy';

export class DomainError extends Error {
  constructor(
    readonly kind: DomainErrorKind,
    /** Stable, for clients and translations (`duplicate_patient`, `already_reviewed` …). */
    readonly code: string,
    message: string,
    readonly issues: readonly FieldIssue[] = [],
    /** Further facts for the caller (`{ from, to }` of a refused transition …). */
    readonly details: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const notFound = (what: string): DomainError =>
  new DomainError('not_found', 'not_found', `${what} not found.`);

/** Wrong input in several fields (or one, worded apart from the summary). */
export const invalidFields = (message: string, issues: readonly FieldIssue[]): DomainError =>
  new DomainError('invalid', 'validation', message, issues);

/** Wrong input in one field; the answer's code is `validation`, the issue's `code` says what is wrong. */
export const invalid = (field: string, message: string, code = 'invalid'): DomainError =>
  new DomainError('invalid', 'validation', message, [{ field, message, code }]);

export const conflict = (
  code: string,
  message: string,
  details: Readonly<Record<string, unknown>> = {},
  issues: readonly FieldIssue[] = [],
): DomainError => new DomainError('conflict', code, message, issues, details);

export const unprocessable = (
  code: string,
  message: string,
  issues: readonly FieldIssue[] = [],
): DomainError => new DomainError('unprocessable', code, message, issues);

export const transitionRefused = (
  code: string,
  message: string,
  details: Readonly<Record<string, unknown>> = {},
): DomainError => new DomainError('transition_refused', code, message, [], details);
