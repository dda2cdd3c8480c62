// The patient's upcoming dates over HTTP: the JSON list and the .ics file, organisation isolation and
// one read event of the patient per request.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { UpcomingDates } from '@osteopad/contract';
import { createHarness, type Harness, type Session } from '../../test/appHarness';

let h: Harness;
let nurse: Session;
let nurseB: Session;
let patientId = '';
let patientBsn = '';
const ids = {
  injection: '',
  bloodTest: '',
  appointment: '',
  staffTask: '',
  doneTask: '',
  pastAppointment: '',
};

beforeAll(async () => {
  h = await createHarness();
  h.clock.set('2026-11-21T09:00:00Z');
  nurse = await h.login(h.orgA.users.nurse.username);
  nurseB = await h.login(h.orgB.users.nurse.username);
  patientId = h.orgA.patientIds[0] ?? '';
  const org = h.orgA.id;
  const p = await h.db.owner.query<{ bsn: string }>('SELECT bsn FROM patients WHERE id = $1', [patientId]);
  patientBsn = p.rows[0]?.bsn ?? '';
  await h.db.owner.query(
    `UPDATE organizations SET street = 'Voorbeeldlaan', house_number = '1',
    postal_code = '1234 AB', city = 'Demostad', department = 'Osteoporosepolikliniek' WHERE id = $1`,
    [org],
  );
  const e = await h.db.owner.query<{ id: string }>(
    `INSERT INTO episodes (organization_id, patient_id, state, opened_on)
     VALUES ($1, $2, 'treating', '2026-01-05') RETURNING id`,
    [org, patientId],
  );
  const episodeId = e.rows[0]?.id ?? '';
  const task = async (kind: string, due: string, status = 'open'): Promise<string> =>
    (
      await h.db.owner.query<{ id: string }>(
        `INSERT INTO tasks (organization_id, episode_id, patient_id, kind, due_date, assignee_role, status)
         VALUES ($1, $2, $3, $4, $5, 'nurse', $6) RETURNING id`,
        [org, episodeId, patientId, kind, due, status],
      )
    ).rows[0]?.id ?? '';
  ids.injection = await task('denosumab_injection', '2027-01-05');
  ids.bloodTest = await task('pre_infusion_blood_test', '2026-11-30');
  ids.staffTask = await task('adherence_check', '2026-12-01');
  ids.doneTask = await task('yearly_check', '2026-10-01', 'done');
  const appointment = async (date: string, time: string): Promise<string> =>
    (
      await h.db.owner.query<{ id: string }>(
        `INSERT INTO appointments (organization_id, patient_id, episode_id, date, time, kinds)
         VALUES ($1, $2, $3, $4, $5, '{dxa_vfa,consult}') RETURNING id`,
        [org, patientId, episodeId, date, time],
      )
    ).rows[0]?.id ?? '';
  ids.appointment = await appointment('2026-12-10', '09:30');
  ids.pastAppointment = await appointment('2026-11-01', '10:00');
}, 120_000);

afterAll(async () => {
  await h.close();
});

const readEvents = async (view: string): Promise<number> =>
  (
    await h.db.owner.query<{ n: number }>(
      `SELECT count(*)::int n FROM audit_events WHERE action = 'read' AND object_type = 'patient'
         AND patient_id = $1 AND details->>'view' = $2 AND outcome = 'success'`,
      [patientId, view],
    )
  ).rows[0]?.n ?? -1;

