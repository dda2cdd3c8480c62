// The follow-up worklist's demo (issue 12): demo patient 34 (a pertrochanteric femur fracture 132 days
// before `today`) moved along through the real functions so that its clocks show all three states — the
// DXA in time (met), the decision late (assessment missed), no follow-up contact by week 16 (missed), on
// treatment at 52 weeks still running — and its start_treatment task is overdue. Patient 35's fracture
// (a skull fracture) is excluded and opens no episode, so it stays as it is. The consult's decided demo
// patient shows its clocks as well.
import { and, eq } from 'drizzle-orm';
import { addDays, DEFAULT_CONFIG } from '@osteopad/clinical';
import type { Database } from '../db/connection';
import { demoActor } from './demoActor';
import { episodes, fractureEvents, tasks } from '../db/schema';
import { auditedTransaction } from '../audit/auditedTransaction';
import { transition } from '../episodes/episodeRecords';
import { episodeReason } from '../episodes/episodeReasons';
import { acceptAll, assessEpisode, recordDecision } from '../decision/decisionRecords';
import { recordDxa } from '../investigations/investigationsRecords';

export const DEMO_CLOCKS_PATIENT = 34;

export async function seedDemoClocks(
  db: Database,
  organizationId: string,
  episodeOf: (index: number) => string | undefined,
  today: string,
): Promise<void> {
  const episodeId = episodeOf(DEMO_CLOCKS_PATIENT);
  const actor = await demoActor(db, organizationId, 'specialist');
  if (episodeId === undefined || actor === null) return;
  const fractureDate = await auditedTransaction(db, actor, async (tx, trail) => {
    const rows = await tx
      .select({ episode: episodes, fractureDate: fractureEvents.fractureDate })
      .from(episodes)
      .innerJoin(fractureEvents, eq(fractureEvents.id, episodes.indexFractureId))
      .where(eq(episodes.id, episodeId))
      .for('update', { of: episodes });
    const row = rows[0];
    if (row?.episode.state !== 'identified') return null;
    const seen = addDays(row.fractureDate, 50);
    await tx
      .update(tasks)
      .set({ status: 'done', outcome: 'intake_recorded', completedBy: actor.userId })
      .where(and(eq(tasks.episodeId, episodeId), eq(tasks.status, 'open')));
    await transition(tx, trail, actor, row.episode, 'intake', episodeReason.intakeRecorded(), seen);
    await transition(
      tx,
      trail,
      actor,
      { ...row.episode, state: 'intake' },
      'investigated',
      episodeReason.investigationsRecorded(),
      seen,
    );
    return row.fractureDate;
  });
  if (fractureDate === null) return;
  const dxaOn = addDays(fractureDate, 60);
  const decidedOn = addDays(fractureDate, 100);
  if (decidedOn > today) return;
  await recordDxa(
    db,
    actor,
    episodeId,
    {
      examDate: dxaOn,
      device: 'Hologic Horizon A',
      sites: {
        lumbarSpine: { bmdGcm2: 0.78, tScore: -2.7, zScore: -1.2, vertebraeEvaluable: 4 },
        totalHip: { bmdGcm2: 0.66, tScore: -2.4, zScore: -0.9 },
        femoralNeck: { bmdGcm2: 0.55, tScore: -2.9, zScore: -1.4 },
      },
    },
    dxaOn,
    DEFAULT_CONFIG,
  );
  const deps = { today: decidedOn, config: DEFAULT_CONFIG };
  const assessment = await assessEpisode(db, actor, episodeId, deps);
  await recordDecision(
    db,
    actor,
    episodeId,
    {
      fingerprint: assessment.fingerprint,
      basedOnDecisionId: assessment.latestDecisionId,
      episodeVersion: assessment.episodeVersion,
      // The intake is not filled in (menopausal status unknown): the specialist decides the drug.
      items: acceptAll(assessment).map((item) =>
        item.code === 'drug'
          ? {
              code: item.code,
              choice: 'override' as const,
              value: 'denosumab',
              reason: 'Heupfractuur met T-score -2,9; bisfosfonaat eerder niet verdragen.',
            }
          : item,
      ),
    },
    deps,
  );
}
