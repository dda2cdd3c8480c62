// What the investigations (DXA, VFA) give the rest of the consult: the engine's `dxa` and `vfa` input
// sections from the episode's latest exams (consult/sectionLoaders.ts), and the episode timeline's
// "DXA recorded" / "VFA recorded" entries.
import { and, desc, eq } from 'drizzle-orm';
import type { TimelineEntry } from '@osteopad/contract';
import type { Transaction } from '../db/connection';
import { dxaExams, users, vfaExams } from '../db/schema';
import type {
  EpisodeScope,
  PatientInputSectionLoader,
  PatientInputSections,
  TimelineSource,
} from '../consult/patientInputSections';
import { dxaInputOf, vfaInputOf, type StoredDxaSites, type StoredVertebra } from './densitometry';

/** The latest exam is the one with the latest exam date (of one day: the one recorded last). */
async function latestDxa(tx: Transaction, scope: EpisodeScope) {
  const rows = await tx
    .select({ examDate: dxaExams.examDate, sites: dxaExams.sites })
    .from(dxaExams)
    .where(and(eq(dxaExams.episodeId, scope.episodeId), eq(dxaExams.organizationId, scope.organizationId)))
    .orderBy(desc(dxaExams.examDate), desc(dxaExams.recordedAt))
    .limit(1);
  return rows[0];
}

async function latestVfa(tx: Transaction, scope: EpisodeScope) {
  const rows = await tx
    .select({ assessable: vfaExams.assessable, vertebrae: vfaExams.vertebrae })
    .from(vfaExams)
    .where(and(eq(vfaExams.episodeId, scope.episodeId), eq(vfaExams.organizationId, scope.organizationId)))
    .orderBy(desc(vfaExams.examDate), desc(vfaExams.recordedAt))
    .limit(1);
  return rows[0];
}

/** The engine's sections from the latest exams (pure; `null` = none recorded). */
export function densitometrySectionsOf(
  dxa: { examDate: string; sites: StoredDxaSites } | null,
  vfa: { assessable: boolean; vertebrae: readonly StoredVertebra[] } | null,
): PatientInputSections {
  return {
    ...(dxa === null ? {} : { dxa: dxaInputOf(dxa.examDate, dxa.sites) }),
    ...(vfa === null ? {} : { vfa: vfaInputOf(vfa.assessable, vfa.vertebrae) }),
  };
}

/** `dxa` and `vfa` of the engine's input, from the episode's latest DXA and VFA. */
export const loadDensitometrySections: PatientInputSectionLoader = async (tx, scope) => {
  const [dxa, vfa] = [await latestDxa(tx, scope), await latestVfa(tx, scope)];
  return densitometrySectionsOf(
    dxa === undefined ? null : { examDate: dxa.examDate, sites: dxa.sites as StoredDxaSites },
    vfa === undefined ? null : { assessable: vfa.assessable, vertebrae: vfa.vertebrae as StoredVertebra[] },
  );
};

/** Timeline entries `dxa_recorded` / `vfa_recorded` {examDate, version}, at the time of recording. */
export const densitometryTimeline: TimelineSource = async (tx, scope) => {
  const where = (table: typeof dxaExams | typeof vfaExams) =>
    and(eq(table.episodeId, scope.episodeId), eq(table.organizationId, scope.organizationId));
  const dxa = await tx
    .select({
      at: dxaExams.recordedAt,
      examDate: dxaExams.examDate,
      version: dxaExams.version,
      actor: users.displayName,
    })
    .from(dxaExams)
    .leftJoin(users, eq(users.id, dxaExams.recordedBy))
    .where(where(dxaExams));
  const vfa = await tx
    .select({
      at: vfaExams.recordedAt,
      examDate: vfaExams.examDate,
      version: vfaExams.version,
      actor: users.displayName,
    })
    .from(vfaExams)
    .leftJoin(users, eq(users.id, vfaExams.recordedBy))
    .where(where(vfaExams));
  const entry =
    (kind: 'dxa_recorded' | 'vfa_recorded') =>
    (row: { at: Date; examDate: string; version: number; actor: string | null }): TimelineEntry => ({
      at: row.at.toISOString(),
      kind,
      actor: row.actor,
      details: { examDate: row.examDate, version: row.version },
      note: null,
    });
  return [...dxa.map(entry('dxa_recorded')), ...vfa.map(entry('vfa_recorded'))];
};
