// The one place a domain error becomes an exit code of the `osteopad` command (docs/IMPORT.md §2a).
import type { DomainError, DomainErrorKind } from '../domain/errors';

/**
 * 0 done, 1 a failure of Osteopad or its database, 2 the input was refused, 3 busy: run it again later,
 * 4 `osteopad check` found episodes that break the pathway invariant.
 */
export const EXIT_CODE = { ok: 0, failed: 1, refused: 2, busy: 3, violations: 4 } as const;

const EXIT_CODE_OF: Readonly<Record<DomainErrorKind, number>> = {
  not_found: EXIT_CODE.refused,
  invalid: EXIT_CODE.refused,
  unprocessable: EXIT_CODE.refused,
  conflict: EXIT_CODE.refused,
  transition_refused: EXIT_CODE.refused,
  busy: EXIT_CODE.busy,
};

export function exitCodeFor(error: DomainError): number {
  return EXIT_CODE_OF[error.kind];
}

/** The error as lines for the terminal: its message, then each field it names. */
export function domainErrorLines(error: DomainError): string[] {
  return [error.message, ...error.issues.map((i) => `  ${i.field}: ${i.message}`)];
}
