// The case-finding flow through the API: upload → worklists → invite → reminder → decline / review.
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness, type Session } from '../../test/appHarness';
import { fixturePath } from '../../test/fixtureFiles';
import { SESSION_COOKIE } from '../auth/authenticate';

let h: Harness;
let admin: Session;
let secretary: Session;
let nurse: Session;

interface Item {
  episodeId: string | null;
  patientId: string;
  familyName: string;
  siteCode: string | null;
  patientGroup: string | null;
  eligibility: string;
  eligibilityReason: string;
  taskKind: string | null;
  taskDueDate: string | null;
  ageAtFracture: number;
  source: string;
}

async function upload(session: Session, body: string | Buffer, query: string, fileName = 'upload.csv') {
  return h.app.inject({
    method: 'POST',
    url: `/api/imports?${query}`,
    cookies: { [SESSION_COOKIE]: session.cookie },
    headers: { 'x-csrf-token': session.csrfToken, 'content-type': 'text/csv', 'x-file-name': fileName },
    payload: body,
  });
}

async function worklist(
  session: Session,
  query: string,
): Promise<{ items: Item[]; total: number; totalIsCapped: boolean; nextCursor: string | null }> {
  const r = await h.as(session, 'GET', `/api/worklist?${query}`);
  expect(r.statusCode, r.body).toBe(200);
  return r.json();
}

/** The episode's state reason as the patient record API answers with it. */
async function stateReasonOf(session: Session, patientId: string, episodeId: string): Promise<unknown> {
  const r = await h.as(session, 'GET', `/api/patients/${patientId}`);
  expect(r.statusCode, r.body).toBe(200);
  const episodes = r.json<{ episodes: { id: string; stateReason: unknown }[] }>().episodes;
  return episodes.find((e) => e.id === episodeId)?.stateReason;
}

/** The reasons of an episode's transitions as stored. */
async function storedTransitions(episodeId: string) {
  const events = await h.db.owner.query<{
    to_state: string;
    reason_code: string;
    details: unknown;
    note: string;
  }>(`SELECT to_state, reason_code, details, note FROM episode_events WHERE episode_id = $1 ORDER BY id`, [
    episodeId,
  ]);
  return events.rows;
}

beforeAll(async () => {
  h = await createHarness();
  // The fixture's fractures are from early 2025; "today" must be within 24 months of them.
  h.clock.set('2025-08-01T09:00:00Z');
  admin = await h.login(h.orgA.users.admin.username);
  secretary = await h.login(h.orgA.users.secretary.username);
  nurse = await h.login(h.orgA.users.nurse.username);
});
afterAll(async () => {
  await h.close();
});

