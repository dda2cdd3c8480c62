// The invitation loop end to end over HTTP against the real database: the reply (appointment), the
// reminder call's outcomes, reopening, including an excluded fracture, the episode page and its
// timeline, the episodes' version, and a confirmed finding moving the episode to the vertebral group.
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness, type Session } from '../../test/appHarness';
import { SESSION_COOKIE } from '../auth/authenticate';
import { cliSubject } from '../caseFinding/channels/cli/cliSubject';
import { scanReportFile } from '../caseFinding/parsers/reports/scanReports';
import { importReportFindings } from '../caseFinding/pipeline/importReportFindings';

let h: Harness;
let nurse: Session;
let secretary: Session;

const CSV = [
  'patient_id,family_name,birth_date,sex,fracture_date,fracture_site,encounter_type',
  'L1000001,Jansen,1950-01-01,V,2025-05-01,pols,SEH',
  'L1000002,de Vries,1951-02-02,V,2025-05-02,pols,SEH',
  'L1000003,Visser,1952-03-03,M,2025-05-03,pols,SEH',
  'L1000004,Smit,1953-04-04,V,2025-05-04,pols,SEH',
  'L1000005,Bos,1954-05-05,V,2025-05-05,schedel,SEH',
  'L1000006,Meijer,1955-06-06,V,2025-05-06,pols,SEH',
].join('\n');

interface Page {
  episode: {
    id: string;
    state: string;
    version: number;
    patientGroup: string | null;
    stateReason: { code: string } | null;
  };
  patient: { familyName: string; ageYears: number; hospitalNumber: string | null };
  openTasks: { id: string; kind: string; dueDate: string; assigneeRole: string }[];
  appointments: { id: string; status: string; version: number; date: string }[];
  timeline: { kind: string; details: Record<string, unknown>; note: string | null; actor: string | null }[];
  nextStep: { action: string; taskId: string | null };
}

async function episodeOf(sourceId: string): Promise<string> {
  const r = await h.db.owner.query<{ id: string }>(
    `SELECT e.id FROM episodes e JOIN patients p ON p.id = e.patient_id WHERE p.source_id = $1
     ORDER BY e.created_at DESC LIMIT 1`,
    [sourceId],
  );
  const id = r.rows[0]?.id;
  if (id === undefined) throw new Error(`no episode for ${sourceId}`);
  return id;
}

async function page(episodeId: string, session = secretary): Promise<Page> {
  const r = await h.as(session, 'GET', `/api/episodes/${episodeId}`);
  expect(r.statusCode, r.body).toBe(200);
  return r.json<Page>();
}

async function post(path: string, body: Record<string, unknown>, session = secretary) {
  return h.as(session, 'POST', path, body);
}

beforeAll(async () => {
  h = await createHarness();
  h.clock.set('2025-06-01T09:00:00Z');
  nurse = await h.login(h.orgA.users.nurse.username);
  secretary = await h.login(h.orgA.users.secretary.username);
  const admin = await h.login(h.orgA.users.admin.username);
  const upload = await h.app.inject({
    method: 'POST',
    url: '/api/imports?format=csv',
    cookies: { [SESSION_COOKIE]: admin.cookie },
    headers: { 'x-csrf-token': admin.csrfToken, 'content-type': 'text/csv', 'x-file-name': 'loop.csv' },
    payload: CSV,
  });
  expect(upload.statusCode, upload.body).toBe(200);
});
afterAll(async () => {
  await h.close();
});

