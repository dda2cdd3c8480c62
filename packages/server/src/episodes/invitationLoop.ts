import { and, eq, notInArray, sql } from 'drizzle-orm';
import { addDays, patientGroup } from '@osteopad/clinical';
import type {
  AppointmentKind,
  CallOutcome,
  FractureInclusionReason,
  ReopenReason,
  TaskKind,
  WrongNumberNextStep,
} from '@osteopad/contract';
import type { Database, Transaction } from '../db/connection';
import { appointments, episodeEvents, episodes, fractureEvents, tasks } from '../db/schema';
import type { Actor } from '../auth/actor';
import { auditedTransaction } from '../audit/auditedTransaction';
import { conflict, invalid, notFound, transitionRefused } from '../domain/errors';
import { afterNotReached, type CallFollowUpConfig } from './callFollowUp';
import { episodeReason, type EpisodeReason } from './episodeReasons';
import {
  addTask,
  bumpVersion,
  closeTasks,
  lockEpisode,
  staleVersion,
  transition,
  type EpisodeRow,
} from './episodeRecords';
import { canReopen, TERMINAL_STATES } from './episodeStateMachine';

/** The answer of every invitation-loop action (contract: loopActionSchema). */
export interface LoopActionResult {
  episodeId: string;
  state: EpisodeRow['state'];
  version: number;
  nextTask: { kind: TaskKind; dueDate: string } | null;
}

const result = (episode: EpisodeRow, nextTask: LoopActionResult['nextTask']): LoopActionResult => ({
  episodeId: episode.id,
  state: episode.state,
  version: episode.version,
  nextTask,
});

/** The tasks that wait for the patient's reply; the reply (an appointment) settles them. */
const AWAITING_REPLY: readonly TaskKind[] = [
  'invite',
  'invite_reminder',
  'no_response_follow_up',
  'record_reply',
  'ask_gp_phone_number',
];

export interface AppointmentInput {
  date: string;
  time: string;
  kinds: AppointmentKind[];
  note: string;
  expectedVersion: number;
}

/**
 * The patient's reply "appointment planned": the appointment is stored, the invitation's open tasks are
 * done, the episode moves to intake, and the visit is a dated task on the appointment's day (so the
 * episode always has dated work waiting).
 */
export function planAppointment(
  db: Database,
  actor: Actor,
  episodeId: string,
  input: AppointmentInput,
  today: string,
): Promise<LoopActionResult> {
  if (input.date < today)
    throw invalid('body.date', 'An appointment is planned for today or later.', 'past_date');
  return auditedTransaction(db, actor, async (tx, trail) => {
    const episode = await lockEpisode(tx, actor, episodeId, input.expectedVersion);
    if (!['identified', 'invited', 'reminded'].includes(episode.state)) {
      throw transitionRefused('transition_not_allowed', `An episode in ${episode.state} awaits no reply.`, {
        from: episode.state,
        to: 'intake',
      });
    }
    const rows = await tx
      .insert(appointments)
      .values({
        organizationId: actor.organizationId,
        patientId: episode.patientId,
        episodeId,
        date: input.date,
        time: input.time,
        kinds: input.kinds,
        note: input.note,
        createdBy: actor.userId,
      })
      .returning({ id: appointments.id });
    const appointmentId = rows[0]?.id ?? '';
    trail.record({
      action: 'create',
      objectType: 'appointment',
      objectId: appointmentId,
      patientId: episode.patientId,
      details: { date: input.date, time: input.time, kinds: input.kinds },
    });
    await closeTasks(tx, actor, episodeId, AWAITING_REPLY, 'done', 'appointment_planned');
    const reason = episodeReason.appointmentPlanned(appointmentId, input.date, input.note);
    await transition(tx, trail, actor, episode, 'intake', reason, today);
    await addTask(tx, trail, actor, episode, 'consult_visit', input.date, { appointmentId });
    return result(episode, { kind: 'consult_visit', dueDate: input.date });
  });
}

export type AppointmentChange =
  | { status: 'attended' | 'no_show' | 'cancelled'; note: string; expectedVersion: number }
  | { status: 'rescheduled'; date: string; time: string; note: string; expectedVersion: number };

