// Completing a task with its outcome (issue 12, item 2): one unit of work that locks the task and its
// episode, records the outcome, updates the treatment course, creates what follows by the rules
// (followUpChain.ts) exactly once, and moves the episode — never leaving an open episode without an open
// dated task (the pathway invariant).
import { randomUUID } from 'node:crypto';
import { and, eq, ne, sql } from 'drizzle-orm';
import type { ClinicalConfig } from '@osteopad/clinical';
import {
  COMPLETABLE_TASK_KINDS,
  OUTCOMES_BY_KIND,
  OUTCOMES_WITH_DATE,
  OUTCOMES_WITH_REASON,
  outcomeNeedsDrug,
  SPECIALIST_OUTCOMES,
  TREATMENT_DRUGS,
  isOneOf,
  type CompletableTaskKind,
  type CreatedTask,
  type TaskCompletion,
  type TaskCompletionRequest,
  type TreatmentDrug,
} from '@osteopad/contract';
import type { Actor } from '../auth/actor';
import type { Database, Transaction } from '../db/connection';
import { decisions, fractureEvents, tasks, treatments } from '../db/schema';
import { auditedTransaction, type AuditTrail } from '../audit/auditedTransaction';
import { conflict, invalid, notFound, unprocessable } from '../domain/errors';
import {
  bumpVersion,
  lockEpisode,
  staleVersion,
  transition,
  type EpisodeRow,
} from '../episodes/episodeRecords';
import { episodeReason } from '../episodes/episodeReasons';
import { TERMINAL_STATES } from '../episodes/episodeStateMachine';
import { assigneeFor } from '../tasks/taskKinds';
import {
  nextAfter,
  startTasks,
  type CourseFacts,
  type FollowUpTaskDetails,
  type PlannedTask,
} from './followUpChain';
import type { FollowUpSettings } from './followUpSettings';

export interface TaskCompletionDeps {
  today: string;
  config: ClinicalConfig;
  settings: FollowUpSettings;
}

type TaskRow = typeof tasks.$inferSelect;
type TreatmentRow = typeof treatments.$inferSelect;

/** Where the tasks this route does not complete are done instead. */
const DONE_ELSEWHERE =
  'This task is done by its own action (the letter, the reply, the call, the decision), not by completing it here.';

function checkBody(
  kind: CompletableTaskKind,
  body: TaskCompletionRequest,
  actor: Actor,
  today: string,
): void {
  const fits = OUTCOMES_BY_KIND[kind];
  if (!fits.includes(body.outcome))
    throw invalid(
      'body.outcome',
      `This outcome does not fit this task; choose one of: ${fits.join(', ')}.`,
      'outcome_not_for_kind',
    );
  if (actor.role === 'secretary' && kind !== 'gp_handover_confirmation')
    throw unprocessable(
      'role_not_allowed',
      'A secretary records only the GP’s confirmation of the hand-over.',
    );
  if (SPECIALIST_OUTCOMES.includes(body.outcome) && actor.role !== 'specialist')
    throw unprocessable('specialist_only', 'Only a specialist stops, switches or continues a treatment.');
  if (OUTCOMES_WITH_DATE.includes(body.outcome) && body.outcomeDate === undefined)
    throw invalid('body.outcomeDate', 'Give the date it happened.', 'date_required');
  if (body.outcomeDate !== undefined && body.outcomeDate > today)
    throw invalid('body.outcomeDate', 'The date cannot be in the future.', 'date_in_future');
  if (OUTCOMES_WITH_REASON.includes(body.outcome) && body.reasonCode === undefined)
    throw invalid('body.reasonCode', 'Give the reason the treatment stopped.', 'reason_required');
  if (body.reasonCode === 'other' && (body.note ?? '') === '')
    throw invalid('body.note', 'Describe the reason when choosing "other".', 'note_required');
  const needsDrug = outcomeNeedsDrug(kind, body.outcome);
  if (needsDrug && body.drug === undefined)
    throw invalid('body.drug', 'Choose the drug that is started.', 'drug_required');
  if (!needsDrug && body.drug !== undefined)
    throw invalid('body.drug', 'A drug is chosen only for a switch or a follow-on.', 'drug_unexpected');
  if (
    kind === 'start_follow_on_antiresorptive' &&
    (body.drug === 'teriparatide' || body.drug === 'romosozumab')
  )
    throw invalid(
      'body.drug',
      'The follow-on is an antiresorptive (R11.4, R11.5), not an anabolic drug.',
      'drug_not_antiresorptive',
    );
}

