import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '@osteopad/clinical';
import type { Assessment, PortalResults, StoredLetter } from '@osteopad/contract';
import { createHarness, TEST_PASSWORD, type Harness, type Session } from '../../test/appHarness';
import { openInvestigatedEpisode } from '../../test/followUpEpisode';
import { SESSION_COOKIE } from '../auth/authenticate';
import { buildApp, type App } from '../http/app';
import { DEFAULT_APP_CONFIG } from '../http/config';
import type { PatientInputSectionLoader } from '../consult/patientInputSections';
import { createUser } from '../users/userAccounts';
import { inArray } from 'drizzle-orm';
import { inOrganization } from '../audit/auditedTransaction';
import { patients } from '../db/schema';
import { INVESTIGATED_SECTIONS } from '../letters/consult/test-support/decidedPatient';

// Issue 13, item 5: a patient reads their own results and plan as the clinician recorded them, and
// downloads their own result letter; never another patient's, never the GP's letter.
let h: Harness;
let app: App;
let patient: Session;
let otherPatient: Session;
let patientId: string;
let episodeId: string;
let resultLetter: StoredLetter;
let gpLetter: StoredLetter;
let otherLetter: StoredLetter;

const investigated = new Set<string>();
const sections: PatientInputSectionLoader = (_tx, scope) =>
  Promise.resolve(investigated.has(scope.episodeId) ? INVESTIGATED_SECTIONS : {});

const PROFILE = {
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
};

function as(
  session: Session,
  method: 'GET' | 'POST' | 'PUT',
  url: string,
  payload?: Record<string, unknown>,
) {
  return app.inject({
    method,
    url,
    cookies: { [SESSION_COOKIE]: session.cookie },
    headers: { 'x-csrf-token': session.csrfToken },
    ...(payload === undefined ? {} : { payload }),
  });
}

/** A decided episode of `forPatient`; the specialist overrides the diagnosis and the drug. */
async function decidedEpisode(specialist: Session, forPatient: string): Promise<string> {
  const id = await openInvestigatedEpisode(h.db.app.db, h.orgA.id, forPatient, '2026-10-01', {
    openedOn: '2026-10-02',
  });
  investigated.add(id);
  const assessment = (await as(specialist, 'GET', `/api/episodes/${id}/assessment`)).json<Assessment>();
  const recorded = await as(specialist, 'POST', `/api/episodes/${id}/decision`, {
    fingerprint: assessment.fingerprint,
    basedOnDecisionId: null,
    items: assessment.items.map((i) =>
      i.code === 'drug'
        ? { code: i.code, choice: 'override', value: 'zoledronicAcid', reason: 'Liever één keer per jaar' }
        : i.code === 'diagnosis'
          ? { code: i.code, choice: 'override', value: 'osteoporosis', reason: 'Test: de arts kiest' }
          : { code: i.code, choice: 'accept' },
    ),
  });
  expect(recorded.statusCode, recorded.body).toBe(200);
  return id;
}

async function letter(
  nurse: Session,
  id: string,
  kind: 'result_letter' | 'gp_letter',
): Promise<StoredLetter> {
  const made = await as(nurse, 'POST', `/api/episodes/${id}/letters`, { kind, locale: 'nl' });
  expect(made.statusCode, made.body).toBe(201);
  return made.json<StoredLetter>();
}

beforeAll(async () => {
  h = await createHarness();
  h.clock.set('2026-11-24T10:00:00Z');
  app = await buildApp({
    db: h.db.app.db,
    clock: h.clock.now,
    clinical: DEFAULT_CONFIG,
    config: { ...DEFAULT_APP_CONFIG, logLevel: 'silent' },
    patientInputLoaders: [sections],
  });
  await app.ready();
  patientId = h.orgA.patientIds[0] ?? '';
  const otherPatientId = h.orgA.patientIds[1] ?? '';
  const specialist = await h.login(h.orgA.users.specialist.username);
  const nurse = await h.login(h.orgA.users.nurse.username);
  const admin = await h.login(h.orgA.users.admin.username);
  expect((await as(admin, 'PUT', '/api/organization', PROFILE)).statusCode).toBe(200);
  await inOrganization(h.db.app.db, h.orgA.id, (tx) =>
    tx
      .update(patients)
      .set({
        street: 'Dorpsstraat',
        houseNumber: '12a',
        postalCode: '1234AA',
        city: 'Teststad',
        gpName: 'H. Smit',
        gpPracticeName: 'Huisartsenpraktijk De Linde',
        gpAddress: 'Lindelaan 4, 1234 AC Teststad',
      })
      .where(inArray(patients.id, [patientId, otherPatientId])),
  );
  for (const [username, id] of [
    ['results.patient', patientId],
    ['results.other', otherPatientId],
  ] as const)
    await createUser(h.db.app.db, {
      organizationId: h.orgA.id,
      username,
      displayName: username,
      role: 'patient',
      password: TEST_PASSWORD,
      patientId: id,
    });
  patient = await h.login('results.patient');
  otherPatient = await h.login('results.other');
  // Before any decision the page says so (200, for the route walk of routeSecurity.int.test.ts too).
  expect((await as(patient, 'GET', '/api/portal/results')).json()).toEqual({ status: 'none' });
  episodeId = await decidedEpisode(specialist, patientId);
  resultLetter = await letter(nurse, episodeId, 'result_letter');
  gpLetter = await letter(nurse, episodeId, 'gp_letter');
  otherLetter = await letter(nurse, await decidedEpisode(specialist, otherPatientId), 'result_letter');
}, 120_000);

