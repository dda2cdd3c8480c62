import { sql } from 'drizzle-orm';
import { addDays } from '@osteopad/clinical';
import type { AuditTrail } from '../audit/auditedTransaction';
import type { Transaction } from '../db/connection';
import { tasks } from '../db/schema';
import type { EpisodeScope } from '../consult/patientInputSections';
import { assigneeFor } from '../tasks/taskKinds';
import type { FollowUpTaskDetails } from './followUpChain';
import { SETTING_MARKER } from './followUpSettings';

/**
 * The GP letter went out (R11.3: once treatment has started, care passes to the GP): the hand-over stays
 * open as a dated task until the GP's confirmation is recorded (`gp_handover_confirmation`, completed
 * only with `confirmed`; not reached → tried again). Created once per letter task (its series key).
 * The days until it is due are a setting (UNCONFIRMED).
 */
export async function openGpHandover(
  tx: Transaction,
  trail: AuditTrail,
  scope: EpisodeScope,
  letterTaskId: string,
  handover: { today: string; dueDays: number },
): Promise<void> {
  const details: FollowUpTaskDetails = {
    treatmentId: null,
    period: 1,
    sequence: 1,
    anchor: handover.today,
    ruleId: 'R11.3',
    sources: ['S22/003', 'S22/001'],
    marker: SETTING_MARKER,
    note: 'care passes to the GP: the GP confirms the hand-over',
  };
  const rows = await tx
    .insert(tasks)
    .values({
      organizationId: scope.organizationId,
      episodeId: scope.episodeId,
      patientId: scope.patientId,
      kind: 'gp_handover_confirmation',
      dueDate: addDays(handover.today, handover.dueDays),
      assigneeRole: assigneeFor('gp_handover_confirmation'),
      details,
      seriesKey: `gp_handover:${letterTaskId}`,
    })
    .onConflictDoNothing({ target: [tasks.episodeId, tasks.seriesKey], where: sql`series_key IS NOT NULL` })
    .returning({ id: tasks.id, dueDate: tasks.dueDate });
  for (const row of rows)
    trail.record({
      action: 'create',
      objectType: 'task',
      objectId: row.id,
      patientId: scope.patientId,
      details: { kind: 'gp_handover_confirmation', dueDate: row.dueDate, ruleId: 'R11.3' },
    });
}