describe('the patient’s reply: an appointment', () => {
  it('plans it, closes the invitation’s tasks, moves to intake and waits for the visit', async () => {
    const episodeId = await episodeOf('L1000001');
    const before = await page(episodeId);
    expect(before.episode).toMatchObject({ state: 'identified', version: 1 });
    expect(before.nextStep.action).toBe('invite');
    const invited = await post(`/api/episodes/${episodeId}/invitation`, { expectedVersion: 1 });
    expect(invited.statusCode, invited.body).toBe(200);

    const stale = await post(`/api/episodes/${episodeId}/appointment`, {
      date: '2025-06-10',
      time: '09:30',
      kinds: ['dxa_vfa', 'consult'],
      expectedVersion: 1,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json<{ error: string }>().error).toBe('stale_version');

    const bad = await post(`/api/episodes/${episodeId}/appointment`, {
      date: '2025-06-10',
      time: '25:00',
      kinds: [],
      expectedVersion: 2,
    });
    expect(bad.statusCode).toBe(400);
    const fields = bad.json<{ issues: { field: string }[] }>().issues.map((i) => i.field);
    expect(fields).toEqual(expect.arrayContaining(['body.time', 'body.kinds']));

    const planned = await post(`/api/episodes/${episodeId}/appointment`, {
      date: '2025-06-10',
      time: '09:30',
      kinds: ['dxa_vfa', 'consult'],
      note: 'met dochter',
      expectedVersion: 2,
    });
    expect(planned.statusCode, planned.body).toBe(200);
    expect(planned.json()).toMatchObject({
      state: 'intake',
      version: 3,
      nextTask: { kind: 'consult_visit', dueDate: '2025-06-10' },
    });
    const after = await page(episodeId);
    expect(after.episode.stateReason?.code).toBe('appointment_planned');
    expect(after.openTasks.map((t) => [t.kind, t.dueDate, t.assigneeRole])).toEqual([
      ['consult_visit', '2025-06-10', 'nurse'],
    ]);
    expect(after.appointments).toHaveLength(1);
    expect(after.nextStep).toEqual({ action: 'open_intake', taskId: after.openTasks[0]?.id });
    const kinds = after.timeline.map((e) => e.kind);
    expect(kinds).toContain('appointment_planned');
    expect(after.timeline[0]?.kind === 'task_created' || kinds.includes('state_changed')).toBe(true);
    const change = after.timeline.find((e) => e.kind === 'state_changed' && e.details.to === 'intake');
    expect(change).toMatchObject({
      details: { reasonCode: 'appointment_planned', date: '2025-06-10' },
      note: 'met dochter',
    });

    const appointment = after.appointments[0];
    const attended = await post(`/api/appointments/${appointment?.id ?? ''}/status`, {
      status: 'attended',
      expectedVersion: 1,
    });
    expect(attended.statusCode, attended.body).toBe(200);
    const again = await post(`/api/appointments/${appointment?.id ?? ''}/status`, {
      status: 'cancelled',
      expectedVersion: 1,
    });
    expect(again.statusCode).toBe(409);
    expect(again.json<{ error: string }>().error).toBe('stale_version');
    const final = await page(episodeId);
    // The visit is done; entering its results is the episode's dated task (the pathway invariant).
    expect(final.openTasks.map((t) => t.kind)).toEqual(['record_investigations']);
    expect(final.nextStep.action).toBe('enter_investigations');
  });

  it('logs the episode page as a read of the patient', async () => {
    const episodeId = await episodeOf('L1000001');
    await page(episodeId);
    const r = await h.db.owner.query<{ n: string }>(
      `SELECT count(*) AS n FROM audit_events WHERE action = 'read' AND details->>'view' = 'episode'
       AND details->>'episodeId' = $1`,
      [episodeId],
    );
    expect(Number(r.rows[0]?.n)).toBeGreaterThan(0);
  });
});

describe('the reminder call', () => {
  async function reminded(sourceId: string): Promise<string> {
    const episodeId = await episodeOf(sourceId);
    expect((await post(`/api/episodes/${episodeId}/invitation`, { sentOn: '2025-05-01' })).statusCode).toBe(
      200,
    );
    expect((await post(`/api/episodes/${episodeId}/reminder`, { sentOn: '2025-05-20' })).statusCode).toBe(
      200,
    );
    return episodeId;
  }
  const callTask = async (episodeId: string) => {
    const p = await page(episodeId);
    const task = p.openTasks.find((t) => t.kind === 'no_response_follow_up');
    if (task === undefined) throw new Error('no call task');
    return { task, page: p };
  };

  it('not reached: calls again after the set days, and after the last attempt the episode is lost', async () => {
    const episodeId = await reminded('L1000002');
    for (const attempt of [1, 2]) {
      const { task, page: p } = await callTask(episodeId);
      expect(p.nextStep).toEqual({ action: 'record_call_outcome', taskId: task.id });
      const r = await post(`/api/tasks/${task.id}/call-outcome`, {
        outcome: 'not_reached',
        expectedVersion: p.episode.version,
      });
      expect(r.statusCode, `attempt ${String(attempt)}: ${r.body}`).toBe(200);
      expect(r.json()).toMatchObject({
        state: 'reminded',
        nextTask: { kind: 'no_response_follow_up', dueDate: '2025-06-03' },
      });
    }
    const { task } = await callTask(episodeId);
    const last = await post(`/api/tasks/${task.id}/call-outcome`, { outcome: 'not_reached' });
    expect(last.json()).toMatchObject({ state: 'lost', nextTask: null });
    const p = await page(episodeId);
    expect(p.episode.stateReason).toMatchObject({ code: 'not_reached', details: { attempts: 3 } });
    expect(p.timeline.filter((e) => e.kind === 'call_outcome').map((e) => e.details.attempt)).toEqual([
      3, 2, 1,
    ]);
  });

  it('reached: the reply is recorded next; wrong number needs a next step', async () => {
    const episodeId = await reminded('L1000003');
    const { task } = await callTask(episodeId);
    const missing = await post(`/api/tasks/${task.id}/call-outcome`, { outcome: 'wrong_number' });
    expect(missing.statusCode).toBe(400);
    expect(missing.json<{ issues: { field: string }[] }>().issues[0]?.field).toBe('body.nextStep');
    const reached = await post(`/api/tasks/${task.id}/call-outcome`, {
      outcome: 'reached',
      note: 'belt terug',
    });
    expect(reached.json()).toMatchObject({ nextTask: { kind: 'record_reply' } });
    const p = await page(episodeId);
    expect(p.nextStep.action).toBe('record_reply');
    const twice = await post(`/api/tasks/${task.id}/call-outcome`, { outcome: 'reached' });
    expect(twice.statusCode).toBe(409);
  });
});

describe('reopening and including', () => {
  it('reopens a declined episode with a reason and an invitation task; only from an end', async () => {
    const episodeId = await episodeOf('L1000004');
    const declined = await post(`/api/episodes/${episodeId}/decline`, { reason: 'not_interested' });
    expect(declined.statusCode, declined.body).toBe(200);
    const p = await page(episodeId);
    expect(p.episode.state).toBe('declined');
    const noNote = await post(`/api/episodes/${episodeId}/reopen`, {
      reason: 'other',
      expectedVersion: p.episode.version,
    });
    expect(noNote.statusCode).toBe(400);
    const r = await post(`/api/episodes/${episodeId}/reopen`, {
      reason: 'patient_changed_mind',
      expectedVersion: p.episode.version,
    });
    expect(r.statusCode, r.body).toBe(200);
    const reopened = await page(episodeId);
    expect(reopened.episode).toMatchObject({ state: 'identified', stateReason: { code: 'reopened' } });
    expect(reopened.openTasks.map((t) => t.kind)).toEqual(['invite']);
    const again = await post(`/api/episodes/${episodeId}/reopen`, {
      reason: 'patient_changed_mind',
      expectedVersion: reopened.episode.version,
    });
    expect(again.statusCode).toBe(409);
    expect(again.json<{ error: string }>().error).toBe('transition_not_allowed');
  });

  it('includes an excluded fracture for a clinician; refuses a second open episode', async () => {
    const r = await h.db.owner.query<{ id: string }>(
      `SELECT f.id FROM fracture_events f JOIN patients p ON p.id = f.patient_id WHERE p.source_id = 'L1000005'`,
    );
    const fractureId = r.rows[0]?.id ?? '';
    expect(
      (await post(`/api/fractures/${fractureId}/include`, { reason: 'clinical_judgement' })).statusCode,
    ).toBe(403);
    const included = await post(
      `/api/fractures/${fractureId}/include`,
      { reason: 'clinical_judgement', note: 'val van stoel' },
      nurse,
    );
    expect(included.statusCode, included.body).toBe(200);
    expect(included.json()).toMatchObject({ state: 'identified', nextTask: { kind: 'invite' } });
    const episodeId = included.json<{ episodeId: string }>().episodeId;
    const p = await page(episodeId);
    expect(p.episode.stateReason?.code).toBe('fracture_included');
    expect(p.timeline.map((e) => e.kind)).toContain('fracture_included');
    const twice = await post(`/api/fractures/${fractureId}/include`, { reason: 'clinical_judgement' }, nurse);
    expect(twice.statusCode).toBe(409);
  });
});

describe('a confirmed radiology finding', () => {
  it('moves the patient’s open episode to the vertebral group', async () => {
    const episodeId = await episodeOf('L1000006');
    expect((await page(episodeId)).episode.patientGroup).toBe('outpatient');
    await importReportFindings(
      h.db.app.db,
      scanReportFile(
        Readable.from([
          Buffer.from(
            'reportId;patientRef;reportDate;text\nRL1;L1000006;2025-05-25;Wigvormige wervelfractuur Th12.',
          ),
        ]),
        {
          today: '2025-06-01',
        },
      ),
      {
        organizationId: h.orgA.id,
        subject: cliSubject(h.orgA.id, 'cli'),
        fileName: 'r.txt',
        sourceSystem: 'hospital',
        skipInvalid: false,
        clock: () => new Date('2025-06-01T09:00:00Z'),
      },
    );
    const list = await h.as(nurse, 'GET', '/api/report-findings');
    const finding = list
      .json<{ items: { id: string; reportId: string }[] }>()
      .items.find((i) => i.reportId === 'RL1');
    const review = await h.as(nurse, 'POST', `/api/report-findings/${finding?.id ?? ''}/review`, {
      decision: 'confirm',
      note: '',
    });
    expect(review.statusCode, review.body).toBe(200);
    const p = await page(episodeId);
    expect(p.episode.patientGroup).toBe('vertebral');
    expect(p.timeline.map((e) => e.kind)).toContain('finding_confirmed');
  });
});
