// Deceased patients are never invited: a death that arrives with the fracture closes the episode at once;
// a death that arrives later (HL7 A08 with PID-29, a FHIR Patient with deceased[x]) closes the open
// episode, cancels the invitation, and the patient page and the letters know it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness, type Session } from '../../../test/appHarness';
import { SESSION_COOKIE } from '../../auth/authenticate';

let h: Harness;
let admin: Session;
let nurse: Session;

const CSV_HEADER =
  'patient_id,family_name,birth_date,sex,fracture_date,fracture_site,encounter_type,trauma_mechanism';

async function upload(format: 'csv' | 'hl7v2' | 'fhir', body: string) {
  const r = await h.app.inject({
    method: 'POST',
    url: `/api/imports?format=${format}&sourceSystem=HIS`,
    cookies: { [SESSION_COOKIE]: admin.cookie },
    headers: { 'x-csrf-token': admin.csrfToken, 'content-type': 'text/plain' },
    payload: body,
  });
  return { status: r.statusCode, body: r.json<Record<string, unknown> & { errors: unknown[] }>() };
}

async function patientBySource(sourceId: string) {
  const r = await h.db.owner.query<{ id: string; deceased: boolean; deceased_date: string | null }>(
    `SELECT id, deceased, deceased_date::text FROM patients WHERE organization_id = $1 AND source_id = $2`,
    [h.orgA.id, sourceId],
  );
  const row = r.rows[0];
  if (row === undefined) throw new Error(`no patient ${sourceId}`);
  return row;
}

async function episodesOf(patientId: string) {
  const r = await h.db.owner.query<{ id: string; state: string; reason: string | null; details: unknown }>(
    `SELECT id, state::text, state_reason_code::text AS reason, state_reason_details AS details
       FROM episodes WHERE patient_id = $1`,
    [patientId],
  );
  return r.rows;
}

async function tasksOf(patientId: string) {
  const r = await h.db.owner.query<{ kind: string; status: string; outcome: string }>(
    `SELECT kind, status::text, outcome FROM tasks WHERE patient_id = $1 ORDER BY created_at`,
    [patientId],
  );
  return r.rows;
}

beforeAll(async () => {
  h = await createHarness();
  h.clock.set('2026-11-20T09:00:00Z');
  admin = await h.login(h.orgA.users.admin.username);
  nurse = await h.login(h.orgA.users.nurse.username);
});
afterAll(async () => {
  await h.close();
});

describe('a death that comes with the fracture', () => {
  it('stores the death and closes the episode with its reason: no invitation task', async () => {
    const bundle = {
      resourceType: 'Bundle',
      type: 'collection',
      entry: [
        {
          fullUrl: 'urn:uuid:p1',
          resource: {
            resourceType: 'Patient',
            identifier: [{ system: 'urn:his', value: 'D-100' }],
            name: [{ family: 'Overleden', given: ['Anna'] }],
            gender: 'female',
            birthDate: '1940-02-02',
            deceasedDateTime: '2026-11-01T10:00:00+01:00',
          },
        },
        {
          resource: {
            resourceType: 'Condition',
            subject: { reference: 'urn:uuid:p1' },
            code: {
              coding: [
                { system: 'http://snomed.info/sct', code: '359817006', display: 'Closed fracture of hip' },
              ],
            },
            onsetDateTime: '2026-10-20',
          },
        },
      ],
    };
    const r = await upload('fhir', JSON.stringify(bundle));
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body).toMatchObject({ imported: 1, eligible: 1 });
    const patient = await patientBySource('D-100');
    expect(patient).toMatchObject({ deceased: true, deceased_date: '2026-11-01' });
    const [episode] = await episodesOf(patient.id);
    expect(episode).toMatchObject({ state: 'closed', reason: 'patient_deceased' });
    expect(episode?.details).toMatchObject({ deceasedOn: '2026-11-01' });
    expect(await tasksOf(patient.id)).toEqual([]);
    const events = await h.db.owner.query<{
      from_state: string | null;
      to_state: string;
      reason_code: string;
    }>(
      `SELECT from_state::text, to_state::text, reason_code::text FROM episode_events WHERE episode_id = $1 ORDER BY id`,
      [episode?.id],
    );
    expect(events.rows).toEqual([
      { from_state: null, to_state: 'identified', reason_code: 'imported' },
      { from_state: 'identified', to_state: 'closed', reason_code: 'patient_deceased' },
    ]);
    const worklist = await h.as(nurse, 'GET', '/api/worklist?view=to_invite&limit=100');
    expect(worklist.json<{ items: { patientId: string }[] }>().items.map((i) => i.patientId)).not.toContain(
      patient.id,
    );
  });
});

