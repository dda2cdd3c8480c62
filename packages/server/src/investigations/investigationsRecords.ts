// DXA and VFA exams of an episode: preview (the engine's answer, nothing written), record, correct
// (optimistic concurrency on `version`) and read — each one unit of work, audited per record.
import { and, desc, eq, sql } from 'drizzle-orm';
import type { ClinicalConfig } from '@osteopad/clinical';
import type {
  DxaBody,
  DxaExam,
  DxaUpdateBody,
  EpisodeState,
  Investigations,
  VfaBody,
  VfaExam,
  VfaUpdateBody,
} from '@osteopad/contract';
import type { Database, Transaction } from '../db/connection';
import { dxaExams, episodes, fractureEvents, patients, users, vfaExams } from '../db/schema';
import type { Actor } from '../auth/actor';
import { auditedTransaction, type AuditTrail } from '../audit/auditedTransaction';
import { conflict, invalidFields, notFound, type FieldIssue } from '../domain/errors';
import { loadIntakeSections } from '../intake/intakeRecords';
import type { PatientInputSections } from '../consult/patientInputSections';
import { transition } from '../episodes/episodeRecords';
import { awaitDecision } from '../episodes/consultTasks';
import { episodeReason } from '../episodes/episodeReasons';
import { TERMINAL_STATES } from '../episodes/episodeStateMachine';
import {
  classifyDxa,
  indexFractureInput,
  storedDxaSites,
  storedVertebrae,
  vfaResultOf,
  type PatientContext,
  type StoredDxaSites,
  type StoredVertebra,
} from './densitometry';
import { dxaIssues, vfaIssues } from './densitometryValidation';

type EpisodeRow = typeof episodes.$inferSelect;

interface Loaded {
  episode: EpisodeRow;
  context: PatientContext;
}

/** The episode (locked when it is to be written), its patient and index fracture, in one statement. */
async function loadEpisode(
  tx: Transaction,
  actor: Actor,
  episodeId: string,
  today: string,
  lock: boolean,
): Promise<Loaded> {
  const query = tx
    .select({
      episode: episodes,
      sex: patients.sex,
      birthDate: patients.birthDate,
      fractureDate: fractureEvents.fractureDate,
      siteCode: fractureEvents.siteCode,
      traumaMechanism: fractureEvents.traumaMechanism,
      pathological: fractureEvents.pathological,
    })
    .from(episodes)
    .innerJoin(patients, eq(patients.id, episodes.patientId))
    .leftJoin(fractureEvents, eq(fractureEvents.id, episodes.indexFractureId))
    .where(and(eq(episodes.id, episodeId), eq(episodes.organizationId, actor.organizationId)));
  const rows = lock ? await query.for('update', { of: episodes }) : await query;
  const row = rows[0];
  if (row === undefined) throw notFound('Episode');
  return {
    episode: row.episode,
    context: {
      sex: row.sex === 'female' || row.sex === 'male' ? row.sex : null,
      birthDate: row.birthDate,
      fractures: indexFractureInput(row),
      sections: {},
      today,
    },
  };
}

/**
 * What the classification of an exam needs from the rest of the consult: R4 reads the patient's age, sex
 * and menopausal status (the intake); R5 only the exam. So a save loads the intake's sections alone (one
 * statement), not every area's: labs, falls and earlier exams do not change how this exam is classified.
 */
async function withSections(tx: Transaction, actor: Actor, loaded: Loaded): Promise<PatientContext> {
  const sections: PatientInputSections = await loadIntakeSections(tx, {
    organizationId: actor.organizationId,
    patientId: loaded.episode.patientId,
    episodeId: loaded.episode.id,
  });
  return { ...loaded.context, sections };
}

function refuseIfInvalid(issues: FieldIssue[]): void {
  if (issues.length > 0) throw invalidFields('Some values cannot be right; nothing was saved.', issues);
}

