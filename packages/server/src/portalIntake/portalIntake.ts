/*
 * The intake questionnaire online (issue 13, item 2): the patient answers the staff form's definition for
 * their episode in the consult, from the portal. The episode is the patient's own, found from the session's
 * patient — never from what the request names. Saved as they go (each save kept as a revision, like the
 * staff form's), submitted once: after the submission only staff change the answers. Staff see the answers
 * on the intake screen and the episode page, marked as filled in online by the patient.
 */
import { sql } from 'drizzle-orm';
import type { EpisodeState, PortalIntake, Sex } from '@osteopad/contract';
import type { Database, Transaction } from '../db/connection';
import type { Actor } from '../auth/actor';
import { auditedTransaction } from '../audit/auditedTransaction';
import { conflict, notFound } from '../domain/errors';
import { checkIntakeSave, readIntakeIn, saveIntakeIn, type IntakeSave } from '../intake/intakeRecords';

/**
 * The episode states in which the portal asks for the intake: from the invitation until the investigations
 * are in, before the decision (a product choice, not a clinical rule: after the decision the answers no
 * longer change the advice, and staff keep the record from then on).
 */
export const PORTAL_INTAKE_STATES: readonly EpisodeState[] = [
  'invited',
  'reminded',
  'intake',
  'investigated',
];

interface PortalEpisodeRow extends Record<string, unknown> {
  sex: Sex;
  episode_id: string | null;
  opened_on: string | null;
}

/** The patient's sex and their newest episode in a state that asks for the intake, in one statement. */
async function portalEpisode(tx: Transaction, organizationId: string, patientId: string) {
  const states = sql.join(
    PORTAL_INTAKE_STATES.map((state) => sql`${state}`),
    sql`, `,
  );
  const result = await tx.execute<PortalEpisodeRow>(sql`
    SELECT p.sex, e.id AS episode_id, e.opened_on
      FROM patients p
      LEFT JOIN LATERAL (
        SELECT id, opened_on FROM episodes
         WHERE patient_id = p.id AND organization_id = p.organization_id AND state IN (${states})
         ORDER BY opened_on DESC, id DESC LIMIT 1) e ON true
     WHERE p.id = ${patientId} AND p.organization_id = ${organizationId}`);
  const row = result.rows[0];
  if (row === undefined) throw notFound('Patient');
  const episode =
    row.episode_id === null || row.opened_on === null
      ? null
      : { id: row.episode_id, openedOn: row.opened_on };
  return { sex: row.sex, episode };
}

/** `GET /api/portal/intake`: the questionnaire of the patient's episode in the consult, or none. */
export function readPortalIntake(db: Database, actor: Actor, patientId: string): Promise<PortalIntake> {
  return auditedTransaction(db, actor, async (tx, trail) => {
    const { sex, episode } = await portalEpisode(tx, actor.organizationId, patientId);
    if (episode === null) return { episode: null, sex, open: false, intake: null };
    const intake = await readIntakeIn(tx, trail, actor.organizationId, episode.id);
    return { episode, sex, open: intake.response?.status !== 'completed', intake };
  });
}

export interface PortalIntakeSave {
  episodeId: string;
  answers: IntakeSave['answers'];
  version: number;
  submit: boolean;
}

/**
 * `PUT /api/portal/intake`: the patient's answers for the episode the questionnaire was loaded for. Another
 * episode than the patient's current one is not found (whoever's it is); a submitted questionnaire is not
 * changed again (409 intake_submitted); a save on an older version is refused (409 stale_version).
 */
export function savePortalIntake(
  db: Database,
  actor: Actor,
  patientId: string,
  save: PortalIntakeSave,
): Promise<PortalIntake> {
  const intakeSave: IntakeSave = { answers: save.answers, version: save.version, complete: save.submit };
  checkIntakeSave(intakeSave);
  return auditedTransaction(db, actor, async (tx, trail) => {
    const { sex, episode } = await portalEpisode(tx, actor.organizationId, patientId);
    if (episode?.id !== save.episodeId) throw notFound('Episode');
    const intake = await saveIntakeIn(tx, trail, actor, episode.id, intakeSave, (current) => {
      if (current.status === 'completed') {
        throw conflict(
          'intake_submitted',
          'You have sent this questionnaire already; the clinic can change your answers with you.',
        );
      }
    });
    return { episode, sex, open: !save.submit, intake };
  });
}