/**
 * What became of an appointment: attended (the visit task is done), no-show or cancelled (the visit
 * task is closed and a new reply is awaited: a `record_reply` task today), or moved (the visit task
 * moves with it). Only a planned appointment changes; the appointment's version guards the save.
 */
export function changeAppointment(
  db: Database,
  actor: Actor,
  appointmentId: string,
  change: AppointmentChange,
  today: string,
): Promise<LoopActionResult> {
  if (change.status === 'rescheduled' && change.date < today) {
    throw invalid('body.date', 'An appointment is planned for today or later.', 'past_date');
  }
  return auditedTransaction(db, actor, async (tx, trail) => {
    const found = await tx
      .select()
      .from(appointments)
      .where(and(eq(appointments.id, appointmentId), eq(appointments.organizationId, actor.organizationId)))
      .for('update');
    const appointment = found[0];
    if (appointment === undefined) throw notFound('Appointment');
    if (appointment.version !== change.expectedVersion) staleVersion();
    if (appointment.status !== 'planned') {
      throw conflict('appointment_closed', `This appointment is already ${appointment.status}.`);
    }
    const episode = await lockEpisode(tx, actor, appointment.episodeId);
    const moved = change.status === 'rescheduled';
    await tx
      .update(appointments)
      .set({
        ...(moved ? { date: change.date, time: change.time } : { status: change.status }),
        note: change.note === '' ? appointment.note : change.note,
        version: sql`${appointments.version} + 1`,
        updatedAt: sql`now()`,
      })
      .where(eq(appointments.id, appointmentId));
    trail.record({
      action: 'update',
      objectType: 'appointment',
      objectId: appointmentId,
      patientId: appointment.patientId,
      details: moved
        ? { status: 'rescheduled', from: { date: appointment.date, time: appointment.time }, to: change }
        : { status: change.status },
    });
    const visit = and(
      eq(tasks.organizationId, actor.organizationId),
      eq(tasks.episodeId, episode.id),
      eq(tasks.kind, 'consult_visit'),
      eq(tasks.status, 'open'),
      sql`${tasks.details}->>'appointmentId' = ${appointmentId}`,
    );
    let nextTask: LoopActionResult['nextTask'] = null;
    if (moved) {
      await tx
        .update(tasks)
        .set({ dueDate: change.date, updatedAt: sql`now()` })
        .where(visit);
      nextTask = { kind: 'consult_visit', dueDate: change.date };
    } else {
      await tx
        .update(tasks)
        .set({
          status: change.status === 'attended' ? 'done' : 'cancelled',
          outcome: change.status,
          completedAt: sql`now()`,
          completedBy: actor.userId,
          updatedAt: sql`now()`,
        })
        .where(visit);
      if (change.status !== 'attended') {
        await addTask(tx, trail, actor, episode, 'record_reply', today, { appointmentId });
        nextTask = { kind: 'record_reply', dueDate: today };
      } else if (episode.state === 'intake') {
        // The patient came: the visit's measurements are entered next, so the episode keeps a dated task.
        await addTask(tx, trail, actor, episode, 'record_investigations', today, { appointmentId });
        nextTask = { kind: 'record_investigations', dueDate: today };
      }
    }
    await bumpVersion(tx, episode);
    return result(episode, nextTask);
  });
}

export interface CallOutcomeInput {
  outcome: CallOutcome;
  nextStep?: WrongNumberNextStep | undefined;
  note: string;
  expectedVersion?: number | undefined;
}

/**
 * The outcome of the reminder call (a `no_response_follow_up` task): reached — the reply is recorded
 * next (a `record_reply` task today); not reached — another call after the configured days, or after
 * the last attempt the episode ends as lost; wrong number — the user's next step (ask the GP: a task;
 * or lost).
 */
