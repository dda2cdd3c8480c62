import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openInvestigatedEpisode } from '../../test/followUpEpisode';
import { and, eq, sql } from 'drizzle-orm';
import type { TaskCompletion } from '@osteopad/contract';
import { inOrganization } from '../audit/auditedTransaction';
import { episodes, tasks, treatments } from '../db/schema';
import { decideWithDrug } from '../../test/decideWithDrug';
import { createHarness, type Harness, type Session } from '../../test/appHarness';

let h: Harness;
let nurse: Session;
let specialist: Session;
let secretary: Session;
let patient = 0;

/** An investigated episode of a new fracture, decided with the drug the test names (an override). */
async function treatingEpisode(drug: string): Promise<{ episodeId: string; startTaskId: string }> {
  const decided = await decidedEpisode(drug);
  const start = await openTask(decided, 'start_treatment');
  return { episodeId: decided, startTaskId: start.id };
}

async function decidedEpisode(drug: string): Promise<string> {
  const patientId = h.orgA.patientIds[patient++ % h.orgA.patientIds.length] ?? '';
  const episodeId = await openInvestigatedEpisode(h.db.app.db, h.orgA.id, patientId, '2026-10-01', {
    openedOn: '2026-10-02',
  });
  await decideWithDrug(h, specialist, episodeId, drug);
  return episodeId;
}

async function openTask(episodeId: string, kind: string) {
  const rows = await inOrganization(h.db.app.db, h.orgA.id, (tx) =>
    tx
      .select()
      .from(tasks)
      .where(and(eq(tasks.episodeId, episodeId), eq(tasks.kind, kind), eq(tasks.status, 'open')))
      .orderBy(tasks.dueDate),
  );
  const row = rows[0];
  if (row === undefined) throw new Error(`no open ${kind}`);
  return row;
}

const complete = (session: Session, taskId: string, body: Record<string, unknown>) =>
  h.as(session, 'POST', `/api/tasks/${taskId}/complete`, body);

beforeAll(async () => {
  h = await createHarness();
  h.clock.set('2026-11-02T09:00:00Z');
  nurse = await h.login(h.orgA.users.nurse.username);
  specialist = await h.login(h.orgA.users.specialist.username);
  secretary = await h.login(h.orgA.users.secretary.username);
}, 120_000);
afterAll(async () => {
  await h.close();
});