describe('upload API', () => {
  it('refuses an invalid file with 422, the errors, and nothing written', async () => {
    const before = await h.db.owner.query('SELECT count(*)::int n FROM fracture_events');
    const r = await upload(
      admin,
      await readFile(fixturePath('csv/invalid-and-future-dates.csv')),
      'format=csv',
    );
    expect(r.statusCode).toBe(422);
    const body = r.json<{
      status: string;
      imported: number;
      errors: { row: number; field: string; message: string }[];
    }>();
    expect(body.status).toBe('rejected');
    expect(body.imported).toBe(0);
    expect(body.errors.length).toBeGreaterThan(0);
    expect(body.errors.every((e) => e.row > 0 && e.field !== '' && e.message !== '')).toBe(true);
    const after = await h.db.owner.query('SELECT count(*)::int n FROM fracture_events');
    expect(after.rows).toEqual(before.rows);
  });

  it('imports a valid file and lists it in the history', async () => {
    h.clock.advanceMinutes(5);
    const r = await upload(
      admin,
      await readFile(fixturePath('csv/valid-utf8-comma.csv')),
      'format=csv',
      encodeURIComponent('seh-export é.csv'),
    );
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({ status: 'succeeded', imported: 6, eligible: 3, excluded: 1 });
    const history = await h.as(admin, 'GET', '/api/imports');
    const items = history.json<{ items: { fileName: string; status: string; channel: string }[] }>().items;
    expect(items[0]).toMatchObject({ fileName: 'seh-export é.csv', status: 'succeeded', channel: 'upload' });
    expect(items.map((i) => i.status)).toContain('rejected');
  });

  it('takes the file name from its header only: in the URL it is refused (it may name a patient)', async () => {
    const r = await upload(admin, 'x', 'format=csv&fileName=fracturen-jansen.csv');
    expect(r.statusCode).toBe(400);
    expect(r.json()).toMatchObject({ error: 'personal_data_in_url' });
    expect(r.body).not.toContain('jansen');
  });

  it('the patient record says as of when the details shown were true', async () => {
    const stored = await h.db.owner.query<{ id: string; as_of: Date }>(
      `SELECT id, demographics_as_of AS as_of FROM patients WHERE source_id IS NOT NULL ORDER BY id LIMIT 1`,
    );
    const row = stored.rows[0];
    if (row === undefined) throw new Error('no imported patient');
    const r = await h.as(nurse, 'GET', `/api/patients/${row.id}`);
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json<{ patient: { demographicsAsOf: string } }>().patient.demographicsAsOf).toBe(
      row.as_of.toISOString(),
    );
  });

  it('lets the uploader follow the upload by its uploadId, and no one else', async () => {
    // A refused file, so that the import history's newest successful import stays the one above.
    const file = await readFile(fixturePath('csv/invalid-and-future-dates.csv'));
    const uploadId = '0b9a1c9e-7d2f-4a51-9c3e-5d8f2a6b4c10';
    const r = await upload(admin, file, `format=csv&uploadId=${uploadId}`);
    expect(r.statusCode, r.body).toBe(422);
    const followed = await h.as(admin, 'GET', `/api/imports/progress?uploadId=${uploadId}`);
    expect(followed.statusCode, followed.body).toBe(200);
    expect(followed.json()).toEqual({
      rowsRead: r.json<{ rows: number }>().rows,
      bytesRead: file.length,
      totalBytes: file.length,
      done: true,
    });
    const secretaryLooks = await h.as(secretary, 'GET', `/api/imports/progress?uploadId=${uploadId}`);
    expect(secretaryLooks.statusCode).toBe(403);
    const unknown = await h.as(
      admin,
      'GET',
      '/api/imports/progress?uploadId=7c1d8e2a-3b4f-4c5d-8e6f-9a0b1c2d3e4f',
    );
    expect(unknown.statusCode).toBe(404);
  });

  it('only admins upload', async () => {
    const r = await upload(nurse, 'x', 'format=csv');
    expect(r.statusCode).toBe(403);
  });
});

