// Decides, in memory, what one batch of classified registrations does to the database: which
// patients are new, which fractures are duplicates, which episodes and tasks open. Pure: the few
// facts it needs from the database are looked up beforehand and passed in.
import type { FractureRegistration, ImportRowError } from '../imports/types';
import type { Classification, EligibilityOutcome, PatientGroup } from './classifyRegistration';

export interface StagedRegistration {
  /** Position in this import, unique: one HL7 message may carry several fractures. */
  seq: number;
  registration: FractureRegistration;
  classification: Classification;
}

export interface KnownPatient {
  id: string;
  bsn: string | null;
  sourceSystem: string | null;
  sourceId: string | null;
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
  newId: () => string;
  newPortalCode: () => string;
}

export interface PlannedPatient {
  id: string;
  registration: FractureRegistration;
  portalCode: string;
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
}

export interface PatientTouched {
  patientId: string;
  created: boolean;
  fractureIds: string[];
  rows: number[];
  episodeIds: string[];
}

export interface BatchPlan {
  patients: PlannedPatient[];
  fractures: PlannedFracture[];
  episodes: PlannedEpisode[];
  touched: PatientTouched[];
  duplicates: number;
  conflicts: ImportRowError[];
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

function bsnOf(r: FractureRegistration): string | null {
  const bsn = r.patient.bsn;
  return bsn === undefined || bsn === '' ? null : bsn;
}

function sourceIdOf(r: FractureRegistration): string | null {
  const id = r.patient.sourceId;
  return id === undefined || id === '' ? null : id;
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
): BatchPlan {
  const byBsn = new Map<string, KnownPatient>();
  const bySource = new Map<string, KnownPatient>();
  for (const p of known.patients) {
    if (p.bsn !== null) byBsn.set(p.bsn, p);
    if (p.sourceId !== null) bySource.set(sourceKey(p.sourceSystem, p.sourceId), p);
  }
  const created = new Set<string>();
  const plan: BatchPlan = {
    patients: [],
    fractures: [],
    episodes: [],
    touched: [],
    duplicates: 0,
    conflicts: [],
  };
  const seenFractures = new Set(known.fractureKeys);
  const touched = new Map<string, PatientTouched>();

  for (const s of staged) {
    const r = s.registration;
    const bsn = bsnOf(r);
    const sourceId = sourceIdOf(r);
    const src = sourceId === null ? null : sourceKey(r.patient.sourceSystem, sourceId);
    const viaBsn = bsn === null ? undefined : byBsn.get(bsn);
    const viaSource = src === null ? undefined : bySource.get(src);
    // A row whose BSN and hospital number point at two different patients cannot be placed safely.
    if (viaBsn !== undefined && viaSource !== undefined && viaBsn.id !== viaSource.id) {
      plan.conflicts.push({
        row: r.source.row,
        field: 'patient_id',
        code: 'patient.identityConflict',
        message: 'This BSN and this hospital patient number belong to different patients.',
      });
      continue;
    }
    if (
      viaBsn === undefined &&
      viaSource !== undefined &&
      bsn !== null &&
      viaSource.bsn !== null &&
      viaSource.bsn !== bsn
    ) {
      plan.conflicts.push({
        row: r.source.row,
        field: 'bsn',
        code: 'patient.identityConflict',
        message: 'This hospital patient number belongs to a patient with a different BSN.',
      });
      continue;
    }
    let patient = viaBsn ?? viaSource;
    if (patient === undefined) {
      patient = {
        id: ctx.newId(),
        bsn,
        sourceSystem: sourceId === null ? null : (r.patient.sourceSystem ?? ''),
        sourceId,
      };
      if (bsn !== null) byBsn.set(bsn, patient);
      if (src !== null) bySource.set(src, patient);
      created.add(patient.id);
      plan.patients.push({ id: patient.id, registration: r, portalCode: ctx.newPortalCode() });
    }
    const identityKey = fractureIdentityKey(r);
    const key = `${patient.id}|${r.fracture.date}|${identityKey}`;
    if (seenFractures.has(key)) {
      plan.duplicates++;
      continue;
    }
    seenFractures.add(key);
    const fracture: PlannedFracture = { id: ctx.newId(), patientId: patient.id, staged: s, identityKey };
    plan.fractures.push(fracture);
    let entry = touched.get(patient.id);
    if (entry === undefined) {
      entry = {
        patientId: patient.id,
        created: created.has(patient.id),
        fractureIds: [],
        rows: [],
        episodeIds: [],
      };
      touched.set(patient.id, entry);
    }
    entry.fractureIds.push(fracture.id);
    entry.rows.push(r.source.row);
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
    };
    plan.episodes.push(episode);
    touched.get(patientId)?.episodeIds.push(episode.id);
  }
  plan.touched = [...touched.values()];
  return plan;
}