async function lockTask(tx: Transaction, actor: Actor, taskId: string): Promise<TaskRow> {
  const rows = await tx
    .select()
    .from(tasks)
    .where(and(eq(tasks.id, taskId), eq(tasks.organizationId, actor.organizationId)))
    .for('update');
  const task = rows[0];
  if (task === undefined) throw notFound('Task');
  return task;
}

async function episodeOfTask(tx: Transaction, actor: Actor, taskId: string): Promise<string> {
  const rows = await tx
    .select({ episodeId: tasks.episodeId })
    .from(tasks)
    .where(and(eq(tasks.id, taskId), eq(tasks.organizationId, actor.organizationId)));
  const row = rows[0];
  if (row === undefined) throw notFound('Task');
  return row.episodeId;
}

async function courseOf(tx: Transaction, actor: Actor, id: string | null): Promise<TreatmentRow | null> {
  if (id === null) return null;
  const rows = await tx
    .select()
    .from(treatments)
    .where(and(eq(treatments.id, id), eq(treatments.organizationId, actor.organizationId)))
    .for('update');
  return rows[0] ?? null;
}

const factsOf = (row: TreatmentRow): CourseFacts => ({
  id: row.id,
  drug: isOneOf(TREATMENT_DRUGS, row.drug) ? row.drug : 'alendronate',
  startedOn: row.startedOn,
  lastDoseOn: row.lastDoseOn,
});

/** The drug the decision planned (the start_treatment task names its decision). */
async function plannedDrug(tx: Transaction, actor: Actor, task: TaskRow): Promise<TreatmentDrug> {
  const decisionId = (task.details as { decisionId?: unknown }).decisionId;
  if (typeof decisionId !== 'string')
    throw conflict('no_planned_drug', 'This task names no decision with a drug.');
  const rows = await tx
    .select({ drug: sql<string | null>`${decisions.plan}->'drug'->>'code'` })
    .from(decisions)
    .where(and(eq(decisions.id, decisionId), eq(decisions.organizationId, actor.organizationId)));
  const drug = rows[0]?.drug ?? null;
  if (drug === null || !isOneOf(TREATMENT_DRUGS, drug))
    throw conflict('no_planned_drug', 'The decision behind this task planned no drug.');
  return drug;
}

async function indexFractureDate(tx: Transaction, episode: EpisodeRow): Promise<string | null> {
  if (episode.indexFractureId === null) return null;
  const rows = await tx
    .select({ date: fractureEvents.fractureDate })
    .from(fractureEvents)
    .where(eq(fractureEvents.id, episode.indexFractureId));
  return rows[0]?.date ?? null;
}

/** Inserts the planned tasks once each (ON CONFLICT on the episode's series key): the ones created. */
export async function insertPlannedTasks(
  tx: Transaction,
  trail: AuditTrail,
  actor: Actor,
  episode: EpisodeRow,
  planned: readonly PlannedTask[],
): Promise<CreatedTask[]> {
  if (planned.length === 0) return [];
  const rows = await tx
    .insert(tasks)
    .values(
      planned.map((t) => ({
        organizationId: actor.organizationId,
        episodeId: episode.id,
        patientId: episode.patientId,
        kind: t.kind,
        dueDate: t.dueDate,
        assigneeRole: assigneeFor(t.kind),
        details: t.details,
        seriesKey: t.seriesKey,
        treatmentId: t.details.treatmentId,
      })),
    )
    .onConflictDoNothing({ target: [tasks.episodeId, tasks.seriesKey], where: sql`series_key IS NOT NULL` })
    .returning({ id: tasks.id, kind: tasks.kind, dueDate: tasks.dueDate, details: tasks.details });
  return rows.map((row) => {
    const ruleId = (row.details as Partial<FollowUpTaskDetails>).ruleId ?? '';
    trail.record({
      action: 'create',
      objectType: 'task',
      objectId: row.id,
      patientId: episode.patientId,
      details: { kind: row.kind, dueDate: row.dueDate, ruleId },
    });
    return { id: row.id, kind: row.kind, dueDate: row.dueDate, ruleId };
  });
}

