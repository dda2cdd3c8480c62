import { and, eq, inArray, sql } from 'drizzle-orm';
import { addDays } from '@osteopad/clinical';
import type { Database, Transaction } from '../db/connection';
import { episodeEvents, episodes, fractureEvents, organizations, tasks } from '../db/schema';
import type { Actor } from '../auth/actor';
import type { AuditTrail } from '../audit/auditedTransaction';
import { auditedTransaction } from '../audit/auditedTransaction';
import { conflict, notFound, transitionRefused } from '../domain/errors';
import { assigneeFor } from '../tasks/taskKinds';
import { checkTransition } from './episodeStateMachine';
import { episodeReason, type EpisodeReason } from './episodeReasons';
import type { DeclineReason, NotEligibleReason, EpisodeState, TaskKind } from '@osteopad/contract';

export type EpisodeRow = typeof episodes.$inferSelect;

/** A save of an episode read at another version than it now has: refused, never silently applied. */
export function staleVersion(): never {
  throw conflict(
    'stale_version',
    'This episode was changed by someone else since you opened it. Reload it and try again.',
  );
}

/**
 * Locks the episode for the rest of the transaction; with `expectedVersion` (the version the user
 * read), refuses a stale save.
 */
export async function lockEpisode(
  tx: Transaction,
  actor: Actor,
  episodeId: string,
  expectedVersion?: number,
): Promise<EpisodeRow> {
  const rows = await tx
    .select()
    .from(episodes)
    .where(and(eq(episodes.id, episodeId), eq(episodes.organizationId, actor.organizationId)))
    .for('update');
  const episode = rows[0];
  if (episode === undefined) throw notFound('Episode');
  if (expectedVersion !== undefined && episode.version !== expectedVersion) staleVersion();
  return episode;
}

/** Marks a change to the episode that is not a transition (a task, an appointment): its version moves on. */
export async function bumpVersion(tx: Transaction, episode: EpisodeRow): Promise<number> {
  await tx
    .update(episodes)
    .set({ version: sql`${episodes.version} + 1`, updatedAt: sql`now()` })
    .where(eq(episodes.id, episode.id));
  episode.version += 1;
  return episode.version;
}

/** Moves an episode along the pathway and records the transition (who, when, from, to, why). */
export async function transition(
  tx: Transaction,
  trail: AuditTrail,
  actor: Actor,
  episode: EpisodeRow,
  to: EpisodeState,
  reason: EpisodeReason,
  today: string,
): Promise<void> {
  // Leaving an end (declined, not eligible) is the reopen action's alone, recognised by its reason.
  const check = checkTransition(episode.state, to, reason.code, { reopening: reason.code === 'reopened' });
  if (!check.ok) throw transitionRefused(check.code, check.message, { from: episode.state, to });
  const ends = to === 'closed' || to === 'declined' || to === 'not_eligible' || to === 'lost';
  await tx
    .update(episodes)
    .set({
      state: to,
      stateReasonCode: reason.code,
      stateReasonDetails: reason.details,
      stateReasonNote: reason.note,
      version: sql`${episodes.version} + 1`,
      updatedAt: sql`now()`,
      ...(ends ? { closedOn: today } : {}),
      ...(reason.code === 'reopened' ? { closedOn: null } : {}),
    })
    .where(eq(episodes.id, episode.id));
  const from = episode.state;
  episode.version += 1;
  episode.state = to;
  await tx.insert(episodeEvents).values({
    organizationId: actor.organizationId,
    episodeId: episode.id,
    fromState: from,
    toState: to,
    reasonCode: reason.code,
    details: reason.details,
    note: reason.note,
    actorUserId: actor.userId,
  });
  trail.record({
    action: 'update',
    objectType: 'episode',
    objectId: episode.id,
    patientId: episode.patientId,
    details: { from, to, reason },
  });
}

export async function closeTasks(
  tx: Transaction,
  actor: Actor,
  episodeId: string,
  kinds: readonly TaskKind[] | 'all',
  status: 'done' | 'cancelled',
  outcome: string,
): Promise<number> {
  const closed = await tx
    .update(tasks)
    .set({ status, outcome, completedAt: sql`now()`, completedBy: actor.userId, updatedAt: sql`now()` })
    .where(
      and(
        eq(tasks.episodeId, episodeId),
        eq(tasks.organizationId, actor.organizationId),
        eq(tasks.status, 'open'),
        ...(kinds === 'all' ? [] : [inArray(tasks.kind, [...kinds])]),
      ),
    )
    .returning({ id: tasks.id });
  return closed.length;
}

export async function addTask(
  tx: Transaction,
  trail: AuditTrail,
  actor: Actor,
  episode: EpisodeRow,
  kind: TaskKind,
  dueDate: string,
  details: Record<string, unknown> = {},
): Promise<string> {
  const rows = await tx
    .insert(tasks)
    .values({
      organizationId: actor.organizationId,
      episodeId: episode.id,
      patientId: episode.patientId,
      kind,
      dueDate,
      assigneeRole: assigneeFor(kind),
      details,
    })
    .returning({ id: tasks.id });
  const id = rows[0]?.id ?? '';
  trail.record({
    action: 'create',
    objectType: 'task',
    objectId: id,
    patientId: episode.patientId,
    details: { kind, dueDate },
  });
  return id;
}

export async function reminderDays(tx: Transaction, organizationId: string): Promise<number> {
  const rows = await tx
    .select({ days: organizations.inviteReminderDays })
    .from(organizations)
    .where(eq(organizations.id, organizationId));
  return rows[0]?.days ?? 21;
}

