import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openInvestigatedEpisode } from '../../test/followUpEpisode';
import { and, eq } from 'drizzle-orm';
import type { EpisodePage } from '@osteopad/contract';
import { inOrganization } from '../audit/auditedTransaction';
import { tasks } from '../db/schema';
import { countStatements } from '../../test/statementCounter';
import { decideWithDrug } from '../../test/decideWithDrug';
import { createHarness, type Harness, type Session } from '../../test/appHarness';

let h: Harness;
let nurse: Session;
let specialist: Session;
let patient = 0;

/** An investigated episode of a new fracture, decided by the specialist with the drug the test names. */
async function decidedEpisode(drug: string): Promise<string> {
  const patientId = h.orgA.patientIds[patient++ % h.orgA.patientIds.length] ?? '';
  const episodeId = await openInvestigatedEpisode(h.db.app.db, h.orgA.id, patientId, '2025-10-01', {
    openedOn: '2025-10-02',
    identityKey: `wrist-${String(patient)}-${drug}`,
  });
  await decideWithDrug(h, specialist, episodeId, drug);
  return episodeId;
}

async function openTaskId(episodeId: string, kind: string): Promise<string> {
  const rows = await inOrganization(h.db.app.db, h.orgA.id, (tx) =>
    tx
      .select({ id: tasks.id })
      .from(tasks)
      .where(and(eq(tasks.episodeId, episodeId), eq(tasks.kind, kind), eq(tasks.status, 'open'))),
  );
  const id = rows[0]?.id;
  if (id === undefined) throw new Error(`no open ${kind}`);
  return id;
}

const pageOf = async (episodeId: string): Promise<EpisodePage> => {
  const r = await h.as(nurse, 'GET', `/api/episodes/${episodeId}`);
  expect(r.statusCode, r.body).toBe(200);
  return r.json<EpisodePage>();
};

/** Moves the clock (months at a time) and logs in again: a session does not outlive its idle time. */
async function onDay(day: string): Promise<void> {
  h.clock.set(`${day}T09:00:00Z`);
  nurse = await h.login(h.orgA.users.nurse.username);
  specialist = await h.login(h.orgA.users.specialist.username);
}

beforeAll(async () => {
  h = await createHarness();
}, 120_000);
afterAll(async () => {
  await h.close();
});

describe('the episode page in follow-up', () => {
  it('shows the course, its next dose, which tasks the page completes, and the escalating overdue level of a missed denosumab injection', async () => {
    await onDay('2026-04-10');
    const episodeId = await decidedEpisode('denosumab');
    const before = await pageOf(episodeId);
    expect(before.treatments).toEqual([]);
    const start = before.openTasks.find((t) => t.kind === 'start_treatment');
    expect(start).toMatchObject({
      completable: true,
      seriesKey: null,
      treatmentId: null,
      overdueLevel: 'none',
    });
    const letter = before.openTasks.find((t) => t.kind === 'send_gp_letter');
    expect(letter?.completable).toBe(false);
    expect(before.followUp).toEqual({ denosumabOverdueDays: { urgent: 28, critical: 56 } });

    const started = await h.as(nurse, 'POST', `/api/tasks/${start?.id ?? ''}/complete`, {
      outcome: 'started',
      outcomeDate: '2026-04-10',
      expectedVersion: before.episode.version,
    });
    expect(started.statusCode, started.body).toBe(200);
    const injectionId = await openTaskId(episodeId, 'denosumab_injection');

    // The second injection was due 10-10-2026: the page on that day, 10 days, 29 days and 57 days later.
    const levels: string[] = [];
    for (const day of ['2026-10-10', '2026-10-20', '2026-11-08', '2026-12-06']) {
      await onDay(day);
      const page = await pageOf(episodeId);
      levels.push(page.openTasks.find((t) => t.id === injectionId)?.overdueLevel ?? '?');
    }
    expect(levels).toEqual(['none', 'overdue', 'urgent', 'critical']);

    const page = await pageOf(episodeId);
    expect(page.episode.state).toBe('follow_up');
    expect(page.treatments).toHaveLength(1);
    const course = page.treatments[0];
    expect(course).toMatchObject({
      drug: 'denosumab',
      status: 'active',
      startedOn: '2026-04-10',
      lastDoseOn: null,
      endedOn: null,
      endReason: null,
      followsTreatmentId: null,
      nextDoseOn: '2026-10-10',
    });
    const injection = page.openTasks.find((t) => t.id === injectionId);
    expect(injection).toMatchObject({
      kind: 'denosumab_injection',
      completable: true,
      seriesKey: `${course?.id ?? ''}:1:denosumab_injection#2`,
      treatmentId: course?.id,
      overdueLevel: 'critical',
    });
    // Other kinds are only overdue, never escalated: the 3-month evaluation was due 10-07-2026.
    expect(page.openTasks.find((t) => t.kind === 'treatment_evaluation')?.overdueLevel).toBe('overdue');
  });

  it('shows a stopped course beside the follow-on it asked for (R11.4), the follow-on naming the course it follows', async () => {
    await onDay('2026-06-01');
    const episodeId = await decidedEpisode('denosumab');
    const first = await pageOf(episodeId);
    const start = first.openTasks.find((t) => t.kind === 'start_treatment');
    await h.as(nurse, 'POST', `/api/tasks/${start?.id ?? ''}/complete`, {
      outcome: 'started',
      outcomeDate: '2026-06-01',
    });
    const injection = await openTaskId(episodeId, 'denosumab_injection');
    const stopped = await h.as(specialist, 'POST', `/api/tasks/${injection}/complete`, {
      outcome: 'stopped',
      reasonCode: 'patient_choice',
    });
    expect(stopped.statusCode, stopped.body).toBe(200);
    const followOn = await openTaskId(episodeId, 'start_follow_on_antiresorptive');
    const switched = await h.as(specialist, 'POST', `/api/tasks/${followOn}/complete`, {
      outcome: 'started',
      outcomeDate: '2026-06-01',
      drug: 'zoledronicAcid',
    });
    expect(switched.statusCode, switched.body).toBe(200);
    const page = await pageOf(episodeId);
    const [denosumab, zoledronic] = page.treatments;
    expect(denosumab).toMatchObject({
      drug: 'denosumab',
      status: 'stopped',
      endedOn: '2026-06-01',
      endReason: 'patient_choice',
      nextDoseOn: null,
    });
    expect(zoledronic).toMatchObject({
      drug: 'zoledronicAcid',
      status: 'active',
      followsTreatmentId: denosumab?.id,
      nextDoseOn: '2027-06-01',
    });
  });

  it('stays one statement after the session look-up however many courses and tasks the episode has', async () => {
    await onDay('2026-06-01');
    const episodeId = await decidedEpisode('zoledronicAcid');
    const page = await pageOf(episodeId);
    const start = page.openTasks.find((t) => t.kind === 'start_treatment');
    const countPage = async () => {
      await pageOf(episodeId); // the session's last-seen is fresh now
      return (await countStatements(h.db.app.pool, () => pageOf(episodeId))).texts.length;
    };
    const withoutCourse = await countPage();
    await h.as(nurse, 'POST', `/api/tasks/${start?.id ?? ''}/complete`, {
      outcome: 'started',
      outcomeDate: '2026-06-01',
    });
    expect((await pageOf(episodeId)).openTasks.length).toBeGreaterThan(page.openTasks.length);
    expect(await countPage()).toBe(withoutCourse);
  });
});