async function startCourse(
  tx: Transaction,
  trail: AuditTrail,
  actor: Actor,
  episode: EpisodeRow,
  start: { drug: TreatmentDrug; startedOn: string },
  follows: TreatmentRow | null,
  decisionId: string | null,
  deps: TaskCompletionDeps,
): Promise<{ row: TreatmentRow; created: CreatedTask[] }> {
  const id = randomUUID();
  const inserted = await tx
    .insert(treatments)
    .values({
      id,
      organizationId: actor.organizationId,
      patientId: episode.patientId,
      episodeId: episode.id,
      decisionId: decisionId ?? follows?.decisionId ?? null,
      drug: start.drug,
      startedOn: start.startedOn,
      followsTreatmentId: follows?.id ?? null,
      createdBy: actor.userId,
    })
    .returning();
  const row = inserted[0];
  if (row === undefined) throw new Error('insert returned no row');
  trail.record({
    action: 'create',
    objectType: 'treatment',
    objectId: id,
    patientId: episode.patientId,
    details: { drug: start.drug, startedOn: start.startedOn, follows: follows?.id ?? null },
  });
  const planned = startTasks(factsOf(row), deps.config, deps.settings, await indexFractureDate(tx, episode));
  return { row, created: await insertPlannedTasks(tx, trail, actor, episode, planned) };
}

async function openTaskCount(tx: Transaction, episodeId: string): Promise<number> {
  const rows = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(tasks)
    .where(and(eq(tasks.episodeId, episodeId), eq(tasks.status, 'open')));
  return rows[0]?.n ?? 0;
}

/**
 * `POST /api/tasks/:taskId/complete`. Refused: a task of another kind of work (its own action does it),
 * one already completed (409, saying when and how), an outcome that does not fit the kind or lacks what
 * it needs (400 naming the field). Nothing changes when refused.
 */
