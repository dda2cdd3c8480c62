import { and, eq, inArray } from 'drizzle-orm';
import { DEFAULT_CONFIG, type ClinicalConfig } from '@osteopad/clinical';
import type { Database } from '../db/connection';
import { episodes, patients, tasks, users } from '../db/schema';
import type { Actor } from '../auth/actor';
import { auditedTransaction, inOrganization } from '../audit/auditedTransaction';
import { transition } from '../episodes/episodeRecords';
import { episodeReason } from '../episodes/episodeReasons';
import { acceptAll, assessEpisode, recordDecision } from '../decision/decisionRecords';

/**
 * Demo patients by list position: one ready for a decision, one decided with one override. Patient 17's
 * fracture is a high-energy trauma (demoRegistrations.ts), excluded without an episode, so it stays as
 * it is; patient 18 is decided, and the screen offers a new decision on it.
 */
const DEMO_READY_FOR_DECISION = 17;
const DEMO_DECIDED = 18;

/**
 * The decision screen's demo: both episodes go identified → intake → investigated (seeded consult
 * steps, reasons `intake_recorded` and `investigations_recorded`; the intake and investigations parts
 * record their own data at the merge), and the second gets a decision that refers to the fall clinic
 * against the proposal, with a reason. The specialist decides; nothing happens without one.
 */
export async function seedDemoDecisions(
  db: Database,
  organizationId: string,
  bsns: readonly string[],
  today: string,
  config: ClinicalConfig = DEFAULT_CONFIG,
): Promise<void> {
  const specialist = await inOrganization(db, organizationId, (tx) =>
    tx
      .select({ id: users.id, username: users.username, displayName: users.displayName })
      .from(users)
      .where(and(eq(users.organizationId, organizationId), eq(users.role, 'specialist')))
      .limit(1),
  );
  const user = specialist[0];
  if (user === undefined) return;
  const actor: Actor = {
    userId: user.id,
    username: user.username,
    displayName: user.displayName,
    role: 'specialist',
    organizationId,
    patientId: null,
    clientAddress: '127.0.0.1',
    sessionTokenHash: '',
    csrfToken: '',
    accessReason: 'demo data',
  };
  const wanted = [bsns[DEMO_READY_FOR_DECISION] ?? '', bsns[DEMO_DECIDED] ?? ''];
  const ids = await auditedTransaction(db, actor, async (tx, trail) => {
    const rows = await tx
      .select({ episode: episodes, bsn: patients.bsn })
      .from(episodes)
      .innerJoin(patients, eq(patients.id, episodes.patientId))
      .where(and(eq(episodes.organizationId, organizationId), inArray(patients.bsn, wanted)))
      .for('update', { of: episodes });
    const moved: Record<string, string> = {};
    for (const { episode, bsn } of rows) {
      if (episode.state !== 'identified' || bsn === null) continue;
      await tx
        .update(tasks)
        .set({ status: 'done', outcome: 'intake_recorded', completedBy: actor.userId })
        .where(and(eq(tasks.episodeId, episode.id), eq(tasks.status, 'open')));
      await transition(tx, trail, actor, episode, 'intake', episodeReason.intakeRecorded(), today);
      await transition(
        tx,
        trail,
        actor,
        { ...episode, state: 'intake' },
        'investigated',
        episodeReason.investigationsRecorded(),
        today,
      );
      moved[bsn] = episode.id;
    }
    return moved;
  });
  const decided = ids[bsns[DEMO_DECIDED] ?? ''];
  if (decided === undefined) return;
  const deps = { today, config };
  const assessment = await assessEpisode(db, actor, decided, deps);
  await recordDecision(
    db,
    actor,
    decided,
    {
      fingerprint: assessment.fingerprint,
      basedOnDecisionId: assessment.latestDecisionId,
      episodeVersion: assessment.episodeVersion,
      items: acceptAll(assessment).map((item) =>
        item.code === 'referral_fall_clinic'
          ? {
              code: item.code,
              choice: 'override' as const,
              value: 'refer',
              reason: 'Valt vaak volgens de huisarts; valanamnese op de valpoli.',
            }
          : item,
      ),
    },
    deps,
  );
}