describe('GET /api/patients/:patientId/upcoming', () => {
  it("answers the patient's dates soonest first: patient-facing open tasks and planned appointments", async () => {
    const before = await readEvents('upcoming');
    const r = await h.as(nurse, 'GET', `/api/patients/${patientId}/upcoming`);
    expect(r.statusCode, r.body).toBe(200);
    const body = r.json<UpcomingDates>();
    expect(body.patientId).toBe(patientId);
    expect(body.items).toEqual([
      {
        id: `task:${ids.bloodTest}`,
        kind: 'pre_infusion_blood_test',
        date: '2026-11-30',
        time: null,
        appointmentKinds: [],
        location: null,
      },
      {
        id: `appointment:${ids.appointment}`,
        kind: 'appointment',
        date: '2026-12-10',
        time: '09:30',
        appointmentKinds: ['dxa_vfa', 'consult'],
        location: 'Alpha Hospital, Voorbeeldlaan 1, 1234 AB Demostad',
      },
      {
        id: `task:${ids.injection}`,
        kind: 'denosumab_injection',
        date: '2027-01-05',
        time: null,
        appointmentKinds: [],
        location: null,
      },
    ]);
    expect(await readEvents('upcoming')).toBe(before + 1);
  });

  it("is not found for another organisation's user, and logs no read of the patient", async () => {
    const before = await readEvents('upcoming');
    const r = await h.as(nurseB, 'GET', `/api/patients/${patientId}/upcoming`);
    expect(r.statusCode).toBe(404);
    expect(r.body).not.toContain(ids.injection);
    expect(await readEvents('upcoming')).toBe(before);
  });

  it('is refused to a role without access to patient records', async () => {
    const quality = await h.login(h.orgA.users.quality.username);
    expect((await h.as(quality, 'GET', `/api/patients/${patientId}/upcoming`)).statusCode).toBe(403);
  });
});

describe('GET /api/patients/:patientId/upcoming.ics', () => {
  it('is an RFC 5545 calendar in Dutch by default, without BSN, name or clinic', async () => {
    const before = await readEvents('calendar');
    const r = await h.as(nurse, 'GET', `/api/patients/${patientId}/upcoming.ics`);
    expect(r.statusCode, r.body).toBe(200);
    expect(r.headers['content-type']).toMatch(/^text\/calendar/);
    expect(r.headers['content-disposition']).toMatch(/attachment; filename="afspraken\.ics"/);
    expect(r.headers['cache-control']).toBe('no-store');
    const text = r.body;
    expect(text.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:')).toBe(true);
    expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
    const lines = text.split('\r\n');
    expect(lines.filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(3);
    expect(lines).toContain(`UID:task-${ids.injection}@osteopad`);
    expect(lines).toContain('DTSTART;VALUE=DATE:20270105');
    expect(lines).toContain('SUMMARY:Denosumab-injectie');
    expect(lines).toContain('DTSTART;TZID=Europe/Amsterdam:20261210T093000');
    expect(lines).toContain('DTSTAMP:20261121T090000Z');
    expect(text).toContain('SUMMARY:Afspraak in het ziekenhuis: botdichtheidsmeting\\, gesprek');
    expect(text).not.toContain(patientBsn);
    expect(text).not.toContain(patientId);
    expect(text).not.toMatch(/osteopor/i);
    expect(await readEvents('calendar')).toBe(before + 1);

    const again = await h.as(nurse, 'GET', `/api/patients/${patientId}/upcoming.ics`);
    const uids = (s: string) => s.split('\r\n').filter((l) => l.startsWith('UID:'));
    expect(uids(again.body)).toEqual(uids(text));
  });

  it('speaks English when asked, and refuses an unknown language', async () => {
    const en = await h.as(nurse, 'GET', `/api/patients/${patientId}/upcoming.ics?locale=en`);
    expect(en.statusCode).toBe(200);
    expect(en.body).toContain('SUMMARY:Denosumab injection');
    const bad = await h.as(nurse, 'GET', `/api/patients/${patientId}/upcoming.ics?locale=fr`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json<{ issues: { field: string }[] }>().issues[0]?.field).toMatch(/locale/);
  });

  it("is not found for another organisation's user", async () => {
    const r = await h.as(nurseB, 'GET', `/api/patients/${patientId}/upcoming.ics`);
    expect(r.statusCode).toBe(404);
    expect(r.body).not.toContain('VCALENDAR');
  });
});
