import { sql } from 'drizzle-orm';
import {
  checkIntakeAnswers,
  INTAKE_QUESTIONNAIRE,
  type EpisodeState,
  type Intake,
  type IntakeAnswers,
  type IntakeResponseStatus,
  type TimelineEntry,
} from '@osteopad/contract';
import type { Database, Transaction } from '../db/connection';
import type { Actor } from '../auth/actor';
import { auditedTransaction, type AuditTrail } from '../audit/auditedTransaction';
import { conflict, invalidFields, notFound } from '../domain/errors';
import type { PatientInputSectionLoader, TimelineSource } from '../consult/patientInputSections';
import { intakeAnswersToPatientInput } from './intakeAnswersToPatientInput';

/** Episodes in these states are over: their intake is kept as it was. */
const TERMINAL_STATES: readonly EpisodeState[] = ['closed', 'declined', 'not_eligible', 'lost'];

interface StoredRow extends Record<string, unknown> {
  patient_id: string;
  state: EpisodeState;
  questionnaire_version: string | null;
  answers: IntakeAnswers | null;
  status: IntakeResponseStatus | null;
  version: number | null;
  updated_at: string | null;
  updated_by: string | null;
  updated_by_patient: boolean | null;
  completed_at: string | null;
}

const iso = (value: string | null): string | null => (value === null ? null : new Date(value).toISOString());

function responseOf(row: StoredRow): Intake['response'] {
  if (row.version === null || row.answers === null || row.status === null) return null;
  return {
    questionnaireVersion: row.questionnaire_version ?? INTAKE_QUESTIONNAIRE.version,
    answers: row.answers,
    status: row.status,
    version: row.version,
    updatedAt: iso(row.updated_at) ?? '',
    updatedBy: row.updated_by,
    byPatient: row.updated_by_patient === true,
    completedAt: iso(row.completed_at),
  };
}

/** The episode (its patient and state) with its stored response, in one statement. */
const storedOf = (organizationId: string, episodeId: string) => sql`
  SELECT e.patient_id, e.state, r.questionnaire_version, r.answers, r.status, r.version,
         r.updated_at, u.display_name AS updated_by, u.role = 'patient' AS updated_by_patient, r.completed_at
    FROM episodes e
    LEFT JOIN intake_responses r ON r.episode_id = e.id AND r.organization_id = ${organizationId}
    LEFT JOIN users u ON u.id = r.updated_by
   WHERE e.id = ${episodeId} AND e.organization_id = ${organizationId}`;

/** The episode's intake, read and logged in the caller's unit of work (staff route and portal). */
export async function readIntakeIn(
  tx: Transaction,
  trail: AuditTrail,
  organizationId: string,
  episodeId: string,
): Promise<Intake> {
  const result = await tx.execute<StoredRow>(storedOf(organizationId, episodeId));
  const row = result.rows[0];
  if (row === undefined) throw notFound('Episode');
  trail.record({
    action: 'read',
    objectType: 'intake_response',
    objectId: episodeId,
    patientId: row.patient_id,
  });
  return {
    patientId: row.patient_id,
    questionnaireVersion: INTAKE_QUESTIONNAIRE.version,
    response: responseOf(row),
  };
}

/** The episode's intake: the questionnaire version for a new response, and the stored one (or null). */
export function readIntake(db: Database, actor: Actor, episodeId: string): Promise<Intake> {
  return auditedTransaction(db, actor, (tx, trail) =>
    readIntakeIn(tx, trail, actor.organizationId, episodeId),
  );
}

export interface IntakeSave {
  answers: IntakeAnswers;
  /** The version the form was loaded with (0: none saved yet). */
  version: number;
  complete: boolean;
}

/** Refuses answers the questionnaire does not accept, each naming its field; nothing is saved then. */
export function checkIntakeSave(save: IntakeSave): void {
  const issues = checkIntakeAnswers(INTAKE_QUESTIONNAIRE, save.answers, { complete: save.complete });
  if (issues.length > 0) {
    throw invalidFields(
      'Some answers are not accepted.',
      issues.map((issue) => ({
        field: `body.answers.${issue.linkId}`,
        message: issue.message,
        code: issue.code,
      })),
    );
  }
}

/** What the stored response must be for a save to go on (the portal: not yet submitted). */
export type IntakeSaveGuard = (current: { status: IntakeResponseStatus | null }) => void;

/**
 * Writes checked answers in the caller's unit of work: refused on an ended episode, or on an older version
 * than the stored one (409 stale_version, never written over the other user's answers); kept in progress,
 * or completed when `complete`. Each save is kept as a revision.
 */