function refuseIfEnded(episode: EpisodeRow): void {
  if (TERMINAL_STATES.has(episode.state))
    throw conflict('episode_ended', `The episode has ended (${episode.state}); nothing can be recorded.`, {
      state: episode.state,
    });
}

/**
 * Recording a DXA or VFA moves an episode in intake to `investigated`. Before intake (identified,
 * invited, reminded) an exam may be recorded without a state change (a DXA done before the patient
 * answered); later states stay where they are.
 */
async function moveAlong(
  tx: Transaction,
  trail: AuditTrail,
  actor: Actor,
  episode: EpisodeRow,
  today: string,
): Promise<EpisodeState> {
  if (episode.state !== 'intake') return episode.state;
  await transition(tx, trail, actor, episode, 'investigated', episodeReason.investigationsRecorded(), today);
  await awaitDecision(tx, trail, actor, episode, today);
  return 'investigated';
}

function readEvent(trail: AuditTrail, objectType: string, objectId: string, patientId: string, details = {}) {
  trail.record({ action: 'read', objectType, objectId, patientId, details });
}

// ── DXA ──────────────────────────────────────────────────────────────────────────────────────────────────

type DxaRow = typeof dxaExams.$inferSelect;

function dxaAnswer(
  row: DxaRow,
  recordedBy: string | null,
  context: PatientContext,
  config: ClinicalConfig,
): DxaExam {
  const sites = row.sites as StoredDxaSites;
  return {
    id: row.id,
    episodeId: row.episodeId,
    examDate: row.examDate,
    device: row.device,
    sites,
    version: row.version,
    recordedBy,
    recordedAt: row.recordedAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    classification: classifyDxa(context, row.examDate, sites, config),
  };
}

export function previewDxa(
  db: Database,
  actor: Actor,
  episodeId: string,
  body: DxaBody,
  today: string,
  config: ClinicalConfig,
) {
  return auditedTransaction(db, actor, async (tx, trail) => {
    const loaded = await loadEpisode(tx, actor, episodeId, today, false);
    readEvent(trail, 'episode', episodeId, loaded.episode.patientId, { purpose: 'dxa_preview' });
    refuseIfInvalid(dxaIssues(body, { today, birthDate: loaded.context.birthDate }));
    const context = await withSections(tx, actor, loaded);
    return { classification: classifyDxa(context, body.examDate, storedDxaSites(body.sites), config) };
  });
}

export function recordDxa(
  db: Database,
  actor: Actor,
  episodeId: string,
  body: DxaBody,
  today: string,
  config: ClinicalConfig,
) {
  return auditedTransaction(db, actor, async (tx, trail) => {
    const loaded = await loadEpisode(tx, actor, episodeId, today, true);
    refuseIfEnded(loaded.episode);
    refuseIfInvalid(dxaIssues(body, { today, birthDate: loaded.context.birthDate }));
    const sites = storedDxaSites(body.sites);
    const inserted = await tx
      .insert(dxaExams)
      .values({
        organizationId: actor.organizationId,
        patientId: loaded.episode.patientId,
        episodeId,
        examDate: body.examDate,
        device: body.device ?? '',
        sites,
        recordedBy: actor.userId,
      })
      .returning();
    const row = inserted[0];
    if (row === undefined) throw new Error('insert returned no row');
    trail.record({
      action: 'create',
      objectType: 'dxa_exam',
      objectId: row.id,
      patientId: row.patientId,
      details: { episodeId, examDate: row.examDate },
    });
    const episodeState = await moveAlong(tx, trail, actor, loaded.episode, today);
    const context = await withSections(tx, actor, loaded);
    return { exam: dxaAnswer(row, actor.displayName, context, config), episodeState };
  });
}

