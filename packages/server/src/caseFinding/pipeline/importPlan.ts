// Decides, in memory, what one batch of classified registrations does to the database: which
// patients are new, which fractures are duplicates, which episodes and tasks open. Pure: the few
// facts it needs from the database are looked up beforehand and passed in.
import type { FractureRegistration, ImportedPatient, ImportRowError, PatientUpdate } from '../parsers/types';
import type { Classification, EligibilityOutcome, PatientGroup } from './classifyRegistration';
import {
  applyNewerDetails,
  sentDemographics,
  type DatedDetails,
  type DemographicField,
  type Demographics,
} from './patientDemographics';

export interface StagedRegistration {
  /** Position in this import, unique: one HL7 message may carry several fractures. */
  seq: number;
  registration: FractureRegistration;
  classification: Classification;
}

export interface StagedPatientUpdate {
  seq: number;
  update: PatientUpdate;
}

export interface KnownPatient {
  id: string;
  bsn: string | null;
  sourceSystem: string | null;
  sourceId: string | null;
  /** Stored name, address, phone and GP, and the moment they were true. */
  demographics: Demographics;
  demographicsAsOf: string;
  /** Never changed by an import; a registration that differs is reported for a person to check. */
  birthDate: string;
  sex: string;
  /** Already known to have died, and when (null: date not known). */
  deceased: boolean;
  deceasedDate: string | null;
}

/** What the database already holds about the patients of this batch. */
export interface KnownFacts {
  patients: readonly KnownPatient[];
  /** `patientId|fractureDate|identityKey` of their fractures. */
  fractureKeys: ReadonlySet<string>;
  /** Patients with an episode that is not yet closed. */
  withOpenEpisode: ReadonlySet<string>;
}

export interface PlanContext {
  today: string;
  /** When the import started (ISO instant): how old details without a time of their own are taken to be. */
  importedAt: string;
  newId: () => string;
  /** The retired plain portal code (null: none is stored; codes are issued with the letter). */
  newPortalCode: () => string | null;
}

export interface PlannedPatient {
  id: string;
  registration: FractureRegistration;
  portalCode: string | null;
  /** The details to store: the first registration's, with newer ones of the same batch applied. */
  demographics: Demographics;
  demographicsAsOf: string;
  /** Died, by this or a later item of the batch (date null when not given). */
  death?: { date: string | null };
}

/** A known patient whose death this batch reports first (or whose date of death it gives first). */
export interface PlannedDeath {
  patientId: string;
  date: string | null;
  rows: number[];
}

/** A known patient whose name, address, phone or GP newer details change (or confirm as of a later moment). */
export interface PlannedPatientUpdate {
  patientId: string;
  demographics: Demographics;
  demographicsAsOf: string;
  changed: DemographicField[];
}

export interface PlannedFracture {
  id: string;
  patientId: string;
  staged: StagedRegistration;
  identityKey: string;
}

export interface PlannedEpisode {
  id: string;
  patientId: string;
  indexFractureId: string;
  group: PatientGroup | null;
  /** The first task: invite an eligible patient, or have a nurse review an unplaced fracture. */
  taskKind: 'invite' | 'review_eligibility';
  /** Its id, time-ordered like every id an import makes. */
  taskId: string;
  /** The patient has died: the episode is recorded and closed at once, and nobody is invited. */
  closedByDeath?: { deceasedOn: string | null };
}

export interface PatientTouched {
  patientId: string;
  created: boolean;
  fractureIds: string[];
  rows: number[];
  episodeIds: string[];
  /** Which details newer registrations changed, and as of when. */
  demographics?: { changed: DemographicField[]; asOf: string };
  /** The death this batch recorded for a known patient. */
  death?: { date: string | null };
}

export interface BatchPlan {
  patients: PlannedPatient[];
  fractures: PlannedFracture[];
  episodes: PlannedEpisode[];
  patientUpdates: PlannedPatientUpdate[];
  /** Known patients who died: their open episodes close and their open tasks are cancelled. */
  deaths: PlannedDeath[];
  touched: PatientTouched[];
  duplicates: number;
  /** Updates for people Osteopad does not know (they have no fracture here): nothing is stored. */
  updatesIgnored: number;
  conflicts: ImportRowError[];
  /** Rows taken that a person should check: a birth date or sex that differs from the stored patient's. */
  warnings: ImportRowError[];
}