export interface EpisodeActionResult {
  episodeId: string;
  state: EpisodeState;
  nextTask: { kind: TaskKind; dueDate: string } | null;
}

/**
 * A letter went out: the episode moves on, the task that asked for the letter is done, and the next
 * one falls due after the organisation's reminder interval — so a patient who does not answer is
 * never simply forgotten.
 */
async function recordLetterSent(
  db: Database,
  actor: Actor,
  episodeId: string,
  sentOn: string,
  today: string,
  step: {
    to: 'invited' | 'reminded';
    completes: TaskKind;
    outcome: string;
    next: TaskKind;
    reason: (sentOn: string) => EpisodeReason;
  },
  expectedVersion?: number,
): Promise<EpisodeActionResult> {
  return auditedTransaction(db, actor, async (tx, trail) => {
    const episode = await lockEpisode(tx, actor, episodeId, expectedVersion);
    await transition(tx, trail, actor, episode, step.to, step.reason(sentOn), today);
    await closeTasks(tx, actor, episodeId, [step.completes], 'done', step.outcome);
    const dueDate = addDays(sentOn, await reminderDays(tx, actor.organizationId));
    await addTask(tx, trail, actor, episode, step.next, dueDate, { letterSentOn: sentOn });
    return { episodeId, state: step.to, nextTask: { kind: step.next, dueDate } };
  });
}

/** The invitation went out; a reminder falls due after the configured days (default 21). */
export function markInvited(
  db: Database,
  actor: Actor,
  episodeId: string,
  sentOn: string,
  today: string,
  expectedVersion?: number,
) {
  return recordLetterSent(
    db,
    actor,
    episodeId,
    sentOn,
    today,
    {
      to: 'invited',
      completes: 'invite',
      outcome: 'invitation_sent',
      next: 'invite_reminder',
      reason: episodeReason.invitationSent,
    },
    expectedVersion,
  );
}

/** No answer to the invitation: a reminder went out; if that stays unanswered a nurse follows up. */
export function markReminded(
  db: Database,
  actor: Actor,
  episodeId: string,
  sentOn: string,
  today: string,
  expectedVersion?: number,
) {
  return recordLetterSent(
    db,
    actor,
    episodeId,
    sentOn,
    today,
    {
      to: 'reminded',
      completes: 'invite_reminder',
      outcome: 'reminder_sent',
      next: 'no_response_follow_up',
      reason: episodeReason.reminderSent,
    },
    expectedVersion,
  );
}

/** The patient does not take part: recorded with the reason; open work on the episode is cancelled. */
export async function recordDecline(
  db: Database,
  actor: Actor,
  episodeId: string,
  reason: DeclineReason,
  note: string,
  today: string,
  expectedVersion?: number,
) {
  return auditedTransaction(db, actor, async (tx, trail): Promise<EpisodeActionResult> => {
    const episode = await lockEpisode(tx, actor, episodeId, expectedVersion);
    await transition(tx, trail, actor, episode, 'declined', episodeReason.declined(reason, note), today);
    await closeTasks(tx, actor, episodeId, 'all', 'cancelled', 'declined');
    return { episodeId, state: 'declined', nextTask: null };
  });
}

/**
 * A person decides a fracture the rules could not place (R1.3: site in neither list). The decision,
 * its author and reason are recorded on the fracture and the episode, overriding nothing silently.
 */
export async function decideEligibility(
  db: Database,
  actor: Actor,
  episodeId: string,
  decision: { eligible: true; note: string } | { eligible: false; reason: NotEligibleReason; note: string },
  today: string,
) {
  return auditedTransaction(db, actor, async (tx, trail): Promise<EpisodeActionResult> => {
    const episode = await lockEpisode(tx, actor, episodeId);
    const open = await tx
      .select({ id: tasks.id })
      .from(tasks)
      .where(
        and(eq(tasks.episodeId, episodeId), eq(tasks.kind, 'review_eligibility'), eq(tasks.status, 'open')),
      );
    if (open.length === 0) {
      throw conflict('no_review_pending', 'This episode has no eligibility review waiting.');
    }
    if (episode.indexFractureId !== null) {
      await tx
        .update(fractureEvents)
        .set({
          eligibility: decision.eligible ? 'eligible' : 'excluded',
          eligibilityReason: decision.eligible ? 'manualReviewEligible' : `manualReview:${decision.reason}`,
          eligibilityEngine: sql`${fractureEvents.eligibilityEngine} || ${JSON.stringify({ review: { by: actor.userId, note: decision.note, on: today } })}::jsonb`,
          updatedAt: sql`now()`,
        })
        .where(eq(fractureEvents.id, episode.indexFractureId));
      trail.record({
        action: 'update',
        objectType: 'fracture_event',
        objectId: episode.indexFractureId,
        patientId: episode.patientId,
      });
    }
    await closeTasks(
      tx,
      actor,
      episodeId,
      ['review_eligibility'],
      'done',
      decision.eligible ? 'eligible' : 'not_eligible',
    );
    if (decision.eligible) {
      await addTask(tx, trail, actor, episode, 'invite', today, { decidedBy: actor.userId });
      return { episodeId, state: episode.state, nextTask: { kind: 'invite', dueDate: today } };
    }
    const reason = episodeReason.notEligibleAfterReview(decision.reason, actor.username, decision.note);
    await transition(tx, trail, actor, episode, 'not_eligible', reason, today);
    await closeTasks(tx, actor, episodeId, 'all', 'cancelled', 'not_eligible');
    return { episodeId, state: 'not_eligible', nextTask: null };
  });
}