export function completeTask(
  db: Database,
  actor: Actor,
  taskId: string,
  body: TaskCompletionRequest,
  deps: TaskCompletionDeps,
): Promise<TaskCompletion> {
  const { today } = deps;
  return auditedTransaction(db, actor, async (tx, trail) => {
    // Locks in one order, episode before task: two completions of one episode (one of them cancelling
    // the course's other tasks) would otherwise each hold a row the other waits for (a deadlock).
    const episodeId = await episodeOfTask(tx, actor, taskId);
    const episode = await lockEpisode(tx, actor, episodeId);
    const task = await lockTask(tx, actor, taskId);
    if (!isOneOf(COMPLETABLE_TASK_KINDS, task.kind))
      throw conflict('not_completable_here', DONE_ELSEWHERE, { kind: task.kind });
    if (task.status !== 'open')
      throw conflict(
        'task_closed',
        `This task was already ${task.status === 'done' ? 'completed' : 'cancelled'} on ${task.completedAt?.toISOString().slice(0, 10) ?? '?'} (${task.outcome}).`,
        { status: task.status, outcome: task.outcome },
      );
    const kind = task.kind;
    checkBody(kind, body, actor, today);
    if (body.expectedVersion !== undefined && episode.version !== body.expectedVersion) staleVersion();
    if (TERMINAL_STATES.has(episode.state))
      throw conflict('episode_ended', `The episode has ended (${episode.state}).`, { state: episode.state });
    const on = body.outcomeDate ?? today;
    const courseRow = await courseOf(tx, actor, task.treatmentId);
    const drug =
      kind === 'start_treatment' && body.outcome === 'started'
        ? await plannedDrug(tx, actor, task)
        : body.drug;
    const step = nextAfter(
      {
        kind,
        seriesKey: task.seriesKey,
        dueDate: task.dueDate,
        details: task.details as Partial<FollowUpTaskDetails>,
      },
      courseRow === null ? null : factsOf(courseRow),
      { outcome: body.outcome, on, reasonCode: body.reasonCode, drug },
      today,
      deps.config,
      deps.settings,
    );

    await tx
      .update(tasks)
      .set({
        status: 'done',
        outcome: body.outcome,
        details: sql`${tasks.details} || ${JSON.stringify({
          completion: {
            outcome: body.outcome,
            on,
            reasonCode: body.reasonCode ?? null,
            drug: drug ?? null,
            note: body.note ?? '',
          },
        })}::jsonb`,
        completedAt: sql`now()`,
        completedBy: actor.userId,
        updatedAt: sql`now()`,
      })
      .where(eq(tasks.id, taskId));
    trail.record({
      action: 'update',
      objectType: 'task',
      objectId: taskId,
      patientId: task.patientId,
      details: { kind, outcome: body.outcome, on, reasonCode: body.reasonCode ?? null },
    });

    let course = courseRow;
    let cancelled = 0;
    // A course that has already ended keeps how it ended: the follow-on started after a stop (R11.4)
    // must not overwrite the stop's date and reason with its own completion.
    const ended = courseRow !== null && courseRow.status !== 'active' && step.course.kind !== 'dose';
    if (courseRow !== null && step.course.kind !== 'none' && !ended) {
      const effect = step.course;
      const updated = await tx
        .update(treatments)
        .set(
          effect.kind === 'dose'
            ? { lastDoseOn: effect.on, version: sql`${treatments.version} + 1`, updatedAt: sql`now()` }
            : {
                status: effect.kind === 'stop' ? 'stopped' : 'completed',
                endedOn: effect.on,
                endReason: effect.kind === 'stop' ? effect.reason : body.outcome,
                endNote: body.note ?? '',
                version: sql`${treatments.version} + 1`,
                updatedAt: sql`now()`,
              },
        )
        .where(eq(treatments.id, courseRow.id))
        .returning();
      course = updated[0] ?? courseRow;
      trail.record({
        action: 'update',
        objectType: 'treatment',
        objectId: courseRow.id,
        patientId: task.patientId,
        details: { effect: effect.kind, on: effect.on },
      });
    }
    if (courseRow !== null && step.cancelCourseTasks) {
      const closed = await tx
        .update(tasks)
        .set({
          status: 'cancelled',
          outcome: 'course_ended',
          completedAt: sql`now()`,
          completedBy: actor.userId,
          updatedAt: sql`now()`,
        })
        .where(and(eq(tasks.treatmentId, courseRow.id), eq(tasks.status, 'open'), ne(tasks.id, taskId)))
        .returning({ id: tasks.id });
      cancelled = closed.length;
    }
    const created = await insertPlannedTasks(tx, trail, actor, episode, step.tasks);
    let moved = false;
    if (step.newCourse !== null) {
      const decisionId = (task.details as { decisionId?: unknown }).decisionId;
      const started = await startCourse(
        tx,
        trail,
        actor,
        episode,
        step.newCourse,
        courseRow,
        typeof decisionId === 'string' ? decisionId : null,
        deps,
      );
      course = started.row;
      created.push(...started.created);
      if (episode.state !== 'follow_up') {
        moved = true;
        await transition(
          tx,
          trail,
          actor,
          episode,
          'follow_up',
          episodeReason.treatmentStarted(started.row.id, started.row.drug, started.row.startedOn),
          today,
        );
      }
    }
    // The invariant: an open episode keeps an open dated task, or it ends with a reason.
    if ((await openTaskCount(tx, episode.id)) === 0) {
      moved = true;
      await transition(
        tx,
        trail,
        actor,
        episode,
        'closed',
        episodeReason.followUpClosed(taskId, kind, body.note ?? ''),
        today,
      );
    }
    const version = moved ? episode.version : await bumpVersion(tx, episode);
    return {
      taskId,
      kind,
      outcome: body.outcome,
      episodeId: episode.id,
      state: episode.state,
      version,
      created,
      cancelled,
      treatment:
        course === null
          ? null
          : {
              id: course.id,
              drug: factsOf(course).drug,
              status: course.status,
              startedOn: course.startedOn,
              lastDoseOn: course.lastDoseOn,
            },
    };
  });
}