describe('worklists', () => {
  it('"to invite" lists the eligible patients with the invite task, filterable by group and site', async () => {
    const all = await worklist(secretary, 'view=to_invite');
    expect(all.total).toBe(3);
    expect(all.items.every((i) => i.taskKind === 'invite' && i.eligibility === 'eligible')).toBe(true);
    const hip = await worklist(secretary, 'view=to_invite&group=hip');
    expect(hip.items.map((i) => i.siteCode)).toEqual(['femur_proximal']);
    const wrist = await worklist(secretary, 'view=to_invite&site=radius_forearm_wrist');
    expect(wrist.items.map((i) => i.familyName)).toEqual(['Jansen']);
  });

  it('filters by age at fracture and fracture date, sorts and pages', async () => {
    const old = await worklist(secretary, 'view=to_invite&ageMin=80');
    expect(old.items.every((i) => i.ageAtFracture >= 80)).toBe(true);
    const byName = await worklist(secretary, 'view=to_invite&sort=name&order=desc');
    // Dutch name order, surname without prefix (dutchNameOrder.int.test.ts): Vries, Jansen, Bakker.
    expect(byName.items.map((i) => i.familyName)).toEqual(['de Vries', 'Jansen', 'Bakker, van den']);
    const first = await worklist(secretary, 'view=to_invite&sort=name&order=desc&limit=1');
    expect(first).toMatchObject({ total: 3, totalIsCapped: false });
    const page = await worklist(
      secretary,
      `view=to_invite&sort=name&order=desc&limit=1&cursor=${first.nextCursor ?? ''}`,
    );
    expect(page.total).toBe(3);
    expect(page.items).toHaveLength(1);
    expect(page.items[0]?.familyName).toBe(byName.items[1]?.familyName);
    const none = await worklist(secretary, 'view=to_invite&fractureFrom=2030-01-01');
    expect(none.total).toBe(0);
  });

  it('"manual review" lists fractures the rules could not place', async () => {
    const review = await worklist(nurse, 'view=manual_review');
    expect(review.total).toBeGreaterThanOrEqual(1);
    expect(
      review.items.every((i) => i.eligibility === 'manual_review' && i.taskKind === 'review_eligibility'),
    ).toBe(true);
  });

  it('"excluded" shows excluded fractures with their reason', async () => {
    const excluded = await worklist(nurse, 'view=excluded');
    expect(excluded.items).toEqual([
      expect.objectContaining({ siteCode: 'toes', eligibilityReason: 'excludedLocation', episodeId: null }),
    ]);
  });

  it('rejects contradictory filters with the field named', async () => {
    const r = await h.as(nurse, 'GET', '/api/worklist?view=to_invite&ageMin=80&ageMax=60');
    expect(r.statusCode).toBe(400);
    expect(r.json()).toMatchObject({ issues: [{ field: 'querystring.ageMax' }] });
  });
});

