import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openInvestigatedEpisode } from '../../../test/followUpEpisode';
import { sql } from 'drizzle-orm';
import { DEFAULT_CONFIG } from '@osteopad/clinical';
import type { Assessment, StoredLetter } from '@osteopad/contract';
import { createHarness, type Harness, type Session } from '../../../test/appHarness';
import { SESSION_COOKIE } from '../../auth/authenticate';
import { inOrganization } from '../../audit/auditedTransaction';
import { patients } from '../../db/schema';
import { buildApp, type App } from '../../http/app';
import { DEFAULT_APP_CONFIG } from '../../http/config';
import type { PatientInputSectionLoader } from '../../consult/patientInputSections';
import { pdfPages, squashSpaces } from '../test-support/pdfTools';
import { INVESTIGATED_SECTIONS } from './test-support/decidedPatient';

// Issue 11, item 7: the letters of an episode are made from its decision as stored. A decision is
// recorded through the decision route (the intake and investigations sections come from a test loader),
// then both letters are made through the letter route of the app as registered (no decision override).
let h: Harness;
let app: App;
let nurse: Session;
let specialist: Session;
let patientId: string;
let decided: string;
let undecided: string;
let decisionId: string;

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

function as(session: Session, method: 'GET' | 'POST', url: string, payload?: Record<string, unknown>) {
  return app.inject({
    method,
    url,
    cookies: { [SESSION_COOKIE]: session.cookie },
    headers: { 'x-csrf-token': session.csrfToken },
    ...(payload === undefined ? {} : { payload }),
  });
}

async function investigatedEpisode(): Promise<string> {
  const id = await openInvestigatedEpisode(h.db.app.db, h.orgA.id, patientId, '2026-10-01', {
    openedOn: '2026-10-02',
  });
  investigated.add(id);
  return id;
}

async function letterText(session: Session, letter: StoredLetter): Promise<string> {
  const pdf = await as(session, 'GET', letter.href);
  expect(pdf.statusCode).toBe(200);
  return squashSpaces((await pdfPages(pdf.rawPayload)).join('\n'));
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
  await inOrganization(h.db.app.db, h.orgA.id, (tx) =>
    tx
      .update(patients)
      .set({
        familyName: 'de Vries',
        initials: 'J.M.',
        street: 'Dorpsstraat',
        houseNumber: '12a',
        postalCode: '1234AA',
        city: 'Teststad',
        gpName: 'H. Smit',
        gpPracticeName: 'Huisartsenpraktijk De Linde',
        gpAddress: 'Lindelaan 4, 1234 AC Teststad',
      })
      .where(sql`${patients.id} = ${patientId}`),
  );
  nurse = await h.login(h.orgA.users.nurse.username);
  specialist = await h.login(h.orgA.users.specialist.username);
  const admin = await h.login(h.orgA.users.admin.username);
  expect((await h.as(admin, 'PUT', '/api/organization', PROFILE)).statusCode).toBe(200);
  decided = await investigatedEpisode();
  undecided = await investigatedEpisode();

  const assessment = await as(specialist, 'GET', `/api/episodes/${decided}/assessment`);
  expect(assessment.statusCode, assessment.body).toBe(200);
  const a = assessment.json<Assessment>();
  const recorded = await as(specialist, 'POST', `/api/episodes/${decided}/decision`, {
    fingerprint: a.fingerprint,
    basedOnDecisionId: null,
    items: a.items.map((i) =>
      i.code === 'follow_up'
        ? { code: i.code, choice: 'override', value: 'gp', reason: 'Huisarts neemt de zorg over' }
        : { code: i.code, choice: 'accept' },
    ),
  });
  expect(recorded.statusCode, recorded.body).toBe(200);
  decisionId = recorded.json<{ id: string }>().id;
}, 120_000);

afterAll(async () => {
  await app.close();
  await h.close();
});