describe('starting the planned treatment', () => {
  it('starts a denosumab course with its first tasks, moves the episode to follow-up and audits each record', async () => {
    const { startTaskId } = await treatingEpisode('denosumab');
    const response = await complete(nurse, startTaskId, { outcome: 'started', outcomeDate: '2026-11-02' });
    expect(response.statusCode, response.body).toBe(200);
    const done = response.json<TaskCompletion>();
    expect(done.state).toBe('follow_up');
    expect(done.treatment).toMatchObject({ drug: 'denosumab', status: 'active', startedOn: '2026-11-02' });
    expect(done.created.map((t) => `${t.kind} ${t.dueDate}`)).toEqual(
      expect.arrayContaining([
        'treatment_evaluation 2027-02-02',
        'denosumab_injection 2027-05-02',
        'yearly_check 2027-11-02',
        'standard_reevaluation 2029-11-02',
      ]),
    );
    const audit = await h.db.owner.query<{ object_type: string; action: string }>(
      'SELECT object_type, action FROM audit_events WHERE object_id = $1',
      [done.treatment?.id ?? ''],
    );
    expect(audit.rows).toEqual([{ object_type: 'treatment', action: 'create' }]);
  });

  it('refuses a second completion of the same task with the date and outcome, and creates nothing twice', async () => {
    const { episodeId, startTaskId } = await treatingEpisode('alendronate');
    const [a, b] = await Promise.all([
      complete(nurse, startTaskId, { outcome: 'started', outcomeDate: '2026-11-02' }),
      complete(nurse, startTaskId, { outcome: 'started', outcomeDate: '2026-11-02' }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const refused = a.statusCode === 409 ? a : b;
    expect(refused.json<{ message: string }>().message).toMatch(
      /already completed on \d{4}-\d{2}-\d{2} \(started\)/,
    );
    const counts = await inOrganization(h.db.app.db, h.orgA.id, (tx) =>
      tx
        .select({ n: sql<number>`count(*)::int` })
        .from(treatments)
        .where(eq(treatments.episodeId, episodeId)),
    );
    expect(counts[0]?.n).toBe(1);
  });
});

describe('refusals that change nothing', () => {
  it('refuses an outcome that does not fit the kind, a missing date, a future date, and tasks done elsewhere', async () => {
    const { episodeId, startTaskId } = await treatingEpisode('alendronate');
    const wrong = await complete(nurse, startTaskId, { outcome: 'given', outcomeDate: '2026-11-02' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json<{ issues: { field: string; code: string }[] }>().issues[0]).toMatchObject({
      field: 'body.outcome',
      code: 'outcome_not_for_kind',
    });
    const noDate = await complete(nurse, startTaskId, { outcome: 'started' });
    expect(noDate.json<{ issues: { field: string }[] }>().issues[0]?.field).toBe('body.outcomeDate');
    const future = await complete(nurse, startTaskId, { outcome: 'started', outcomeDate: '2026-12-24' });
    expect(future.json<{ issues: { code: string }[] }>().issues[0]?.code).toBe('date_in_future');
    const letter = await openTask(episodeId, 'send_gp_letter');
    const elsewhere = await complete(nurse, letter.id, { outcome: 'done' });
    expect(elsewhere.statusCode).toBe(409);
    const still = await openTask(episodeId, 'start_treatment');
    expect(still.status).toBe('open');
    const courses = await inOrganization(h.db.app.db, h.orgA.id, (tx) =>
      tx.select().from(treatments).where(eq(treatments.episodeId, episodeId)),
    );
    expect(courses).toEqual([]);
  });

  it('lets only a specialist stop a treatment, and a secretary only record the GP’s confirmation', async () => {
    const { episodeId, startTaskId } = await treatingEpisode('alendronate');
    await complete(nurse, startTaskId, { outcome: 'started', outcomeDate: '2026-11-02' });
    const evaluation = await openTask(episodeId, 'treatment_evaluation');
    const byNurse = await complete(nurse, evaluation.id, { outcome: 'stopped', reasonCode: 'side_effects' });
    expect(byNurse.statusCode).toBe(422);
    const bySecretary = await complete(secretary, evaluation.id, { outcome: 'reached' });
    expect(bySecretary.statusCode).toBe(422);
    expect((await openTask(episodeId, 'treatment_evaluation')).id).toBe(evaluation.id);
  });
});

describe('denosumab (R10.2, R11.4)', () => {
  it('dates the next injection from the day the last was given, and stops only with a follow-on antiresorptive', async () => {
    const { episodeId, startTaskId } = await treatingEpisode('denosumab');
    await complete(nurse, startTaskId, { outcome: 'started', outcomeDate: '2026-05-02' });
    const second = await openTask(episodeId, 'denosumab_injection');
    expect(second.dueDate).toBe('2026-11-02');
    const given = await complete(nurse, second.id, { outcome: 'given', outcomeDate: '2026-11-02' });
    expect(given.statusCode, given.body).toBe(200);
    expect(given.json<TaskCompletion>().treatment?.lastDoseOn).toBe('2026-11-02');
    const third = await openTask(episodeId, 'denosumab_injection');
    expect(third.dueDate).toBe('2027-05-02');

    const stopped = await complete(specialist, third.id, {
      outcome: 'stopped',
      reasonCode: 'patient_choice',
    });
    expect(stopped.statusCode, stopped.body).toBe(200);
    const step = stopped.json<TaskCompletion>();
    expect(step.created.map((t) => `${t.kind} ${t.dueDate} ${t.ruleId}`)).toEqual([
      'start_follow_on_antiresorptive 2027-05-02 R11.4',
    ]);
    expect(step.treatment?.status).toBe('stopped');
    expect(step.cancelled).toBeGreaterThan(0);
    const followOn = await openTask(episodeId, 'start_follow_on_antiresorptive');
    const noDrug = await complete(specialist, followOn.id, { outcome: 'started', outcomeDate: '2026-11-02' });
    expect(noDrug.json<{ issues: { field: string }[] }>().issues[0]?.field).toBe('body.drug');
    const anabolic = await complete(specialist, followOn.id, {
      outcome: 'started',
      outcomeDate: '2026-11-02',
      drug: 'romosozumab',
    });
    expect(anabolic.json<{ issues: { code: string }[] }>().issues[0]?.code).toBe('drug_not_antiresorptive');
    const started = await complete(specialist, followOn.id, {
      outcome: 'started',
      outcomeDate: '2026-11-02',
      drug: 'zoledronicAcid',
    });
    expect(started.statusCode, started.body).toBe(200);
    expect(started.json<TaskCompletion>().treatment).toMatchObject({
      drug: 'zoledronicAcid',
      status: 'active',
    });
    expect((await openTask(episodeId, 'pre_infusion_blood_test')).dueDate).toBe('2027-10-19');
  });
});

describe('the GP hand-over (R11.3)', () => {
  it('opens with the GP letter and stays open until the GP’s confirmation; then nothing is left and the episode closes with a reason', async () => {
    const admin = await h.login(h.orgA.users.admin.username);
    const profile = await h.as(admin, 'PUT', '/api/organization', {
      name: 'Ziekenhuis Teststad',
      department: 'Osteoporosepolikliniek',
      street: 'Zorgweg',
      houseNumber: '10',
      postalCode: '1234 AB',
      city: 'Teststad',
      phoneGeneral: '012 345 67 00',
      phoneDepartment: '012 345 67 89',
      email: 'fls@teststad.example',
      openingHours: 'maandag tot en met vrijdag 8.30–16.30 uur',
      portalUrl: 'https://mijn.teststad.example',
    });
    expect(profile.statusCode, profile.body).toBe(200);
    await h.db.owner.query(
      `UPDATE patients SET street = 'Dorpsstraat', house_number = '1', postal_code = '1234 AB', city = 'Teststad',
              gp_name = 'J. Jansen', gp_practice_name = 'Huisartsenpraktijk Teststad', gp_address = 'Zorgweg 1, Teststad'
        WHERE organization_id = $1`,
      [h.orgA.id],
    );
    const episodeId = await decidedEpisode('none');
    for (const kind of ['result_letter', 'gp_letter']) {
      const letter = await h.as(specialist, 'POST', `/api/episodes/${episodeId}/letters`, {
        kind,
        locale: 'nl',
      });
      expect(letter.statusCode, letter.body).toBe(201);
    }
    const handover = await openTask(episodeId, 'gp_handover_confirmation');
    const notReached = await complete(secretary, handover.id, { outcome: 'not_reached' });
    expect(notReached.statusCode, notReached.body).toBe(200);
    const again = await openTask(episodeId, 'gp_handover_confirmation');
    expect(again.id).not.toBe(handover.id);
    expect(again.dueDate).toBe('2026-11-09');
    const referral = await inOrganization(h.db.app.db, h.orgA.id, (tx) =>
      tx
        .select()
        .from(tasks)
        .where(and(eq(tasks.episodeId, episodeId), eq(tasks.status, 'open'))),
    );
    for (const open of referral.filter((t) => t.kind !== 'gp_handover_confirmation'))
      expect((await complete(nurse, open.id, { outcome: 'done' })).statusCode).toBe(200);
    const confirmed = await complete(secretary, again.id, {
      outcome: 'confirmed',
      note: 'assistente dr. Jansen',
    });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    expect(confirmed.json<TaskCompletion>().state).toBe('closed');
    const ended = await inOrganization(h.db.app.db, h.orgA.id, (tx) =>
      tx.select({ code: episodes.stateReasonCode }).from(episodes).where(eq(episodes.id, episodeId)),
    );
    expect(ended[0]?.code).toBe('follow_up_closed');
  });
});
