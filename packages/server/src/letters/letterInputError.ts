/**
 * Thrown when letter input fails validation at the module boundary. `field` is the path of the offending value
 * (for example `letters[2].portalCode`), so a caller that builds a batch from database rows can point at the row.
 */
export class LetterInputError extends Error {
  override readonly name = 'LetterInputError';

  constructor(
    readonly field: string,
    readonly reason: string,
  ) {
    super(`${field}: ${reason}`);
  }
}
