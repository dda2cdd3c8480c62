import { and, asc, eq, inArray } from 'drizzle-orm';
import { addCalendarMonths, addDays, DEFAULT_CONFIG, type ClinicalConfig } from '@osteopad/clinical';
import {
  COMPLETABLE_TASK_KINDS,
  isOneOf,
  OUTCOMES_BY_KIND,
  OUTCOMES_WITH_DATE,
  type StoredDocumentKind,
} from '@osteopad/contract';
import type { Actor } from '../auth/actor';
import type { Database } from '../db/connection';
import { demoActor } from './demoActor';
import { episodes, patients, tasks } from '../db/schema';
import { auditedTransaction, inOrganization } from '../audit/auditedTransaction';
import { transition } from '../episodes/episodeRecords';
import { episodeReason } from '../episodes/episodeReasons';
import { acceptAll, assessEpisode, recordDecision } from '../decision/decisionRecords';
import { consultLetterInputFromDatabase } from '../letters/consult/consultLetterInputLoader';
import { createConsultLetter } from '../letters/consult/episodeDocuments.repository';
import { storedDecisionForLetters } from '../letters/consult/storedDecisionForLetters';
import { completeTask } from '../followUp/taskCompletion';
import { DEFAULT_FOLLOW_UP_SETTINGS, type FollowUpSettings } from '../followUp/followUpSettings';

/**
 * The follow-up's demo patients (indices of demoPatients(40)). 31 is a toe fracture the rules exclude
 * (no episode) and 32 is one of the DXA browser test's candidates, so 22 and 24 take their places.
 */
/** Denosumab for 6½ months (her fracture is 230 days old, demoRegistrations.ts): the 2nd injection overdue. */
export const DEMO_DENOSUMAB_OVERDUE = 30;
export const DEMO_ZOLEDRONIC_ACID = 22; // first infusion given: blood test and next infusion planned
export const DEMO_ALENDRONATE = 24; // alendronate: the 3-month evaluation falls due this week
export const DEMO_GP_HANDOVER = 33; // GP letter sent: waiting for the GP's confirmation

interface Situation {
  index: number;
  /** The drug the specialist chose (an override of the proposal), or null for no drug. */
  drug: string | null;
  /** The day of the decision and its letters. */
  decidedOn: string;
  /** The day the course started (start_treatment completed), when there is a drug. */
  startedOn: string | null;
  /** Kinds left open even when overdue: what the situation shows. */
  keepOpen: readonly string[];
}

/** identified → intake → investigated, as the consult's demo does (its screens record their own data). */
async function investigate(db: Database, actor: Actor, episodeId: string, on: string): Promise<boolean> {
  return auditedTransaction(db, actor, async (tx, trail) => {
    const rows = await tx
      .select()
      .from(episodes)
      .where(and(eq(episodes.id, episodeId), eq(episodes.organizationId, actor.organizationId)))
      .for('update');
    const episode = rows[0];
    if (episode?.state !== 'identified') return false;
    await tx
      .update(tasks)
      .set({ status: 'done', outcome: 'intake_recorded', completedBy: actor.userId })
      .where(and(eq(tasks.episodeId, episode.id), eq(tasks.status, 'open')));
    await transition(tx, trail, actor, episode, 'intake', episodeReason.intakeRecorded(), on);
    await transition(
      tx,
      trail,
      actor,
      { ...episode, state: 'intake' },
      'investigated',
      episodeReason.investigationsRecorded(),
      on,
    );
    return true;
  });
}

async function openTasksOf(db: Database, organizationId: string, episodeId: string) {
  return inOrganization(db, organizationId, (tx) =>
    tx
      .select({ id: tasks.id, kind: tasks.kind, dueDate: tasks.dueDate })
      .from(tasks)
      .where(and(eq(tasks.episodeId, episodeId), eq(tasks.status, 'open')))
      .orderBy(asc(tasks.dueDate), asc(tasks.id)),
  );
}

/**
 * Completes, on its due date, every open task due before `today` that the situation does not keep
 * open, with the usual outcome of its kind — as the clinic would have — so what the rules created next
 * is dated from those days.
 */
async function catchUp(
  db: Database,
  actors: Record<'nurse' | 'secretary', Actor>,
  episodeId: string,
  today: string,
  keepOpen: readonly string[],
  deps: { config: ClinicalConfig; settings: FollowUpSettings },
): Promise<void> {
  for (let round = 0; round < 20; round++) {
    const open = await openTasksOf(db, actors.nurse.organizationId, episodeId);
    const due = open.find(
      (t) => t.dueDate < today && !keepOpen.includes(t.kind) && isOneOf(COMPLETABLE_TASK_KINDS, t.kind),
    );
    if (due === undefined || !isOneOf(COMPLETABLE_TASK_KINDS, due.kind)) return;
    const outcome = OUTCOMES_BY_KIND[due.kind][0] ?? 'done';
    const actor = due.kind === 'gp_handover_confirmation' ? actors.secretary : actors.nurse;
    await completeTask(
      db,
      actor,
      due.id,
      { outcome, ...(OUTCOMES_WITH_DATE.includes(outcome) ? { outcomeDate: due.dueDate } : {}), note: '' },
      { today: due.dueDate, ...deps },
    );
  }
}

