// R11.1, a new fracture during treatment: an import that brings a fracture of a patient with an active
// treatment course opens the follow-up's path on the course's episode — a review (adherence, bone loss,
// new risk factors) and, after ≥ 12 months on an antiresorptive, a standard re-evaluation (R11.2).
// The patient's open episode already takes the fracture (no new case-finding episode: importPlan.ts
// opens none while one is open), so this only adds the tasks, in one statement after the batches.
import { sql } from 'drizzle-orm';
import {
  ANTIRESORPTIVES,
  newFractureDuringTreatment,
  type ClinicalConfig,
  type Explanation,
} from '@osteopad/clinical';
import type { Executor } from '../../db/connection';
import type { AuditSubject } from '../../audit/auditLog';
import { recordAuditEvents } from '../../audit/auditedTransaction';
import { TERMINAL_STATES } from '../../episodes/episodeStateMachine';
import { assigneeFor } from '../../tasks/taskKinds';

export interface NewFractureContext {
  organizationId: string;
  importId: string;
  today: string;
  subject: AuditSubject;
  config: ClinicalConfig;
}

/** The engine's longest course it takes (`monthsOnAntiresorptive` ≤ 600). */
const MAX_MONTHS = 600;

/**
 * The engine's verdict for every whole number of months 0…600, so the statement can apply R11.1 to any
 * number of fractures without a call per row (and without copying the threshold out of the rule).
 */
function reevaluationByMonth(config: ClinicalConfig): { verdicts: boolean[]; explanation: Explanation } {
  const verdicts: boolean[] = [];
  for (let months = 0; months <= MAX_MONTHS; months += 1)
    verdicts.push(newFractureDuringTreatment(months, config).standardReevaluation);
  return { verdicts, explanation: newFractureDuringTreatment(0, config).explanation };
}

export interface NewFractureTask {
  id: string;
  patientId: string;
  episodeId: string;
  kind: 'new_fracture_review' | 'standard_reevaluation';
}

/**
 * For every fracture this import wrote on or after the start of a patient's active course (whose
 * episode has not ended): a `new_fracture_review` task on the course's episode, due today, and a
 * `standard_reevaluation` when the engine says so for the months on an antiresorptive at the fracture.
 * One per episode and fracture day (series keys), so a re-import, a second source for the same injury or
 * two sites of one fall add nothing. One INSERT … SELECT from the few active courses to the import's
 * fractures (fracture_events(patient_id, …) index); the episode's version is bumped; each task audited.
 */
export async function reviewNewFracturesDuringTreatment(
  tx: Executor,
  ctx: NewFractureContext,
): Promise<NewFractureTask[]> {
  const { verdicts, explanation } = reevaluationByMonth(ctx.config);
  const org = ctx.organizationId;
  const result = await tx.execute<{
    id: string;
    patient_id: string;
    episode_id: string;
    kind: NewFractureTask['kind'];
  }>(sql`
    WITH hit AS (
      SELECT DISTINCT ON (tr.episode_id, f.fracture_date)
             tr.id AS treatment_id, tr.episode_id, tr.patient_id, tr.drug, f.id AS fracture_id, f.fracture_date,
             least(${MAX_MONTHS}, (extract(year FROM age(f.fracture_date, tr.started_on)) * 12
                                   + extract(month FROM age(f.fracture_date, tr.started_on)))::int) AS months
        FROM treatments tr
        JOIN episodes e ON e.id = tr.episode_id AND e.organization_id = ${org}::uuid
                       AND e.state <> ALL(${sql.param([...TERMINAL_STATES])}::episode_state[])
        JOIN fracture_events f ON f.patient_id = tr.patient_id AND f.organization_id = ${org}::uuid
                              AND f.import_id = ${ctx.importId}::uuid
       WHERE tr.organization_id = ${org}::uuid AND tr.status = 'active' AND f.fracture_date >= tr.started_on
       ORDER BY tr.episode_id, f.fracture_date, tr.started_on DESC, f.id
    ), review AS (
      SELECT h.*,
             h.drug = ANY(${sql.param([...ANTIRESORPTIVES])}::text[]) AS antiresorptive,
             h.drug = ANY(${sql.param([...ANTIRESORPTIVES])}::text[])
               AND (${sql.param(verdicts)}::boolean[])[h.months + 1] AS reevaluate
        FROM hit h
    ), wanted AS (
      SELECT r.*, 'new_fracture_review' AS kind, ${assigneeFor('new_fracture_review')} AS role,
             'new_fracture_review#' || r.fracture_date::text AS series_key
        FROM review r
      UNION ALL
      SELECT r.*, 'standard_reevaluation', ${assigneeFor('standard_reevaluation')},
             'standard_reevaluation#new_fracture#' || r.fracture_date::text
        FROM review r WHERE r.reevaluate
    ), created AS (
      INSERT INTO tasks (organization_id, episode_id, patient_id, kind, due_date, assignee_role, details,
                         series_key, treatment_id)
      SELECT ${org}::uuid, w.episode_id, w.patient_id, w.kind, ${ctx.today}::date, w.role::user_role,
             jsonb_build_object(
               'reason', 'new_fracture_during_treatment',
               'fractureId', w.fracture_id, 'fractureDate', w.fracture_date,
               'treatmentId', w.treatment_id, 'drug', w.drug,
               'monthsOnTreatment', w.months, 'antiresorptive', w.antiresorptive,
               'check', jsonb_build_array('adherence', 'boneLoss', 'newRiskFactors'),
               'standardReevaluation', w.reevaluate,
               'explanation', ${JSON.stringify(explanation)}::jsonb,
               'importId', ${ctx.importId}::text),
             w.series_key, w.treatment_id
        FROM wanted w
      ON CONFLICT (episode_id, series_key) WHERE series_key IS NOT NULL DO NOTHING
      RETURNING id, episode_id, patient_id, kind
    ), bumped AS (
      UPDATE episodes SET version = version + 1, updated_at = now()
       WHERE id IN (SELECT episode_id FROM created) AND organization_id = ${org}::uuid
    )
    SELECT id, patient_id, episode_id, kind FROM created`);
  const tasks = result.rows.map((r) => ({
    id: r.id,
    patientId: r.patient_id,
    episodeId: r.episode_id,
    kind: r.kind,
  }));
  if (tasks.length > 0)
    await recordAuditEvents(
      tx,
      ctx.subject,
      tasks.map((t) => ({
        action: 'create',
        objectType: 'task',
        objectId: t.id,
        patientId: t.patientId,
        details: { kind: t.kind, dueDate: ctx.today, importId: ctx.importId, rule: 'R11.1' },
      })),
    );
  return tasks;
}