afterAll(async () => {
  await app.close();
  await h.close();
});

describe('GET /api/portal/results', () => {
  it('answers the patient’s own decision: the clinician’s diagnosis and drug, not the engine’s', async () => {
    const r = await as(patient, 'GET', '/api/portal/results');
    expect(r.statusCode, r.body).toBe(200);
    const results = r.json<PortalResults>();
    if (results.status !== 'ready') throw new Error('expected results');
    expect(results.episodeId).toBe(episodeId);
    // The engine says severe osteoporosis (T -2.6 and a fracture); the specialist recorded osteoporosis.
    expect(results.diagnosis.bmdCategory).toBe('osteoporosis');
    expect(results.diagnosis).toMatchObject({ lowestSite: 'lumbarSpine', lowestTScore: -2.6 });
    expect(results.plan.drug?.code).toBe('zoledronicAcid');
    expect(results.plan.drug?.administration).toContain('paracetamolForAcutePhaseReaction');
    expect(results.plan.drug?.rules.map((rule) => rule.ruleId)).toContain('R10.2');
    expect(results.dxa.sites).toEqual([
      { site: 'lumbarSpine', tScore: -2.6, zScore: -1.5 },
      { site: 'totalHip', tScore: -2.1, zScore: -0.9 },
      { site: 'femoralNeck', tScore: -2.3, zScore: -1.1 },
    ]);
    expect(results.vfa).toEqual({ status: 'assessed', fractures: [{ level: 'T12', grade: 2 }] });
    expect(results.letters.map((l) => l.id)).toEqual([resultLetter.id]);
    expect(r.body).not.toContain(gpLetter.id);
    expect(r.body).not.toContain(otherLetter.id);
  });

  it('shows another patient only their own', async () => {
    const mine = (await as(otherPatient, 'GET', '/api/portal/results')).json<PortalResults>();
    if (mine.status !== 'ready') throw new Error('expected results');
    expect(mine.episodeId).not.toBe(episodeId);
    expect(mine.letters.map((l) => l.id)).toEqual([otherLetter.id]);
  });

  it('audits the read per record: the patient, the decision and the letter list', async () => {
    const rows = await h.db.owner.query<{ object_type: string; patient_id: string }>(
      `SELECT object_type, patient_id FROM audit_events
        WHERE username = 'results.patient' AND action = 'read' AND details->>'view' = 'portal_results'`,
    );
    const types = rows.rows.map((row) => row.object_type);
    expect(types).toEqual(expect.arrayContaining(['patient', 'decision', 'episode_documents']));
    expect(new Set(rows.rows.map((row) => row.patient_id))).toEqual(new Set([patientId]));
  });
});

describe('GET /api/portal/letters/:letterId/pdf', () => {
  it('sends the patient’s own result letter as it was kept, audited', async () => {
    const pdf = await as(patient, 'GET', `/api/portal/letters/${resultLetter.id}/pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.headers['x-content-sha256']).toBe(resultLetter.sha256);
    const logged = await h.db.owner.query(
      `SELECT 1 FROM audit_events WHERE username = 'results.patient' AND action = 'read'
          AND object_type = 'episode_document' AND object_id = $1 AND patient_id = $2`,
      [resultLetter.id, patientId],
    );
    expect(logged.rowCount).toBe(1);
  });

  it('answers 404 for another patient’s letter, for the GP letter and for an unknown id', async () => {
    for (const id of [otherLetter.id, gpLetter.id, '00000000-0000-4000-8000-000000000000']) {
      const r = await as(patient, 'GET', `/api/portal/letters/${id}/pdf`);
      expect(r.statusCode, id).toBe(404);
      expect(r.body).not.toContain('%PDF');
    }
  });

  it('refuses staff: the portal’s routes are the patient’s', async () => {
    const nurse = await h.login(h.orgA.users.nurse.username);
    expect((await as(nurse, 'GET', `/api/portal/letters/${resultLetter.id}/pdf`)).statusCode).toBe(403);
    expect((await as(nurse, 'GET', '/api/portal/results')).statusCode).toBe(403);
  });
});