describe('a death that arrives after the invitation was planned', () => {
  let patientId: string;
  let episodeId: string;

  beforeAll(async () => {
    const r = await upload('csv', `${CSV_HEADER}\nD-200,Levend,1945-05-05,V,2026-10-01,heup,SEH,laag\n`);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    patientId = (await patientBySource('D-200')).id;
    const [episode] = await episodesOf(patientId);
    if (episode === undefined) throw new Error('no episode');
    episodeId = episode.id;
    expect(await tasksOf(patientId)).toEqual([{ kind: 'invite', status: 'open', outcome: '' }]);
  });

  it('an HL7 A08 with a date of death closes the episode, cancels the invitation and is audited', async () => {
    const a08 = [
      'MSH|^~\\&|HIX|ZKH|OSTEOPAD|FLS|20261115101500||ADT^A08^ADT_A01|DEATH1|P|2.5',
      'EVN|A08|20261115101500',
      `PID|1||D-200^^^HIS^PI||Levend^Lies||19450505|F|||||||||||||||||||||20261114|Y`,
      'PV1|1|I',
    ].join('\r');
    const r = await upload('hl7v2', a08);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body).toMatchObject({ deathsRecorded: 1, imported: 0 });
    expect(await patientBySource('D-200')).toMatchObject({ deceased: true, deceased_date: '2026-11-14' });
    expect(await episodesOf(patientId)).toEqual([
      {
        id: episodeId,
        state: 'closed',
        reason: 'patient_deceased',
        details: { deceasedOn: '2026-11-14', importId: expect.any(String) as unknown },
      },
    ]);
    expect(await tasksOf(patientId)).toEqual([
      { kind: 'invite', status: 'cancelled', outcome: 'patient_deceased' },
    ]);
    const audit = await h.db.owner.query<{ details: { death?: unknown } }>(
      `SELECT details FROM audit_events WHERE patient_id = $1 AND action = 'update' ORDER BY id DESC LIMIT 1`,
      [patientId],
    );
    expect(audit.rows[0]?.details.death).toEqual({
      date: '2026-11-14',
      episodesClosed: [episodeId],
      tasksCancelled: 1,
    });
  });

  it('the patient page says the patient died, and the invitation letter is refused', async () => {
    const page = await h.as(nurse, 'GET', `/api/patients/${patientId}`);
    expect(page.statusCode, page.body).toBe(200);
    const body = page.json<{
      patient: { deceased: boolean; deceasedDate: string | null };
      episodes: unknown[];
    }>();
    expect(body.patient).toMatchObject({ deceased: true, deceasedDate: '2026-11-14' });
    expect(body.episodes).toEqual([
      expect.objectContaining({
        state: 'closed',
        stateReason: {
          code: 'patient_deceased',
          details: expect.objectContaining({ deceasedOn: '2026-11-14' }) as unknown,
          note: '',
        },
      }),
    ]);
    const letter = await h.as(nurse, 'GET', `/api/episodes/${episodeId}/invitation-letter`);
    expect(letter.statusCode).toBe(422);
  });

  it('a later message that says "not deceased" never brings the patient back', async () => {
    const a08 = [
      'MSH|^~\\&|HIX|ZKH|OSTEOPAD|FLS|20261116101500||ADT^A08^ADT_A01|DEATH2|P|2.5',
      'EVN|A08|20261116101500',
      `PID|1||D-200^^^HIS^PI||Levend^Lies||19450505|F|||||||||||||||||||||||N`,
      'PV1|1|I',
    ].join('\r');
    const r = await upload('hl7v2', a08);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(await patientBySource('D-200')).toMatchObject({ deceased: true, deceased_date: '2026-11-14' });
  });

  it('a FHIR Patient without a fracture that says deceased closes the open episode of a known patient', async () => {
    const csv = await upload('csv', `${CSV_HEADER}\nD-300,Later,1944-04-04,M,2026-10-02,pols,SEH,laag\n`);
    expect(csv.status).toBe(200);
    const id = (await patientBySource('D-300')).id;
    const bundle = {
      resourceType: 'Bundle',
      type: 'collection',
      entry: [
        {
          resource: {
            resourceType: 'Patient',
            identifier: [{ system: 'HIS', value: 'D-300' }],
            name: [{ family: 'Later' }],
            gender: 'male',
            birthDate: '1944-04-04',
            deceasedBoolean: true,
          },
        },
      ],
    };
    const r = await upload('fhir', JSON.stringify(bundle));
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body).toMatchObject({ deathsRecorded: 1 });
    expect(await patientBySource('D-300')).toMatchObject({ deceased: true, deceased_date: null });
    expect((await episodesOf(id)).map((e) => [e.state, e.reason])).toEqual([['closed', 'patient_deceased']]);
    expect(await tasksOf(id)).toEqual([{ kind: 'invite', status: 'cancelled', outcome: 'patient_deceased' }]);
  });
});