export function updateDxa(
  db: Database,
  actor: Actor,
  dxaExamId: string,
  body: DxaUpdateBody,
  today: string,
  config: ClinicalConfig,
) {
  return auditedTransaction(db, actor, async (tx, trail) => {
    const current = await tx
      .select({ episodeId: dxaExams.episodeId, version: dxaExams.version })
      .from(dxaExams)
      .where(and(eq(dxaExams.id, dxaExamId), eq(dxaExams.organizationId, actor.organizationId)));
    const exam = current[0];
    if (exam === undefined) throw notFound('DXA exam');
    const loaded = await loadEpisode(tx, actor, exam.episodeId, today, true);
    refuseIfEnded(loaded.episode);
    refuseIfInvalid(dxaIssues(body, { today, birthDate: loaded.context.birthDate }));
    const updated = await tx
      .update(dxaExams)
      .set({
        examDate: body.examDate,
        device: body.device ?? '',
        sites: storedDxaSites(body.sites),
        version: sql`${dxaExams.version} + 1`,
        updatedAt: sql`now()`,
      })
      .where(and(eq(dxaExams.id, dxaExamId), eq(dxaExams.version, body.version)))
      .returning();
    const row = updated[0];
    if (row === undefined) throw staleVersion(exam.version);
    trail.record({
      action: 'update',
      objectType: 'dxa_exam',
      objectId: row.id,
      patientId: row.patientId,
      details: { version: row.version },
    });
    const episodeState = await moveAlong(tx, trail, actor, loaded.episode, today);
    const context = await withSections(tx, actor, loaded);
    const recordedBy = await displayNameOf(tx, row.recordedBy);
    return { exam: dxaAnswer(row, recordedBy, context, config), episodeState };
  });
}

function staleVersion(current: number) {
  return conflict(
    'stale_version',
    'Someone else changed this exam after you opened it; reload to see the latest version.',
    { currentVersion: current },
  );
}

async function displayNameOf(tx: Transaction, userId: string | null): Promise<string | null> {
  if (userId === null) return null;
  const rows = await tx.select({ name: users.displayName }).from(users).where(eq(users.id, userId));
  return rows[0]?.name ?? null;
}

// ── VFA ──────────────────────────────────────────────────────────────────────────────────────────────────

type VfaRow = typeof vfaExams.$inferSelect;

function vfaAnswer(row: VfaRow, recordedBy: string | null): VfaExam {
  const vertebrae = row.vertebrae as StoredVertebra[];
  return {
    id: row.id,
    episodeId: row.episodeId,
    examDate: row.examDate,
    assessable: row.assessable,
    vertebrae,
    version: row.version,
    recordedBy,
    recordedAt: row.recordedAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    result: vfaResultOf(row.assessable, vertebrae),
  };
}

export function previewVfa(db: Database, actor: Actor, episodeId: string, body: VfaBody, today: string) {
  return auditedTransaction(db, actor, async (tx, trail) => {
    const loaded = await loadEpisode(tx, actor, episodeId, today, false);
    readEvent(trail, 'episode', episodeId, loaded.episode.patientId, { purpose: 'vfa_preview' });
    refuseIfInvalid(vfaIssues(body, { today, birthDate: loaded.context.birthDate }));
    return { result: vfaResultOf(body.assessable, storedVertebrae(body.vertebrae)) };
  });
}

export function recordVfa(db: Database, actor: Actor, episodeId: string, body: VfaBody, today: string) {
  return auditedTransaction(db, actor, async (tx, trail) => {
    const loaded = await loadEpisode(tx, actor, episodeId, today, true);
    refuseIfEnded(loaded.episode);
    refuseIfInvalid(vfaIssues(body, { today, birthDate: loaded.context.birthDate }));
    const inserted = await tx
      .insert(vfaExams)
      .values({
        organizationId: actor.organizationId,
        patientId: loaded.episode.patientId,
        episodeId,
        examDate: body.examDate,
        assessable: body.assessable,
        vertebrae: storedVertebrae(body.vertebrae),
        recordedBy: actor.userId,
      })
      .returning();
    const row = inserted[0];
    if (row === undefined) throw new Error('insert returned no row');
    trail.record({
      action: 'create',
      objectType: 'vfa_exam',
      objectId: row.id,
      patientId: row.patientId,
      details: { episodeId, examDate: row.examDate },
    });
    const episodeState = await moveAlong(tx, trail, actor, loaded.episode, today);
    return { exam: vfaAnswer(row, actor.displayName), episodeState };
  });
}

