// Collects every problem of one row so the report can list them all at once, not one per attempt.
import type { ImportRowError, ImportRowWarning } from './types';
import { NO_WARNINGS } from './types';

export class RowProblems {
  private errorList: ImportRowError[] | undefined;
  private warningList: ImportRowWarning[] | undefined;

  constructor(
    readonly row: number,
    readonly line?: number,
  ) {}

  error(field: string, code: string, message: string): void {
    (this.errorList ??= []).push(this.problem(field, code, message));
  }

  warn(field: string, code: string, message: string): void {
    (this.warningList ??= []).push(this.problem(field, code, message));
  }

  get hasErrors(): boolean {
    return this.errorList !== undefined;
  }

  get errors(): ImportRowError[] {
    return this.errorList ?? [];
  }

  get warnings(): readonly ImportRowWarning[] {
    return this.warningList ?? NO_WARNINGS;
  }

  private problem(field: string, code: string, message: string): ImportRowError {
    return this.line === undefined
      ? { row: this.row, field, code, message }
      : { row: this.row, field, code, message, line: this.line };
  }
}
