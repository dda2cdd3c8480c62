import type pg from 'pg';
import { sql } from 'drizzle-orm';
import type { Executor } from '../db/connection';
import type { FractureRegistration } from '../imports/types';
import { newPortalCode } from '../patients/portalCode';
import type { Classification } from './classifyRegistration';
import { copyRows, type CopyValue } from './copyRows';

/** One valid, classified registration on its way into the database. */
export interface StagedRegistration {
  /** Position in this import, unique: one HL7 message may carry several fractures. */
  seq: number;
  registration: FractureRegistration;
  classification: Classification;
}

/** Patient identity (docs/IMPORT.md): the BSN when known, else the source system's patient number. */
export function patientKey(r: FractureRegistration): string {
  const p = r.patient;
  if (p.bsn !== undefined && p.bsn !== '') return `bsn:${p.bsn}`;
  return `src:${p.sourceSystem ?? ''}|${p.sourceId ?? ''}`;
}

/** Fracture identity within a patient and date: the site code, else the ICD-10, else the SNOMED code, else the text. */
export function fractureIdentityKey(r: FractureRegistration): string {
  const f = r.fracture;
  if (f.siteCode !== null) return f.siteCode;
  if (f.icd10Code !== undefined && f.icd10Code !== '') return `icd10:${f.icd10Code.toUpperCase()}`;
  if (f.snomedCode !== undefined && f.snomedCode !== '') return `snomed:${f.snomedCode}`;
  return `text:${(f.siteText ?? '').trim().toLowerCase()}`;
}

export const STAGE_TABLE = 'osteopad_import_stage';

/** A scratch table private to this transaction: set-based SQL beats row-by-row inserts by far. */
export async function createStage(tx: Executor): Promise<void> {
  await tx.execute(
    sql.raw(`CREATE TEMP TABLE ${STAGE_TABLE} (
      row_no integer NOT NULL,
      source_row integer NOT NULL,
      patient_key text NOT NULL,
      bsn text, source_system text, source_id text,
      family_name text NOT NULL, given_names text NOT NULL, initials text NOT NULL,
      birth_date date NOT NULL, sex text NOT NULL,
      street text NOT NULL, house_number text NOT NULL, postal_code text NOT NULL, city text NOT NULL,
      country text NOT NULL, phone text NOT NULL,
      gp_name text NOT NULL, gp_agb_code text NOT NULL, gp_practice_name text NOT NULL, gp_address text NOT NULL,
      portal_code text NOT NULL,
      fracture_date date NOT NULL, site_code text, site_text text NOT NULL, icd10_code text NOT NULL,
      snomed_code text NOT NULL, encounter_type text NOT NULL, trauma_mechanism text NOT NULL, pathological boolean,
      identity_key text NOT NULL, eligibility text NOT NULL, eligibility_reason text NOT NULL,
      patient_group text, engine jsonb NOT NULL, source_ref text NOT NULL,
      patient_id uuid
    ) ON COMMIT DROP`),
  );
  await tx.execute(sql.raw(`CREATE INDEX ON ${STAGE_TABLE} (row_no)`));
}

const STAGE_COLUMNS = [
  'row_no',
  'source_row',
  'patient_key',
  'bsn',
  'source_system',
  'source_id',
  'family_name',
  'given_names',
  'initials',
  'birth_date',
  'sex',
  'street',
  'house_number',
  'postal_code',
  'city',
  'country',
  'phone',
  'gp_name',
  'gp_agb_code',
  'gp_practice_name',
  'gp_address',
  'portal_code',
  'fracture_date',
  'site_code',
  'site_text',
  'icd10_code',
  'snomed_code',
  'encounter_type',
  'trauma_mechanism',
  'pathological',
  'identity_key',
  'eligibility',
  'eligibility_reason',
  'patient_group',
  'engine',
  'source_ref',
] as const;

function stageRow(s: StagedRegistration, sourceRef: (r: FractureRegistration) => string): CopyValue[] {
  const { patient: p, fracture: f } = s.registration;
  const c = s.classification;
  return [
    s.seq,
    s.registration.source.row,
    patientKey(s.registration),
    p.bsn ?? null,
    p.sourceId === undefined ? null : (p.sourceSystem ?? ''),
    p.sourceId ?? null,
    p.familyName,
    p.givenNames ?? '',
    p.initials ?? '',
    p.birthDate,
    p.sex,
    p.address?.street ?? '',
    p.address?.houseNumber ?? '',
    p.address?.postalCode ?? '',
    p.address?.city ?? '',
    p.address?.country ?? 'NL',
    p.phone ?? '',
    p.gp?.name ?? '',
    p.gp?.agbCode ?? '',
    p.gp?.practiceName ?? '',
    p.gp?.address ?? '',
    newPortalCode(),
    f.date,
    f.siteCode,
    f.siteText ?? '',
    f.icd10Code ?? '',
    f.snomedCode ?? '',
    f.encounterType,
    f.traumaMechanism,
    f.pathological,
    fractureIdentityKey(s.registration),
    c.outcome,
    c.reason,
    c.group,
    JSON.stringify({
      ...c.engine,
      rules: c.rules,
      ageAtFracture: c.ageAtFracture,
      assumptions: c.assumptions,
      sharedDecisionRecommended: c.sharedDecisionRecommended,
    }),
    sourceRef(s.registration),
  ];
}

/** Loads a batch into the stage table with COPY. */
export async function loadStage(
  client: pg.PoolClient,
  batch: readonly StagedRegistration[],
  sourceRef: (registration: FractureRegistration) => string,
): Promise<void> {
  await client.query(`TRUNCATE ${STAGE_TABLE}`);
  await copyRows(
    client,
    STAGE_TABLE,
    STAGE_COLUMNS,
    batch.map((s) => stageRow(s, sourceRef)),
  );
  // Fresh statistics for the batch, so the planner sizes joins on it correctly.
  await client.query(`ANALYZE ${STAGE_TABLE}`);
}