/** Fracture identity within a patient and date: the site code, else ICD-10, else SNOMED, else the text. */
export function fractureIdentityKey(r: FractureRegistration): string {
  const f = r.fracture;
  if (f.siteCode !== null) return f.siteCode;
  if (f.icd10Code !== undefined && f.icd10Code !== '') return `icd10:${f.icd10Code.toUpperCase()}`;
  if (f.snomedCode !== undefined && f.snomedCode !== '') return `snomed:${f.snomedCode}`;
  return `text:${(f.siteText ?? '').trim().toLowerCase()}`;
}

export function sourceKey(system: string | null | undefined, id: string): string {
  return `${system ?? ''}\u0000${id}`;
}

function bsnOf(p: ImportedPatient): string | null {
  const bsn = p.bsn;
  return bsn === undefined || bsn === '' ? null : bsn;
}

function sourceIdOf(p: ImportedPatient): string | null {
  const id = p.sourceId;
  return id === undefined || id === '' ? null : id;
}

/** What a new patient's row holds before newer details of the same batch are applied. */
function initialDemographics(p: ImportedPatient): Demographics {
  return {
    familyName: '',
    givenNames: '',
    initials: '',
    street: '',
    houseNumber: '',
    postalCode: '',
    city: '',
    country: 'NL',
    phone: '',
    gpName: '',
    gpAgbCode: '',
    gpPracticeName: '',
    gpAddress: '',
    ...sentDemographics(p),
  };
}

/** Patients known so far (in the database or made earlier in this batch), by BSN and by source identifier. */
class PatientIndex {
  private readonly byBsn = new Map<string, KnownPatient>();
  private readonly bySource = new Map<string, KnownPatient>();

  add(p: KnownPatient): void {
    if (p.bsn !== null) this.byBsn.set(p.bsn, p);
    if (p.sourceId !== null) this.bySource.set(sourceKey(p.sourceSystem, p.sourceId), p);
  }

  /**
   * The patient these identifiers point at; a conflict when the BSN and the hospital number point at two
   * different patients, or the hospital number's patient has another BSN — those cannot be placed safely.
   */
  find(p: ImportedPatient, row: number): { patient?: KnownPatient; conflict?: ImportRowError } {
    const bsn = bsnOf(p);
    const sourceId = sourceIdOf(p);
    const viaBsn = bsn === null ? undefined : this.byBsn.get(bsn);
    const viaSource = sourceId === null ? undefined : this.bySource.get(sourceKey(p.sourceSystem, sourceId));
    if (viaBsn !== undefined && viaSource !== undefined && viaBsn.id !== viaSource.id) {
      return {
        conflict: {
          row,
          field: 'patient_id',
          code: 'patient.identityConflict',
          message: 'This BSN and this hospital patient number belong to different patients.',
        },
      };
    }
    if (
      viaBsn === undefined &&
      viaSource !== undefined &&
      bsn !== null &&
      viaSource.bsn !== null &&
      viaSource.bsn !== bsn
    ) {
      return {
        conflict: {
          row,
          field: 'bsn',
          code: 'patient.identityConflict',
          message: 'This hospital patient number belongs to a patient with a different BSN.',
        },
      };
    }
    const patient = viaBsn ?? viaSource;
    return patient === undefined ? {} : { patient };
  }
}

const GROUP_RANK: Record<PatientGroup, number> = { hip: 0, vertebral: 1, otherInpatient: 2, outpatient: 3 };
const OUTCOME_RANK: Record<EligibilityOutcome, number> = { eligible: 0, manual_review: 1, excluded: 2 };

/**
 * The most telling new fracture opens the episode (one per index fracture, QUALITY-KPIS 1.2):
 * eligible before manual review, then the earliest, then hip > vertebral > other, then file order.
 */
function betterIndex(a: PlannedFracture, b: PlannedFracture): boolean {
  const ca = a.staged.classification;
  const cb = b.staged.classification;
  if (ca.outcome !== cb.outcome) return OUTCOME_RANK[ca.outcome] < OUTCOME_RANK[cb.outcome];
  const da = a.staged.registration.fracture.date;
  const db = b.staged.registration.fracture.date;
  if (da !== db) return da < db;
  const ga = ca.group === null ? 9 : GROUP_RANK[ca.group];
  const gb = cb.group === null ? 9 : GROUP_RANK[cb.group];
  if (ga !== gb) return ga < gb;
  return a.staged.seq < b.staged.seq;
}

