// The consult's own dated tasks between the visit and the decision, so that an episode in intake or
// investigated always has an open dated task (the pathway invariant, integrity/pathwayInvariant.ts).
import type { Transaction } from '../db/connection';
import type { episodes } from '../db/schema';
import type { Actor } from '../auth/actor';
import type { AuditTrail } from '../audit/auditedTransaction';
import { addTask, closeTasks } from './episodeRecords';

type EpisodeRow = typeof episodes.$inferSelect;

/**
 * The investigations are in (the episode moved to `investigated`): the task to enter them is done and
 * the specialist's decision is due, today. The decision closes that task with the episode's others
 * (decision/decisionRecords.ts).
 */
export async function awaitDecision(
  tx: Transaction,
  trail: AuditTrail,
  actor: Actor,
  episode: EpisodeRow,
  today: string,
): Promise<void> {
  await closeTasks(tx, actor, episode.id, ['record_investigations'], 'done', 'investigations_recorded');
  await addTask(tx, trail, actor, episode, 'record_decision', today);
}
