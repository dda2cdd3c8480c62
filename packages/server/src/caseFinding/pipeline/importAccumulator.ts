// What an import makes of the items it reads, without touching the database: it counts them, keeps the
// first errors and warnings, refuses text that cannot be stored, classifies each fracture with the
// clinical rule R1, and hands out full batches to plan and write. Pure: the transaction that drives an
// import (importRegistrations.ts) owns every side effect.
import { ClinicalInputError, type ClinicalConfig } from '@osteopad/clinical';
import { unstorableTextErrors } from '../parsers/registrationChecks';
import {
  isPatientUpdate,
  isSkipped,
  type ImportFileError,
  type ImportItem,
  type ImportRowError,
  type ImportRowWarning,
} from '../parsers/types';
import { classifyRegistration } from './classifyRegistration';
import type { BatchPlan, StagedPatientUpdate, StagedRegistration } from './importPlan';

export interface ImportSummary {
  importId: string;
  status: 'succeeded' | 'rejected';
  rows: number;
  imported: number;
  eligible: number;
  excluded: number;
  manualReview: number;
  duplicates: number;
  /** Known patients whose name, address, phone or GP newer details changed. */
  patientsUpdated: number;
  /** Known patients whose death this import recorded (their open episodes closed, open tasks cancelled). */
  deathsRecorded: number;
  invalid: number;
  errors: ImportRowError[];
  /** Errors beyond the listed ones (the list is capped). */
  errorsNotListed: number;
  /**
   * Rows that were taken but deserve a look (site not placed, conflicting columns, a date or time from a
   * fallback, a malformed AGB code …): the first thousand, and how many more there were.
   */
  warnings: ImportRowWarning[];
  warningsNotListed: number;
}

/** Registrations (classified) and updates of known patients, planned and written together. */
export interface ImportBatch {
  registrations: StagedRegistration[];
  updates: StagedPatientUpdate[];
}

export interface AccumulatorSettings {
  batchSize: number;
  /** Import the valid rows of a file with invalid ones (else nothing of it is written). */
  skipInvalid: boolean;
  today: string;
  config: ClinicalConfig;
}

export const MAX_LISTED_ERRORS = 1000;

/**
 * The first batches are smaller, growing from this size to the full one: PostgreSQL has nothing to do
 * until the first batch is read, classified and planned, so a small first batch sets it to work sooner
 * (with 10,000-row batches it waited ~0.9 s of a 13 s import for the first two), while full batches
 * keep the per-statement costs low for the rest of the file.
 */
export const FIRST_BATCH_SIZE = 1000;

/** How many registrations batch `index` (0-based) holds: doubling from FIRST_BATCH_SIZE up to `batchSize`. */
export function batchSizeAt(index: number, batchSize: number): number {
  return Math.min(batchSize, FIRST_BATCH_SIZE * 2 ** Math.min(index, 30));
}

const emptyBatch = (): ImportBatch => ({ registrations: [], updates: [] });

export class ImportAccumulator {
  readonly summary: ImportSummary;
  private batch = emptyBatch();
  private batchesHandedOut = 0;
  private seq = 0;
  private readonly invalidRows = new Set<number>();
  private wroteRows = false;

  constructor(
    importId: string,
    private readonly settings: AccumulatorSettings,
  ) {
    this.summary = {
      importId,
      status: 'succeeded',
      rows: 0,
      imported: 0,
      eligible: 0,
      excluded: 0,
      manualReview: 0,
      duplicates: 0,
      patientsUpdated: 0,
      deathsRecorded: 0,
      invalid: 0,
      errors: [],
      errorsNotListed: 0,
      warnings: [],
      warningsNotListed: 0,
    };
  }

  /** Whether rows are still written: always with skipInvalid, else only while no row was invalid. */
  acceptsRows(): boolean {
    return this.settings.skipInvalid || this.summary.invalid === 0;
  }

