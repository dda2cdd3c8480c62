import { and, desc, eq } from 'drizzle-orm';
import type { FractureInput, PatientInput } from '@osteopad/clinical';
import type { Transaction } from '../db/connection';
import { episodes, fractureEvents, patients } from '../db/schema';
import { notFound, unprocessable } from '../domain/errors';
import type { EpisodeScope, PatientInputSectionLoader } from '../consult/patientInputSections';
import { PATIENT_INPUT_SECTION_LOADERS } from '../consult/sectionLoaders';

export interface BuiltPatientInput {
  input: PatientInput;
  /** The sections recorded (`sex`, `birthDate`, `fractures` and what the loaders answered). */
  sections: string[];
  indexFractureDate: string | null;
}

const MECHANISM = { low: 'lowEnergy', high: 'highEnergy', unknown: 'unknown' } as const;
/** The engine's validation takes at most 100 fractures: the most recent ones count. */
const MAX_FRACTURES = 100;

/**
 * The clinical engine's input for one episode: the patient (sex, birth date) and their fractures from
 * the database, merged with the sections the consult's areas answer (`loaders`: the intake, the
 * investigations …). Runs inside the caller's unit of work.
 */
export async function buildPatientInput(
  tx: Transaction,
  scope: EpisodeScope,
  loaders: readonly PatientInputSectionLoader[] = PATIENT_INPUT_SECTION_LOADERS,
): Promise<BuiltPatientInput> {
  // One after the other: a transaction's statements share its one connection.
  const patientRows = await tx
    .select({ sex: patients.sex, birthDate: patients.birthDate })
    .from(patients)
    .where(and(eq(patients.id, scope.patientId), eq(patients.organizationId, scope.organizationId)));
  const fractureRows = await tx
    .select({
      id: fractureEvents.id,
      date: fractureEvents.fractureDate,
      siteCode: fractureEvents.siteCode,
      mechanism: fractureEvents.traumaMechanism,
      pathological: fractureEvents.pathological,
      encounterType: fractureEvents.encounterType,
    })
    .from(fractureEvents)
    .where(
      and(
        eq(fractureEvents.patientId, scope.patientId),
        eq(fractureEvents.organizationId, scope.organizationId),
      ),
    )
    .orderBy(desc(fractureEvents.fractureDate), desc(fractureEvents.id))
    .limit(MAX_FRACTURES);
  const episodeRows = await tx
    .select({ indexFractureId: episodes.indexFractureId })
    .from(episodes)
    .where(and(eq(episodes.id, scope.episodeId), eq(episodes.organizationId, scope.organizationId)));
  const patient = patientRows[0];
  const episode = episodeRows[0];
  if (patient === undefined || episode === undefined) throw notFound('Episode');
  if (patient.sex !== 'female' && patient.sex !== 'male')
    throw unprocessable(
      'sex_not_assessable',
      'The rules distinguish women and men; record the patient’s sex to assess them.',
    );
  const fractures: FractureInput[] = fractureRows.map((f) => ({
    date: f.date,
    // An unplaced fracture is answered with manual review by the rules (R1.3).
    site: f.siteCode ?? 'unplaced',
    mechanism: MECHANISM[f.mechanism],
    pathological: f.pathological,
    ...(f.encounterType === 'unknown' ? {} : { encounterType: f.encounterType }),
    ...(f.id === episode.indexFractureId ? { isIndex: true } : {}),
  }));
  const sections = ['sex', 'birthDate', 'fractures'];
  let input: PatientInput = { sex: patient.sex, birthDate: patient.birthDate, fractures };
  for (const loader of loaders) {
    const answered = await loader(tx, scope);
    for (const [key, value] of Object.entries(answered) as [string, unknown][]) {
      if (value === undefined) continue;
      if (!sections.includes(key)) sections.push(key);
      input = { ...input, [key]: value };
    }
  }
  const index = fractureRows.find((f) => f.id === episode.indexFractureId);
  return { input, sections, indexFractureDate: index?.date ?? null };
}