describe('invitation, reminder, decline and review', () => {
  it('marking invited moves the patient to "awaiting response" with a reminder due in 21 days', async () => {
    const { items } = await worklist(secretary, 'view=to_invite&group=hip');
    const episodeId = items[0]?.episodeId ?? '';
    expect(await stateReasonOf(secretary, items[0]?.patientId ?? '', episodeId)).toBeNull();
    const r = await h.as(secretary, 'POST', `/api/episodes/${episodeId}/invitation`, {
      sentOn: '2025-07-01',
    });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({
      state: 'invited',
      nextTask: { kind: 'invite_reminder', dueDate: '2025-07-22' },
    });
    expect((await worklist(secretary, 'view=to_invite')).total).toBe(2);
    const waiting = await worklist(secretary, 'view=awaiting_response');
    expect(waiting.items).toEqual([
      expect.objectContaining({ episodeId, taskKind: 'invite_reminder', taskDueDate: '2025-07-22' }),
    ]);
    const events = await h.db.owner.query(
      `SELECT from_state, to_state, actor_user_id FROM episode_events WHERE episode_id = $1 ORDER BY id`,
      [episodeId],
    );
    expect(events.rows).toEqual([
      { from_state: null, to_state: 'identified', actor_user_id: h.orgA.users.admin.id },
      { from_state: 'identified', to_state: 'invited', actor_user_id: h.orgA.users.secretary.id },
    ]);
    const history = await h.as(admin, 'GET', '/api/imports');
    const importId = history
      .json<{ items: { id: string; status: string }[] }>()
      .items.find((i) => i.status === 'succeeded')?.id;
    expect(await storedTransitions(episodeId)).toEqual([
      { to_state: 'identified', reason_code: 'imported', details: { importId }, note: '' },
      { to_state: 'invited', reason_code: 'invitation_sent', details: { sentOn: '2025-07-01' }, note: '' },
    ]);
    expect(await stateReasonOf(secretary, items[0]?.patientId ?? '', episodeId)).toEqual({
      code: 'invitation_sent',
      details: { sentOn: '2025-07-01' },
      note: '',
    });
    // inviting twice is not a valid transition
    const again = await h.as(secretary, 'POST', `/api/episodes/${episodeId}/invitation`, {});
    expect(again.statusCode).toBe(409);
  });

  it('uses the organisation’s reminder interval', async () => {
    const profile = (await h.as(admin, 'GET', '/api/organization')).json<Record<string, unknown>>();
    // The answer's version goes back as the version the change was made from.
    const { id: _id, version, ...read } = profile;
    const editable = { ...read, expectedVersion: version };
    const updated = await h.as(admin, 'PUT', '/api/organization', { ...editable, inviteReminderDays: 14 });
    expect(updated.statusCode, updated.body).toBe(200);
    expect(updated.json()).toMatchObject({ inviteReminderDays: 14 });
    const bad = await h.as(admin, 'PUT', '/api/organization', {
      ...editable,
      expectedVersion: undefined,
      inviteReminderDays: 0,
    });
    expect(bad.statusCode).toBe(400);
    const { items } = await worklist(secretary, 'view=to_invite&sort=name');
    const r = await h.as(secretary, 'POST', `/api/episodes/${items[0]?.episodeId ?? ''}/invitation`, {
      sentOn: '2025-07-01',
    });
    expect(r.json()).toMatchObject({ nextTask: { dueDate: '2025-07-15' } });
  });

  it('marks a batch invited, each patient on its own', async () => {
    const { items } = await worklist(secretary, 'view=to_invite');
    const ids = items.map((i) => i.episodeId ?? '');
    const invitedAlready = (await worklist(secretary, 'view=awaiting_response')).items[0]?.episodeId ?? '';
    const r = await h.as(secretary, 'POST', '/api/invitations', {
      episodeIds: [...ids, invitedAlready],
      sentOn: '2025-07-02',
    });
    expect(r.statusCode, r.body).toBe(200);
    const results = r.json<{ results: { episodeId: string; ok: boolean; error: string | null }[] }>().results;
    expect(
      results
        .filter((x) => x.ok)
        .map((x) => x.episodeId)
        .sort(),
    ).toEqual([...ids].sort());
    expect(results.find((x) => x.episodeId === invitedAlready)).toMatchObject({
      ok: false,
      error: 'transition_not_allowed',
    });
    expect((await worklist(secretary, 'view=to_invite')).total).toBe(0);
  });

  it('a reminder hands the case to a nurse for follow-up if there is still no answer', async () => {
    const waiting = await worklist(secretary, 'view=awaiting_response&sort=dueDate');
    const episodeId = waiting.items[0]?.episodeId ?? '';
    const r = await h.as(secretary, 'POST', `/api/episodes/${episodeId}/reminder`, { sentOn: '2025-07-22' });
    expect(r.json()).toMatchObject({ state: 'reminded', nextTask: { kind: 'no_response_follow_up' } });
    expect((await storedTransitions(episodeId)).at(-1)).toEqual({
      to_state: 'reminded',
      reason_code: 'reminder_sent',
      details: { sentOn: '2025-07-22' },
      note: '',
    });
    expect(await stateReasonOf(secretary, waiting.items[0]?.patientId ?? '', episodeId)).toEqual({
      code: 'reminder_sent',
      details: { sentOn: '2025-07-22' },
      note: '',
    });
  });

  it('a decline is recorded with its reason and ends open work', async () => {
    const { items } = await worklist(secretary, 'view=awaiting_response');
    const episodeId = items[0]?.episodeId ?? '';
    const noNote = await h.as(secretary, 'POST', `/api/episodes/${episodeId}/decline`, { reason: 'other' });
    expect(noNote.statusCode).toBe(400);
    const r = await h.as(secretary, 'POST', `/api/episodes/${episodeId}/decline`, {
      reason: 'treated_elsewhere',
      note: 'UMC',
    });
    expect(r.json()).toMatchObject({ state: 'declined', nextTask: null });
    const episode = await h.db.owner.query(
      `SELECT state, state_reason_code, state_reason_details, state_reason_note FROM episodes WHERE id = $1`,
      [episodeId],
    );
    expect(episode.rows).toEqual([
      {
        state: 'declined',
        state_reason_code: 'declined',
        state_reason_details: { reason: 'treated_elsewhere' },
        state_reason_note: 'UMC',
      },
    ]);
    expect((await storedTransitions(episodeId)).at(-1)).toEqual({
      to_state: 'declined',
      reason_code: 'declined',
      details: { reason: 'treated_elsewhere' },
      note: 'UMC',
    });
    expect(await stateReasonOf(secretary, items[0]?.patientId ?? '', episodeId)).toEqual({
      code: 'declined',
      details: { reason: 'treated_elsewhere' },
      note: 'UMC',
    });
    const open = await h.db.owner.query(
      `SELECT count(*)::int n FROM tasks WHERE episode_id = $1 AND status = 'open'`,
      [episodeId],
    );
    expect(open.rows).toEqual([{ n: 0 }]);
  });

  it('manual review: a nurse decides; eligible creates the invite task, with the decision on the fracture', async () => {
    const review = await worklist(nurse, 'view=manual_review');
    const item = review.items[0];
    const secretaryTry = await h.as(
      secretary,
      'POST',
      `/api/episodes/${item?.episodeId ?? ''}/eligibility-review`,
      { eligible: true },
    );
    expect(secretaryTry.statusCode).toBe(403);
    const r = await h.as(nurse, 'POST', `/api/episodes/${item?.episodeId ?? ''}/eligibility-review`, {
      eligible: true,
      note: 'sesamoid counts here',
    });
    expect(r.json()).toMatchObject({ nextTask: { kind: 'invite' } });
    const invite = await worklist(secretary, 'view=to_invite');
    expect(invite.items.map((i) => i.episodeId)).toContain(item?.episodeId);
    const fracture = await h.db.owner.query(
      `SELECT eligibility, eligibility_reason, eligibility_engine->'review'->>'note' AS note FROM fracture_events f
       JOIN episodes e ON e.index_fracture_id = f.id WHERE e.id = $1`,
      [item?.episodeId],
    );
    expect(fracture.rows).toEqual([
      { eligibility: 'eligible', eligibility_reason: 'manualReviewEligible', note: 'sesamoid counts here' },
    ]);
  });

  it('manual review: not eligible ends the episode with the reason, the reviewer and the note', async () => {
    const review = await worklist(nurse, 'view=manual_review');
    const item = review.items[0];
    const episodeId = item?.episodeId ?? '';
    const r = await h.as(nurse, 'POST', `/api/episodes/${episodeId}/eligibility-review`, {
      eligible: false,
      reason: 'not_a_fracture',
      note: 'fissuur, geen fractuur (zie verslag)',
    });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({ state: 'not_eligible', nextTask: null });
    const want = {
      code: 'not_eligible_after_review',
      details: { reason: 'not_a_fracture', reviewedBy: h.orgA.users.nurse.username },
      note: 'fissuur, geen fractuur (zie verslag)',
    };
    expect((await storedTransitions(episodeId)).at(-1)).toEqual({
      to_state: 'not_eligible',
      reason_code: want.code,
      details: want.details,
      note: want.note,
    });
    expect(await stateReasonOf(nurse, item?.patientId ?? '', episodeId)).toEqual(want);
  });

  it('worklists audit every patient they show', async () => {
    const before = await h.db.owner.query(
      `SELECT count(*)::int n FROM audit_events WHERE details->>'view' = 'worklist:to_invite'`,
    );
    const list = await worklist(secretary, 'view=to_invite');
    const after = await h.db.owner.query(
      `SELECT count(*)::int n FROM audit_events WHERE details->>'view' = 'worklist:to_invite'`,
    );
    expect((after.rows[0] as { n: number }).n - (before.rows[0] as { n: number }).n).toBe(list.items.length);
  });
});