export function updateVfa(db: Database, actor: Actor, vfaExamId: string, body: VfaUpdateBody, today: string) {
  return auditedTransaction(db, actor, async (tx, trail) => {
    const current = await tx
      .select({ episodeId: vfaExams.episodeId, version: vfaExams.version })
      .from(vfaExams)
      .where(and(eq(vfaExams.id, vfaExamId), eq(vfaExams.organizationId, actor.organizationId)));
    const exam = current[0];
    if (exam === undefined) throw notFound('VFA exam');
    const loaded = await loadEpisode(tx, actor, exam.episodeId, today, true);
    refuseIfEnded(loaded.episode);
    refuseIfInvalid(vfaIssues(body, { today, birthDate: loaded.context.birthDate }));
    const updated = await tx
      .update(vfaExams)
      .set({
        examDate: body.examDate,
        assessable: body.assessable,
        vertebrae: storedVertebrae(body.vertebrae),
        version: sql`${vfaExams.version} + 1`,
        updatedAt: sql`now()`,
      })
      .where(and(eq(vfaExams.id, vfaExamId), eq(vfaExams.version, body.version)))
      .returning();
    const row = updated[0];
    if (row === undefined) throw staleVersion(exam.version);
    trail.record({
      action: 'update',
      objectType: 'vfa_exam',
      objectId: row.id,
      patientId: row.patientId,
      details: { version: row.version },
    });
    const episodeState = await moveAlong(tx, trail, actor, loaded.episode, today);
    const recordedBy = await displayNameOf(tx, row.recordedBy);
    return { exam: vfaAnswer(row, recordedBy), episodeState };
  });
}

// ── Read ─────────────────────────────────────────────────────────────────────────────────────────────────

/**
 * The episode's DXA and VFA exams, newest first, each with what the engine makes of it now: the
 * classification is computed on read (not stored), so it never disagrees with the running engine and
 * configuration; the decision keeps its own snapshot of what it was decided on.
 */
export function readInvestigations(
  db: Database,
  actor: Actor,
  episodeId: string,
  today: string,
  config: ClinicalConfig,
): Promise<Investigations> {
  return auditedTransaction(db, actor, async (tx, trail) => {
    const loaded = await loadEpisode(tx, actor, episodeId, today, false);
    const context = await withSections(tx, actor, loaded);
    const dxa = await tx
      .select({ row: dxaExams, recordedBy: users.displayName })
      .from(dxaExams)
      .leftJoin(users, eq(users.id, dxaExams.recordedBy))
      .where(and(eq(dxaExams.episodeId, episodeId), eq(dxaExams.organizationId, actor.organizationId)))
      .orderBy(desc(dxaExams.examDate), desc(dxaExams.recordedAt));
    const vfa = await tx
      .select({ row: vfaExams, recordedBy: users.displayName })
      .from(vfaExams)
      .leftJoin(users, eq(users.id, vfaExams.recordedBy))
      .where(and(eq(vfaExams.episodeId, episodeId), eq(vfaExams.organizationId, actor.organizationId)))
      .orderBy(desc(vfaExams.examDate), desc(vfaExams.recordedAt));
    const patientId = loaded.episode.patientId;
    readEvent(trail, 'episode', episodeId, patientId, { view: 'investigations' });
    for (const { row } of dxa) readEvent(trail, 'dxa_exam', row.id, patientId);
    for (const { row } of vfa) readEvent(trail, 'vfa_exam', row.id, patientId);
    return {
      episodeId,
      patientId,
      episodeState: loaded.episode.state,
      dxaExams: dxa.map(({ row, recordedBy }) => dxaAnswer(row, recordedBy, context, config)),
      vfaExams: vfa.map(({ row, recordedBy }) => vfaAnswer(row, recordedBy)),
    };
  });
}