export function planBatch(
  staged: readonly StagedRegistration[],
  known: KnownFacts,
  ctx: PlanContext,
  updates: readonly StagedPatientUpdate[] = [],
): BatchPlan {
  const index = new PatientIndex();
  const inDatabase = new Map<string, KnownPatient>();
  for (const p of known.patients) {
    index.add(p);
    inDatabase.set(p.id, p);
  }
  const created = new Map<string, PlannedPatient>();
  const plan: BatchPlan = {
    patients: [],
    fractures: [],
    episodes: [],
    patientUpdates: [],
    deaths: [],
    touched: [],
    duplicates: 0,
    updatesIgnored: 0,
    conflicts: [],
    warnings: [],
  };
  /** Identity details differ: the stored ones stay, and the row says so (docs/IMPORT.md §2). */
  const compareIdentity = (known: KnownPatient, p: ImportedPatient, row: number): void => {
    if (p.birthDate !== known.birthDate) {
      plan.warnings.push({
        row,
        field: 'patient.birthDate',
        code: 'patient.birthDateDiffers',
        // The stored value is not quoted: whoever reads the import report may not read patient records.
        message: `the birth date ${p.birthDate} differs from the one Osteopad holds for this patient; it was not changed — check the identifiers and correct the record by hand if needed`,
      });
    }
    if (p.sex !== known.sex && p.sex !== 'unknown') {
      plan.warnings.push({
        row,
        field: 'patient.sex',
        code: 'patient.sexDiffers',
        message: `the sex "${p.sex}" differs from the one Osteopad holds for this patient; it was not changed`,
      });
    }
  };
  const seenFractures = new Set(known.fractureKeys);
  const touched = new Map<string, PatientTouched>();
  /** Timestamped details per patient, applied after the batch is placed (newest wins). */
  const dated = new Map<string, DatedDetails[]>();
  const addDated = (patientId: string, p: ImportedPatient, row: number): void => {
    if (p.recordedAt === undefined) return;
    const list = dated.get(patientId) ?? [];
    list.push({ recordedAt: p.recordedAt, sent: sentDemographics(p), row });
    dated.set(patientId, list);
  };
  const touch = (patientId: string): PatientTouched => {
    let entry = touched.get(patientId);
    if (entry === undefined) {
      entry = { patientId, created: created.has(patientId), fractureIds: [], rows: [], episodeIds: [] };
      touched.set(patientId, entry);
    }
    return entry;
  };

  /** Deaths reported in this batch, per patient (new or known): the first date given wins. */
  const reportedDeaths = new Map<string, { date: string | null; rows: number[] }>();
  const reportDeath = (patientId: string, p: ImportedPatient, row: number): void => {
    if (p.deceased === undefined) return;
    const entry = reportedDeaths.get(patientId) ?? { date: null, rows: [] };
    entry.date ??= p.deceased.date ?? null;
    entry.rows.push(row);
    reportedDeaths.set(patientId, entry);
  };

  for (const s of staged) {
    const r = s.registration;
    const found = index.find(r.patient, r.source.row);
    if (found.conflict !== undefined) {
      plan.conflicts.push(found.conflict);
      continue;
    }
    let patient = found.patient;
    if (patient === undefined) {
      const sourceId = sourceIdOf(r.patient);
      patient = {
        id: ctx.newId(),
        bsn: bsnOf(r.patient),
        sourceSystem: sourceId === null ? null : (r.patient.sourceSystem ?? ''),
        sourceId,
        demographics: initialDemographics(r.patient),
        demographicsAsOf: r.patient.recordedAt ?? ctx.importedAt,
        birthDate: r.patient.birthDate,
        sex: r.patient.sex,
        deceased: false,
        deceasedDate: null,
      };
      index.add(patient);
      const planned: PlannedPatient = {
        id: patient.id,
        registration: r,
        portalCode: ctx.newPortalCode(),
        demographics: patient.demographics,
        demographicsAsOf: patient.demographicsAsOf,
      };
      created.set(patient.id, planned);
      plan.patients.push(planned);
    } else {
      addDated(patient.id, r.patient, r.source.row);
      compareIdentity(patient, r.patient, r.source.row);
    }
    reportDeath(patient.id, r.patient, r.source.row);
    const identityKey = fractureIdentityKey(r);
    const key = `${patient.id}|${r.fracture.date}|${identityKey}`;
    if (seenFractures.has(key)) {
      plan.duplicates++;
      continue;
    }
    seenFractures.add(key);
    const fracture: PlannedFracture = { id: ctx.newId(), patientId: patient.id, staged: s, identityKey };
    plan.fractures.push(fracture);
    const entry = touch(patient.id);
    entry.fractureIds.push(fracture.id);
    entry.rows.push(r.source.row);
  }

  for (const { update } of updates) {
    const found = index.find(update.patient, update.source.row);
    if (found.conflict !== undefined) plan.conflicts.push(found.conflict);
    else if (found.patient === undefined) plan.updatesIgnored++;
    else {
      addDated(found.patient.id, update.patient, update.source.row);
      compareIdentity(found.patient, update.patient, update.source.row);
      reportDeath(found.patient.id, update.patient, update.source.row);
    }
  }

  // Deaths: a new patient is stored as deceased; a known one is recorded as deceased (or gets the date).
  for (const [patientId, death] of reportedDeaths) {
    const planned = created.get(patientId);
    if (planned !== undefined) {
      planned.death = { date: death.date };
      continue;
    }
    const stored = inDatabase.get(patientId);
    if (stored === undefined) continue;
    if (stored.deceased && (stored.deceasedDate !== null || death.date === null)) continue;
    plan.deaths.push({ patientId, date: stored.deceasedDate ?? death.date, rows: death.rows });
    const entry = touch(patientId);
    entry.death = { date: stored.deceasedDate ?? death.date };
    for (const row of death.rows) if (!entry.rows.includes(row)) entry.rows.push(row);
  }
  /** When each patient of the batch died (undefined: not known to have died). */
  const deathOf = (patientId: string): { deceasedOn: string | null } | undefined => {
    const reported = reportedDeaths.get(patientId);
    const stored = inDatabase.get(patientId);
    if (stored?.deceased === true) return { deceasedOn: stored.deceasedDate ?? reported?.date ?? null };
    return reported === undefined ? undefined : { deceasedOn: reported.date };
  };
  for (const f of plan.fractures) {
    const died = deathOf(f.patientId)?.deceasedOn;
    const date = f.staged.registration.fracture.date;
    if (died !== undefined && died !== null && date > died) {
      plan.warnings.push({
        row: f.staged.registration.source.row,
        field: 'fracture.date',
        code: 'fracture.afterDeath',
        message: `the fracture date ${date} is after the patient's date of death; check both dates`,
      });
    }
  }

  for (const [patientId, candidates] of dated) {
    const planned = created.get(patientId);
    const stored = inDatabase.get(patientId);
    const base = planned ?? stored;
    if (base === undefined) continue;
    const outcome = applyNewerDetails(base.demographics, base.demographicsAsOf, candidates);
    if (outcome === undefined) continue;
    if (planned !== undefined) {
      planned.demographics = outcome.values;
      planned.demographicsAsOf = outcome.asOf;
      continue;
    }
    plan.patientUpdates.push({
      patientId,
      demographics: outcome.values,
      demographicsAsOf: outcome.asOf,
      changed: outcome.changed,
    });
    const entry = touch(patientId);
    entry.demographics = { changed: outcome.changed, asOf: outcome.asOf };
    for (const row of outcome.rows) if (!entry.rows.includes(row)) entry.rows.push(row);
  }

  const bestPerPatient = new Map<string, PlannedFracture>();
  for (const f of plan.fractures) {
    if (f.staged.classification.outcome === 'excluded' || known.withOpenEpisode.has(f.patientId)) continue;
    const best = bestPerPatient.get(f.patientId);
    if (best === undefined || betterIndex(f, best)) bestPerPatient.set(f.patientId, f);
  }
  for (const [patientId, f] of bestPerPatient) {
    const episode: PlannedEpisode = {
      id: ctx.newId(),
      patientId,
      indexFractureId: f.id,
      group: f.staged.classification.group,
      taskKind: f.staged.classification.outcome === 'eligible' ? 'invite' : 'review_eligibility',
      taskId: ctx.newId(),
    };
    const died = deathOf(patientId);
    if (died !== undefined) episode.closedByDeath = died;
    plan.episodes.push(episode);
    touched.get(patientId)?.episodeIds.push(episode.id);
  }
  plan.touched = [...touched.values()];
  return plan;
}
