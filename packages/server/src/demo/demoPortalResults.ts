// The portal's "your results and your plan" demo (issue 13, item 5): demo patient 14, whose DXA and VFA the
// demo records (demoDensitometry.ts), is moved on to a decision — the engine's proposals accepted, alendronate chosen by the specialist — and
// a result letter, through the real functions, and gets a portal account of their own. The demo's first
// portal account (`patient`) stays waiting for the online intake.
import { randomBytes } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { DEFAULT_CONFIG } from '@osteopad/clinical';
import type { Database } from '../db/connection';
import { demoActor } from './demoActor';
import { episodes, patients, tasks } from '../db/schema';
import { auditedTransaction } from '../audit/auditedTransaction';
import { transition } from '../episodes/episodeRecords';
import { episodeReason } from '../episodes/episodeReasons';
import { acceptAll, assessEpisode, recordDecision } from '../decision/decisionRecords';
import { consultLetterInputFromDatabase } from '../letters/consult/consultLetterInputLoader';
import { createConsultLetter } from '../letters/consult/episodeDocuments.repository';
import { storedDecisionForLetters } from '../letters/consult/storedDecisionForLetters';
import { DEFAULT_FOLLOW_UP_SETTINGS } from '../followUp/followUpSettings';
import { createUser } from '../users/userAccounts';
import { DEMO_DXA_AND_VFA } from './demoDensitometry';

export const DEMO_RESULTS_PATIENT = DEMO_DXA_AND_VFA;
export const DEMO_RESULTS_USERNAME = 'patient.uitslagen';

/** Decides and writes the result letter of the demo's investigated patient; returns their portal login. */
export async function seedDemoPortalResults(
  db: Database,
  organizationId: string,
  bsn: string,
  today: string,
): Promise<{ username: string; password: string; role: 'patient' } | null> {
  const actor = await demoActor(db, organizationId, 'specialist');
  if (actor === null) return null;
  const found = await auditedTransaction(db, actor, async (tx, trail) => {
    const rows = await tx
      .select({
        episode: episodes,
        patientId: patients.id,
        name: patients.givenNames,
        family: patients.familyName,
      })
      .from(episodes)
      .innerJoin(patients, eq(patients.id, episodes.patientId))
      .where(and(eq(episodes.organizationId, organizationId), eq(patients.bsn, bsn)))
      .for('update', { of: episodes });
    const row = rows[0];
    if (row?.episode.state !== 'identified') return null;
    await tx
      .update(tasks)
      .set({ status: 'done', outcome: 'intake_recorded', completedBy: actor.userId })
      .where(and(eq(tasks.episodeId, row.episode.id), eq(tasks.status, 'open')));
    await transition(tx, trail, actor, row.episode, 'intake', episodeReason.intakeRecorded(), today);
    await transition(
      tx,
      trail,
      actor,
      { ...row.episode, state: 'intake' },
      'investigated',
      episodeReason.investigationsRecorded(),
      today,
    );
    return { episodeId: row.episode.id, patientId: row.patientId, displayName: `${row.name} ${row.family}` };
  });
  if (found === null) return null;
  const deps = { today, config: DEFAULT_CONFIG };
  const assessment = await assessEpisode(db, actor, found.episodeId, deps);
  await recordDecision(
    db,
    actor,
    found.episodeId,
    {
      fingerprint: assessment.fingerprint,
      basedOnDecisionId: assessment.latestDecisionId,
      episodeVersion: assessment.episodeVersion,
      // The intake is not filled in, so the engine proposes no drug: the specialist chooses R10.1's first choice.
      items: acceptAll(assessment).map((item) =>
        item.code === 'drug'
          ? {
              code: item.code,
              choice: 'override' as const,
              value: 'alendronate',
              reason: 'Eerste keus bij wervelfractuur en T-score -2,7.',
            }
          : item,
      ),
    },
    deps,
  );
  await createConsultLetter(
    db,
    actor,
    found.episodeId,
    'result_letter',
    'nl',
    consultLetterInputFromDatabase(storedDecisionForLetters),
    { today, dueDays: DEFAULT_FOLLOW_UP_SETTINGS.gpHandoverDueDays },
  );
  const password = randomBytes(9).toString('base64url');
  await createUser(db, {
    organizationId,
    username: DEMO_RESULTS_USERNAME,
    displayName: found.displayName,
    role: 'patient',
    password,
    patientId: found.patientId,
  });
  return { username: DEMO_RESULTS_USERNAME, password, role: 'patient' };
}