/**
 * The follow-up's demo (issue 12): four episodes moved along through the real decision, letters and task
 * completions, dated relative to `today` — a denosumab course whose second injection is overdue (the
 * escalating warning), a zoledronic acid course after its first infusion, an alendronate course whose
 * 3-month evaluation falls due this week, and a GP hand-over waiting for the GP's confirmation.
 */
export async function seedFollowUpDemo(
  db: Database,
  organizationId: string,
  bsns: readonly string[],
  today: string,
  config: ClinicalConfig = DEFAULT_CONFIG,
  settings: FollowUpSettings = DEFAULT_FOLLOW_UP_SETTINGS,
): Promise<void> {
  const specialist = await demoActor(db, organizationId, 'specialist');
  const nurse = await demoActor(db, organizationId, 'nurse');
  const secretary = await demoActor(db, organizationId, 'secretary');
  if (specialist === null || nurse === null || secretary === null) return;
  const denosumabStart = addDays(today, -200);
  const alendronateStart = addDays(addCalendarMonths(today, -3, config), 3);
  const zoledronicStart = addCalendarMonths(today, -2, config);
  const situations: readonly Situation[] = [
    {
      index: DEMO_DENOSUMAB_OVERDUE,
      drug: 'denosumab',
      decidedOn: addDays(denosumabStart, -7),
      startedOn: denosumabStart,
      keepOpen: ['denosumab_injection'],
    },
    {
      index: DEMO_ZOLEDRONIC_ACID,
      drug: 'zoledronicAcid',
      decidedOn: addDays(zoledronicStart, -7),
      startedOn: zoledronicStart,
      keepOpen: [],
    },
    {
      index: DEMO_ALENDRONATE,
      drug: 'alendronate',
      decidedOn: addDays(alendronateStart, -7),
      startedOn: alendronateStart,
      keepOpen: [],
    },
    { index: DEMO_GP_HANDOVER, drug: null, decidedOn: addDays(today, -10), startedOn: null, keepOpen: [] },
  ];
  const wanted = situations.map((s) => bsns[s.index] ?? '');
  const rows = await inOrganization(db, organizationId, (tx) =>
    tx
      .select({ id: episodes.id, bsn: patients.bsn })
      .from(episodes)
      .innerJoin(patients, eq(patients.id, episodes.patientId))
      .where(and(eq(episodes.organizationId, organizationId), inArray(patients.bsn, wanted))),
  );
  const loadLetterInput = consultLetterInputFromDatabase(storedDecisionForLetters);
  const deps = { config, settings };
  for (const situation of situations) {
    const episodeId = rows.find((r) => r.bsn === bsns[situation.index])?.id;
    if (episodeId === undefined) continue;
    if (!(await investigate(db, specialist, episodeId, situation.decidedOn))) continue;
    const decisionDeps = { today: situation.decidedOn, config };
    const assessment = await assessEpisode(db, specialist, episodeId, decisionDeps);
    await recordDecision(
      db,
      specialist,
      episodeId,
      {
        fingerprint: assessment.fingerprint,
        basedOnDecisionId: assessment.latestDecisionId,
        episodeVersion: assessment.episodeVersion,
        items: acceptAll(assessment).map((item) =>
          item.code === 'drug'
            ? {
                code: item.code,
                choice: 'override' as const,
                value: situation.drug ?? 'none',
                reason:
                  situation.drug === null
                    ? 'Geen middel: afgesproken met de patiënt.'
                    : 'Keuze besproken met de patiënt.',
              }
            : item,
        ),
      },
      decisionDeps,
    );
    for (const kind of ['result_letter', 'gp_letter'] as const satisfies readonly StoredDocumentKind[])
      await createConsultLetter(db, specialist, episodeId, kind, 'nl', loadLetterInput, {
        today: situation.decidedOn,
        dueDays: settings.gpHandoverDueDays,
      });
    if (situation.startedOn !== null) {
      const start = (await openTasksOf(db, organizationId, episodeId)).find(
        (t) => t.kind === 'start_treatment',
      );
      if (start !== undefined)
        await completeTask(
          db,
          nurse,
          start.id,
          { outcome: 'started', outcomeDate: situation.startedOn, note: '' },
          { today: situation.startedOn, ...deps },
        );
    }
    await catchUp(db, { nurse, secretary }, episodeId, today, situation.keepOpen, deps);
  }
}
