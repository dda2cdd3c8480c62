// Typed errors: callers (API handlers, importers) map them to a message that names the offending field or key.

export type InputErrorReason =
  | 'required'
  | 'wrongType'
  | 'outOfRange'
  | 'notInteger'
  | 'unknownValue'
  | 'unknownField'
  | 'invalidDate'
  | 'dateAfterToday'
  | 'inconsistent';

/** Rejected clinical input. `field` is a path such as `dxa.lumbarSpine.tScore` or `fractures[0].date`. */
export class ClinicalInputError extends Error {
  readonly field: string;
  readonly reason: InputErrorReason;

  constructor(field: string, reason: InputErrorReason, detail?: string) {
    super(`Invalid clinical input at "${field}": ${reason}${detail === undefined ? '' : ` (${detail})`}`);
    this.name = 'ClinicalInputError';
    this.field = field;
    this.reason = reason;
  }
}

export type ConfigErrorReason =
  'invalidJson' | 'notAnObject' | 'required' | 'unknownKey' | 'wrongType' | 'outOfRange' | 'unknownValue';

/** Rejected clinic configuration. `key` is the configuration key (or `version`, `values`, `$` for the whole). */
export class ClinicalConfigError extends Error {
  readonly key: string;
  readonly reason: ConfigErrorReason;

  constructor(key: string, reason: ConfigErrorReason, detail?: string) {
    super(
      `Invalid clinical configuration at "${key}": ${reason}${detail === undefined ? '' : ` (${detail})`}`,
    );
    this.name = 'ClinicalConfigError';
    this.key = key;
    this.reason = reason;
  }
}
