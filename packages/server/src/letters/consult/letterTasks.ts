import { and, eq, sql } from 'drizzle-orm';
import type { StoredDocumentKind } from '@osteopad/contract';
import type { Actor } from '../../auth/actor';
import type { AuditTrail } from '../../audit/auditedTransaction';
import type { Transaction } from '../../db/connection';
import { tasks } from '../../db/schema';
import type { EpisodeScope } from '../../consult/patientInputSections';
import { openGpHandover } from '../../followUp/gpHandover';

/** The plan's task (decision/decisionPlan.ts) that asks for each letter. */
export const TASK_OF_LETTER = {
  result_letter: 'send_result_letter',
  gp_letter: 'send_gp_letter',
} as const satisfies Record<StoredDocumentKind, string>;

/**
 * A letter was made: the episode's open task asking for it is done, in the caller's unit of work, each
 * closed task audited with the document that closed it. Without an open task (made again, or the task
 * closed by hand) nothing changes. The GP letter opens the GP's hand-over confirmation (followUp/gpHandover.ts).
 */
export async function completeLetterTask(
  tx: Transaction,
  trail: AuditTrail,
  actor: Actor,
  scope: EpisodeScope,
  kind: StoredDocumentKind,
  documentId: string,
  handover: { today: string; dueDays: number },
): Promise<string[]> {
  const taskKind = TASK_OF_LETTER[kind];
  const closed = await tx
    .update(tasks)
    .set({
      status: 'done',
      outcome: 'letter_created',
      completedAt: sql`now()`,
      completedBy: actor.userId,
      updatedAt: sql`now()`,
    })
    .where(
      and(
        eq(tasks.organizationId, scope.organizationId),
        eq(tasks.episodeId, scope.episodeId),
        eq(tasks.kind, taskKind),
        eq(tasks.status, 'open'),
      ),
    )
    .returning({ id: tasks.id });
  for (const t of closed)
    trail.record({
      action: 'update',
      objectType: 'task',
      objectId: t.id,
      patientId: scope.patientId,
      details: { kind: taskKind, status: 'done', outcome: 'letter_created', documentId },
    });
  if (kind === 'gp_letter') for (const t of closed) await openGpHandover(tx, trail, scope, t.id, handover);
  return closed.map((t) => t.id);
}
