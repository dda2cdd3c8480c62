// The one shape every import format (CSV, HL7 v2, FHIR) produces. The database layer only ever sees this.

import type {
  ENCOUNTER_TYPES as CLINICAL_ENCOUNTER_TYPES,
  EXCLUDED_FRACTURE_SITE_CODES,
  FRACTURE_SITE_CODES,
} from '@osteopad/clinical';
import {
  EXCLUDED_FRACTURE_SITES,
  QUALIFYING_FRACTURE_SITES,
  type ENCOUNTER_TYPES,
  type EncounterType,
  type FractureImportFormat as ImportFormat,
  type FractureSite,
  type Sex,
  type TraumaMechanism,
} from '@osteopad/contract';

export type {
  EncounterType,
  FractureImportFormat as ImportFormat,
  FractureSite,
  Sex,
  TraumaMechanism,
} from '@osteopad/contract';

/*
 * The fracture sites of clinical/RULES.md R1.2 (qualifying) and R1.3 (excluded) and the encounter
 * types are the clinical engine's codes, which the API names too (@osteopad/contract). The engine
 * depends on nothing, so both packages spell them; these types fail to compile when the two lists
 * stop holding the same codes.
 */
type SameCodes<A extends readonly string[], B extends readonly string[]> = [A[number]] extends [B[number]]
  ? [B[number]] extends [A[number]]
    ? true
    : false
  : false;
export const CLINICAL_CODES_MATCH: [
  SameCodes<typeof QUALIFYING_FRACTURE_SITES, typeof FRACTURE_SITE_CODES>,
  SameCodes<typeof EXCLUDED_FRACTURE_SITES, typeof EXCLUDED_FRACTURE_SITE_CODES>,
  SameCodes<typeof ENCOUNTER_TYPES, typeof CLINICAL_ENCOUNTER_TYPES>,
] = [true, true, true];

const FRACTURE_SITE_SET: ReadonlySet<string> = new Set<string>([
  ...QUALIFYING_FRACTURE_SITES,
  ...EXCLUDED_FRACTURE_SITES,
]);

export function isFractureSite(value: string): value is FractureSite {
  return FRACTURE_SITE_SET.has(value);
}

export interface PostalAddress {
  street?: string;
  houseNumber?: string;
  postalCode?: string;
  city?: string;
  country?: string;
}

export interface GeneralPractitioner {
  name?: string;
  /** AGB code (8 digits) of the GP; used to route the hand-over letter. */
  agbCode?: string;
  practiceName?: string;
  address?: string;
}

export interface ImportedPatient {
  /** Hospital patient number (or other local identifier) in `sourceSystem`. */
  sourceId?: string;
  sourceSystem?: string;
  /** Nine digits, passed the elfproef. */
  bsn?: string;
  familyName: string;
  givenNames?: string;
  initials?: string;
  /** YYYY-MM-DD */
  birthDate: string;
  sex: Sex;
  address?: PostalAddress;
  phone?: string;
  gp?: GeneralPractitioner;
  /**
   * The source says the person has died (HL7 PID-29/PID-30, FHIR Patient.deceased[x], CSV deceased
   * columns), with the date when it gives one (YYYY-MM-DD). A death is never undone by an import.
   */
  deceased?: { date?: string };
  /**
   * When the source recorded these details, as an ISO 8601 instant (HL7 EVN-2, else MSH-7; FHIR
   * Patient.meta.lastUpdated). Only details
   * that say when they were true may update a patient Osteopad already knows (docs/IMPORT.md §2).
   */
  recordedAt?: string;
}

/** A code the source gave for a fracture: system `icd10`, `snomed`, or the source's own name for it. */
export interface SourceCode {
  system: string;
  code: string;
  display?: string;
}

export interface ImportedFracture {
  /** YYYY-MM-DD */
  date: string;
  /** null = site unknown or ambiguous: the clinical engine sends the case to manual review (R1.3). */
  siteCode: FractureSite | null;
  siteText?: string;
  icd10Code?: string;
  snomedCode?: string;
  /** Every code the source gave for this injury, in its order (also those Osteopad does not map). */
  sourceCodes?: SourceCode[];
  encounterType: EncounterType;
  traumaMechanism: TraumaMechanism;
  /** null = not stated. */
  pathological: boolean | null;
  sourceFractureId?: string;
}

export interface RecordSource {
  format: ImportFormat;
  /** CSV: 1-based data row (the header is not counted); HL7 v2: 1-based message number; FHIR: 1-based entry number. */
  row: number;
  /** CSV only: physical line on which the row starts (what a text editor shows). */
  line?: number;
  /** Sending system or facility when the format names it (HL7 MSH-4, FHIR Bundle.meta.source). */
  system?: string;
}

export interface FractureRegistration {
  source: RecordSource;
  patient: ImportedPatient;
  fracture: ImportedFracture;
}

/**
 * One problem with one row. `field` is the column name (CSV), the segment-field (HL7, e.g. `PID-7`) or the
 * FHIRPath (FHIR, e.g. `Bundle.entry[2].resource.birthDate`). `code` is stable for translation; `message` is English.
 */
export interface ImportRowError {
  row: number;
  field: string;
  code: string;
  message: string;
  /** CSV only: physical line on which the row starts. */
  line?: number;
}

/** Same shape as an error, but the record is still imported (e.g. an unknown site code goes to manual review). */
export type ImportRowWarning = ImportRowError;

export type ParsedRow =
  | { ok: true; record: FractureRegistration; warnings: readonly ImportRowWarning[] }
  | { ok: false; row: number; errors: ImportRowError[] };

/**
 * News about a person without a new fracture: newer details (HL7 ADT^A08 without a fracture diagnosis,
 * dated by `recordedAt`) or a death (any message or Bundle that says so). It changes a patient Osteopad
 * already knows and is ignored for anyone else: Osteopad keeps no one without a fracture.
 */
export interface PatientUpdate {
  kind: 'patientUpdate';
  source: RecordSource;
  patient: ImportedPatient;
}

/**
 * A part of the input that holds nothing Osteopad takes and is passed over on purpose (an HL7 message of a
 * type Osteopad does not read inside an exported file, a FHIR resource that cannot be read …): it counts as
 * a row and its warnings reach the import summary, so nothing is dropped silently.
 */
export interface SkippedItem {
  kind: 'skipped';
  row: number;
  warnings: readonly ImportRowWarning[];
}

/** What a parsed file or message hands to the import: fracture registrations, their errors, updates and skips. */
export type ImportItem = ParsedRow | PatientUpdate | SkippedItem;

export function isPatientUpdate(item: ImportItem): item is PatientUpdate {
  return 'kind' in item && item.kind === 'patientUpdate';
}

export function isSkipped(item: ImportItem): item is SkippedItem {
  return 'kind' in item && item.kind === 'skipped';
}

/** A problem with the whole file (unreadable encoding, missing columns …): nothing in it is imported. */
export class ImportFileError extends Error {
  override readonly name = 'ImportFileError';
  constructor(
    readonly code: string,
    message: string,
    /** Column names, segment names or paths the message is about. */
    readonly details: readonly string[] = [],
  ) {
    super(message);
  }
}

export const NO_WARNINGS: readonly ImportRowWarning[] = Object.freeze([]);