export async function saveIntakeIn(
  tx: Transaction,
  trail: AuditTrail,
  actor: Actor,
  episodeId: string,
  save: IntakeSave,
  guard?: IntakeSaveGuard,
): Promise<Intake> {
  const org = actor.organizationId;
  const current = (await tx.execute<StoredRow>(storedOf(org, episodeId))).rows[0];
  if (current === undefined) throw notFound('Episode');
  if (TERMINAL_STATES.includes(current.state)) {
    throw conflict('episode_ended', 'The episode has ended; its intake can no longer be changed.', {
      state: current.state,
    });
  }
  const stale = () =>
    conflict('stale_version', 'Someone else saved this intake in the meantime; reload it first.', {
      currentVersion: current.version ?? 0,
    });
  if ((current.version ?? 0) !== save.version) throw stale();
  guard?.({ status: current.status });

  const status: IntakeResponseStatus = save.complete ? 'completed' : 'in_progress';
  const answers = JSON.stringify(save.answers);
  const version = INTAKE_QUESTIONNAIRE.version;
  // One statement: the response written (only over the version the save was made on) and its revision.
  const saved = await tx.execute<{ version: number; updated_at: string; completed_at: string | null }>(sql`
    WITH saved AS (
      INSERT INTO intake_responses AS r
             (organization_id, patient_id, episode_id, questionnaire_version, status, answers, version,
              updated_by, updated_at, completed_at)
      VALUES (${org}, ${current.patient_id}, ${episodeId}, ${version}, ${status}, ${answers}::jsonb, 1,
              ${actor.userId}, now(), CASE WHEN ${save.complete} THEN now() END)
      ON CONFLICT (episode_id) DO UPDATE
         SET questionnaire_version = EXCLUDED.questionnaire_version, status = EXCLUDED.status,
             answers = EXCLUDED.answers, version = r.version + 1, updated_by = EXCLUDED.updated_by,
             updated_at = now(),
             completed_at = CASE WHEN ${save.complete} THEN coalesce(r.completed_at, now()) END
       WHERE r.version = ${save.version}
      RETURNING r.organization_id, r.episode_id, r.questionnaire_version, r.status, r.answers, r.version,
                r.updated_by, r.updated_at, r.completed_at
    ), revision AS (
      INSERT INTO intake_response_revisions
             (organization_id, episode_id, questionnaire_version, version, status, answers, saved_by, saved_at)
      SELECT organization_id, episode_id, questionnaire_version, version, status, answers, updated_by, updated_at
        FROM saved
    )
    SELECT version, updated_at, completed_at FROM saved`);
  const row = saved.rows[0];
  // Another save came in between our read and our write.
  if (row === undefined) throw stale();
  trail.record({
    action: save.version === 0 ? 'create' : 'update',
    objectType: 'intake_response',
    objectId: episodeId,
    patientId: current.patient_id,
    details: { version: row.version, status, answered: Object.keys(save.answers).length },
  });
  return {
    patientId: current.patient_id,
    questionnaireVersion: version,
    response: {
      questionnaireVersion: version,
      answers: save.answers,
      status,
      version: row.version,
      updatedAt: iso(row.updated_at) ?? '',
      updatedBy: actor.displayName,
      byPatient: actor.role === 'patient',
      completedAt: iso(row.completed_at),
    },
  };
}

/**
 * Saves the episode's intake answers (staff): checked against the questionnaire, then written as
 * `saveIntakeIn` says; completing needs every enabled required question answered.
 */
export function saveIntake(db: Database, actor: Actor, episodeId: string, save: IntakeSave): Promise<Intake> {
  checkIntakeSave(save);
  return auditedTransaction(db, actor, (tx, trail) => saveIntakeIn(tx, trail, actor, episodeId, save));
}

/**
 * The engine's input sections from the episode's stored intake (in progress or completed: a section is
 * given only when its answers are all there). For the consult's decision (consult/sectionLoaders.ts).
 */
export const loadIntakeSections: PatientInputSectionLoader = async (tx, scope) => {
  const result = await tx.execute<{ answers: IntakeAnswers; sex: string }>(sql`
    SELECT r.answers, p.sex
      FROM intake_responses r
      JOIN patients p ON p.id = r.patient_id
     WHERE r.episode_id = ${scope.episodeId} AND r.organization_id = ${scope.organizationId}`);
  const row = result.rows[0];
  return row === undefined ? {} : intakeAnswersToPatientInput(row.answers, { sex: row.sex });
};

/**
 * The intake's entries of the episode timeline: one per save (`intake_saved`, or `intake_completed`
 * for a save that completed it), with its version and the number of answers.
 */
export const intakeTimeline: TimelineSource = async (tx, scope) => {
  const result = await tx.execute<{
    saved_at: string;
    status: IntakeResponseStatus;
    version: number;
    answered: number;
    actor: string | null;
  }>(sql`
    SELECT v.saved_at, v.status, v.version, (SELECT count(*) FROM jsonb_object_keys(v.answers))::int AS answered,
           u.display_name AS actor
      FROM intake_response_revisions v
      LEFT JOIN users u ON u.id = v.saved_by
     WHERE v.episode_id = ${scope.episodeId} AND v.organization_id = ${scope.organizationId}
     ORDER BY v.version`);
  return result.rows.map((row): TimelineEntry => ({
    at: new Date(row.saved_at).toISOString(),
    kind: row.status === 'completed' ? 'intake_completed' : 'intake_saved',
    actor: row.actor,
    details: { version: row.version, answered: row.answered },
    note: null,
  }));
};