  /** Reads one item; answers a full batch when this item filled it. */
  take(item: ImportItem): ImportBatch | undefined {
    this.summary.rows++;
    if (isSkipped(item)) {
      this.addWarnings(item.warnings);
      return undefined;
    }
    if (isPatientUpdate(item)) {
      if (this.refusesText(item.source.row, { patient: item.patient }) || !this.acceptsRows())
        return undefined;
      this.batch.updates.push({ seq: this.seq++, update: item });
      return this.batch.updates.length >= this.currentBatchSize() ? this.handOut() : undefined;
    }
    if (!item.ok) {
      this.addErrors(item.errors);
      return undefined;
    }
    const { patient, fracture, source } = item.record;
    if (this.refusesText(source.row, { patient, fracture })) return undefined;
    let classification;
    try {
      classification = classifyRegistration(item.record, this.settings.today, this.settings.config);
    } catch (error) {
      if (!(error instanceof ClinicalInputError)) throw error;
      this.addErrors([
        { row: source.row, field: error.field, code: `clinical.${error.reason}`, message: error.message },
      ]);
      return undefined;
    }
    this.addWarnings(item.warnings);
    // Once a row is invalid (without skipInvalid) reading goes on to report every error, writing stops.
    if (!this.acceptsRows()) return undefined;
    this.batch.registrations.push({ seq: this.seq++, registration: item.record, classification });
    return this.batch.registrations.length >= this.currentBatchSize() ? this.handOut() : undefined;
  }

  /** The last, partly filled batch (once), when the input has ended. */
  rest(): ImportBatch | undefined {
    return this.batch.registrations.length === 0 && this.batch.updates.length === 0
      ? undefined
      : this.handOut();
  }

  /** What a planned batch adds: its counts, identity conflicts (errors) and warnings. */
  countPlan(plan: BatchPlan): void {
    const s = this.summary;
    if (
      plan.patients.length > 0 ||
      plan.fractures.length > 0 ||
      plan.patientUpdates.length > 0 ||
      plan.deaths.length > 0
    )
      this.wroteRows = true;
    s.patientsUpdated += plan.patientUpdates.filter((u) => u.changed.length > 0).length;
    s.deathsRecorded += plan.deaths.length;
    for (const f of plan.fractures) {
      const outcome = f.staged.classification.outcome;
      if (outcome === 'eligible') s.eligible++;
      else if (outcome === 'excluded') s.excluded++;
      else s.manualReview++;
    }
    s.imported += plan.fractures.length;
    s.duplicates += plan.duplicates;
    this.addErrors(plan.conflicts);
    this.addWarnings(plan.warnings);
  }

  /** Nothing was written, found twice or refused: an MLLP message about no one Osteopad knows. */
  changedNothing(): boolean {
    return !this.wroteRows && this.summary.duplicates === 0 && this.summary.invalid === 0;
  }

  /** A problem with the file as a whole: one error at row 0. */
  addFileError(error: ImportFileError): void {
    this.addErrors([
      { row: 0, field: error.details.join(', ') || 'file', code: error.code, message: error.message },
    ]);
  }

  /** The summary of the attempt when nothing of it was kept. */
  rejected(): ImportSummary {
    return { ...nothingKept(this.summary), status: 'rejected' };
  }

  private refusesText(row: number, record: object): boolean {
    const errors = unstorableTextErrors(row, record);
    if (errors.length === 0) return false;
    this.addErrors(errors);
    return true;
  }

  private currentBatchSize(): number {
    return batchSizeAt(this.batchesHandedOut, this.settings.batchSize);
  }

  private handOut(): ImportBatch {
    const full = this.batch;
    this.batch = emptyBatch();
    this.batchesHandedOut++;
    return full;
  }

  private addWarnings(warnings: readonly ImportRowWarning[]): void {
    const s = this.summary;
    for (const warning of warnings) {
      if (s.warnings.length < MAX_LISTED_ERRORS) s.warnings.push(warning);
      else s.warningsNotListed++;
    }
  }

  private addErrors(errors: readonly ImportRowError[]): void {
    const s = this.summary;
    for (const error of errors) {
      this.invalidRows.add(error.row);
      if (s.errors.length < MAX_LISTED_ERRORS) s.errors.push(error);
      else s.errorsNotListed++;
    }
    s.invalid = this.invalidRows.size;
  }
}

/** A summary with no counts of what landed: the attempt kept nothing (rows, errors and warnings stay). */
export function nothingKept(summary: ImportSummary): ImportSummary {
  return {
    ...summary,
    imported: 0,
    eligible: 0,
    excluded: 0,
    manualReview: 0,
    duplicates: 0,
    patientsUpdated: 0,
    deathsRecorded: 0,
  };
}