export function recordCallOutcome(
  db: Database,
  actor: Actor,
  taskId: string,
  input: CallOutcomeInput,
  today: string,
  policy: CallFollowUpConfig,
): Promise<LoopActionResult> {
  if (input.outcome === 'wrong_number' && input.nextStep === undefined) {
    throw invalid('body.nextStep', 'Choose the next step after a wrong number.', 'next_step_required');
  }
  if (input.outcome !== 'wrong_number' && input.nextStep !== undefined) {
    throw invalid(
      'body.nextStep',
      'A next step is chosen only after a wrong number.',
      'next_step_unexpected',
    );
  }
  return auditedTransaction(db, actor, async (tx, trail) => {
    const found = await tx
      .select()
      .from(tasks)
      .where(and(eq(tasks.id, taskId), eq(tasks.organizationId, actor.organizationId)))
      .for('update');
    const task = found[0];
    if (task === undefined) throw notFound('Task');
    if (task.kind !== 'no_response_follow_up') {
      throw conflict('not_a_call_task', 'Only a reminder call task has a call outcome.');
    }
    if (task.status !== 'open') throw conflict('task_closed', 'This call was already recorded.');
    const episode = await lockEpisode(tx, actor, task.episodeId, input.expectedVersion);
    const details = task.details as { attempt?: unknown };
    const attempt = typeof details.attempt === 'number' ? details.attempt : 1;
    await tx
      .update(tasks)
      .set({
        status: 'done',
        outcome: input.outcome,
        details: sql`${tasks.details} || ${JSON.stringify({
          call: { outcome: input.outcome, nextStep: input.nextStep ?? null, note: input.note, attempt },
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
      details: { callOutcome: input.outcome, nextStep: input.nextStep ?? null, attempt },
    });
    const endAsLost = async (reason: EpisodeReason): Promise<LoopActionResult> => {
      await transition(tx, trail, actor, episode, 'lost', reason, today);
      await closeTasks(tx, actor, episode.id, 'all', 'cancelled', 'lost');
      return result(episode, null);
    };
    const next = async (kind: TaskKind, dueDate: string, extra: Record<string, unknown>) => {
      await addTask(tx, trail, actor, episode, kind, dueDate, extra);
      await bumpVersion(tx, episode);
      return result(episode, { kind, dueDate });
    };
    switch (input.outcome) {
      case 'reached':
        return next('record_reply', today, { reachedBy: actor.userId });
      case 'not_reached': {
        const step = afterNotReached(attempt, policy);
        if (step.kind === 'lost') return endAsLost(episodeReason.notReached(step.attempts, input.note));
        return next('no_response_follow_up', addDays(today, step.dueInDays), { attempt: step.attempt });
      }
      case 'wrong_number':
        if (input.nextStep === 'lost') return endAsLost(episodeReason.wrongNumber(input.note));
        return next('ask_gp_phone_number', today, {});
    }
  });
}

/** Other open episodes of the patient: a patient is in the pathway once at a time. */
async function openEpisodeOf(tx: Transaction, actor: Actor, patientId: string, except?: string) {
  const rows = await tx
    .select({ id: episodes.id })
    .from(episodes)
    .where(
      and(
        eq(episodes.organizationId, actor.organizationId),
        eq(episodes.patientId, patientId),
        notInArray(episodes.state, [...TERMINAL_STATES]),
        ...(except === undefined ? [] : [sql`${episodes.id} <> ${except}`]),
      ),
    )
    .limit(1);
  return rows[0]?.id ?? null;
}

function openEpisodeExists(episodeId: string): never {
  throw conflict(
    'open_episode_exists',
    'This patient already has an open episode; continue that one instead.',
    { episodeId },
  );
}

/**
 * A declined or not-eligible episode taken up again, with the reason: back to `identified` (the one
 * way out of those ends, state machine: REOPENINGS), with an invitation to send today.
 */
export function reopenEpisode(
  db: Database,
  actor: Actor,
  episodeId: string,
  input: { reason: ReopenReason; note: string; expectedVersion: number },
  today: string,
): Promise<LoopActionResult> {
  return auditedTransaction(db, actor, async (tx, trail) => {
    const episode = await lockEpisode(tx, actor, episodeId, input.expectedVersion);
    const previousState = episode.state;
    if (!canReopen(previousState)) {
      throw transitionRefused(
        'transition_not_allowed',
        'Only a declined or not-eligible episode can be reopened.',
        {
          from: previousState,
          to: 'identified',
        },
      );
    }
    const other = await openEpisodeOf(tx, actor, episode.patientId, episodeId);
    if (other !== null) openEpisodeExists(other);
    const reason = episodeReason.reopened(input.reason, previousState, input.note);
    await transition(tx, trail, actor, episode, 'identified', reason, today);
    await addTask(tx, trail, actor, episode, 'invite', today, { reopened: true });
    return result(episode, { kind: 'invite', dueDate: today });
  });
}

/**
 * A clinician includes a fracture the rules excluded (R1.3): the decision, its author and reason are
 * recorded on the fracture (eligible by manual decision, the rule's outcome kept beside it in
 * eligibility_engine.inclusion), and an episode opens for it with an invitation to send. When the
 * patient already has an open episode the inclusion is refused and nothing changes: that episode's
 * index fracture and patient group were chosen by the rules, and a second open episode would split
 * the patient's pathway.
 */
export function includeFracture(
  db: Database,
  actor: Actor,
  fractureId: string,
  input: { reason: FractureInclusionReason; note: string },
  today: string,
): Promise<LoopActionResult> {
  return auditedTransaction(db, actor, async (tx, trail) => {
    const found = await tx
      .select()
      .from(fractureEvents)
      .where(and(eq(fractureEvents.id, fractureId), eq(fractureEvents.organizationId, actor.organizationId)))
      .for('update');
    const fracture = found[0];
    if (fracture === undefined) throw notFound('Fracture');
    if (fracture.eligibility !== 'excluded') {
      throw conflict('fracture_not_excluded', 'Only a fracture the rules excluded can be included.');
    }
    const other = await openEpisodeOf(tx, actor, fracture.patientId);
    if (other !== null) openEpisodeExists(other);
    const inclusion = {
      by: actor.userId,
      byName: actor.displayName,
      reason: input.reason,
      note: input.note,
      on: today,
      previous: { eligibility: fracture.eligibility, eligibilityReason: fracture.eligibilityReason },
    };
    await tx
      .update(fractureEvents)
      .set({
        eligibility: 'eligible',
        eligibilityReason: 'manualReviewEligible',
        // When it was decided is the transaction's time (the timeline orders by it).
        eligibilityEngine: sql`${fractureEvents.eligibilityEngine} || jsonb_build_object('inclusion', ${JSON.stringify(inclusion)}::jsonb || jsonb_build_object('at', now()))`,
        updatedAt: sql`now()`,
      })
      .where(eq(fractureEvents.id, fractureId));
    trail.record({
      action: 'update',
      objectType: 'fracture_event',
      objectId: fractureId,
      patientId: fracture.patientId,
      details: { included: { reason: input.reason, note: input.note } },
    });
    const group = fracture.siteCode === null ? null : patientGroup(fracture.siteCode, fracture.encounterType);
    const reason = episodeReason.fractureIncluded(fractureId, input.reason, input.note);
    const created = await tx
      .insert(episodes)
      .values({
        organizationId: actor.organizationId,
        patientId: fracture.patientId,
        indexFractureId: fractureId,
        state: 'identified',
        stateReasonCode: reason.code,
        stateReasonDetails: reason.details,
        stateReasonNote: reason.note,
        patientGroup: group,
        openedOn: today,
      })
      .returning();
    const episode = created[0];
    if (episode === undefined) throw new Error('The episode was not created.');
    await tx.insert(episodeEvents).values({
      organizationId: actor.organizationId,
      episodeId: episode.id,
      fromState: null,
      toState: 'identified',
      reasonCode: reason.code,
      details: reason.details,
      note: reason.note,
      actorUserId: actor.userId,
    });
    trail.record({
      action: 'create',
      objectType: 'episode',
      objectId: episode.id,
      patientId: fracture.patientId,
      details: { indexFractureId: fractureId, reason },
    });
    await addTask(tx, trail, actor, episode, 'invite', today, { includedBy: actor.userId });
    return result(episode, { kind: 'invite', dueDate: today });
  });
}