describe('consult letters from the stored decision', () => {
  it('makes the result letter from the recorded decision: diagnosis, the drug’s instructions, the follow-up', async () => {
    const r = await as(nurse, 'POST', `/api/episodes/${decided}/letters`, {
      kind: 'result_letter',
      locale: 'nl',
    });
    expect(r.statusCode, r.body).toBe(201);
    const letter = r.json<StoredLetter>();
    expect(letter.decisionId).toBe(decisionId);
    const text = await letterText(nurse, letter);
    for (const expected of [
      'U heeft ernstige botontkalking (osteoporose).',
      'alendroninezuur',
      "Neem de tablet 's ochtends op een lege maag",
      '24 februari 2027: gesprek over hoe het gaat met het medicijn (bij uw huisarts)',
      'Na dit onderzoek begeleidt uw huisarts de behandeling van uw botten.',
    ])
      expect(text).toContain(expected);
  });

  it('makes the GP letter from the same decision: the DXA and VFA, the drug and the dated follow-up', async () => {
    const r = await as(specialist, 'POST', `/api/episodes/${decided}/letters`, {
      kind: 'gp_letter',
      locale: 'nl',
    });
    expect(r.statusCode, r.body).toBe(201);
    const letter = r.json<StoredLetter>();
    expect(letter.decisionId).toBe(decisionId);
    const text = await letterText(specialist, letter);
    for (const expected of [
      'Huisartsenpraktijk De Linde',
      'Ernstige (manifeste) osteoporose',
      'alendroninezuur',
      'Evaluatie na start',
      'T12',
    ])
      expect(text).toContain(expected);
  });

  it('keeps the decision’s id with each document and closes both send-letter tasks, audited', async () => {
    const documents = await h.db.owner.query<{ kind: string; decision_id: string }>(
      `SELECT kind, decision_id FROM episode_documents WHERE episode_id = $1 ORDER BY kind`,
      [decided],
    );
    expect(documents.rows).toEqual([
      { kind: 'gp_letter', decision_id: decisionId },
      { kind: 'result_letter', decision_id: decisionId },
    ]);
    const taskRows = await h.db.owner.query<{ id: string; kind: string; status: string; outcome: string }>(
      `SELECT id, kind, status, outcome FROM tasks
        WHERE episode_id = $1 AND kind IN ('send_result_letter', 'send_gp_letter') ORDER BY kind`,
      [decided],
    );
    expect(taskRows.rows.map((t) => [t.kind, t.status, t.outcome])).toEqual([
      ['send_gp_letter', 'done', 'letter_created'],
      ['send_result_letter', 'done', 'letter_created'],
    ]);
    const audit = await h.db.owner.query<{ object_id: string }>(
      `SELECT object_id FROM audit_events
        WHERE patient_id = $1 AND action = 'update' AND object_type = 'task' AND details->>'outcome' = 'letter_created'`,
      [patientId],
    );
    expect(audit.rows.map((row) => row.object_id).sort()).toEqual(taskRows.rows.map((t) => t.id).sort());
    // Made again: the letter is kept, there is no open task left to close.
    const again = await as(nurse, 'POST', `/api/episodes/${decided}/letters`, { kind: 'result_letter' });
    expect(again.statusCode).toBe(201);
  });

  it('refuses an episode without a decision, and the database a document naming no stored decision', async () => {
    const r = await as(nurse, 'POST', `/api/episodes/${undecided}/letters`, { kind: 'gp_letter' });
    expect(r.statusCode).toBe(409);
    expect(r.json()).toMatchObject({ error: 'no_decision' });
    const harnessNurse = await h.login(h.orgA.users.nurse.username);
    const viaHarness = await h.as(harnessNurse, 'POST', `/api/episodes/${undecided}/letters`, {
      kind: 'result_letter',
    });
    expect(viaHarness.json()).toMatchObject({ error: 'no_decision' });
    const fk = await h.db.owner
      .query(
        `INSERT INTO episode_documents (organization_id, patient_id, episode_id, kind, locale, pdf, sha256, input, decision_id, created_by)
         SELECT organization_id, patient_id, episode_id, kind, locale, pdf, sha256, input, gen_random_uuid(), created_by
           FROM episode_documents WHERE episode_id = $1 LIMIT 1`,
        [decided],
      )
      .catch((error: unknown) => error);
    expect(String(fk)).toMatch(/foreign key/);
  });
});
