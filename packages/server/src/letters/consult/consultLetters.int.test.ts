import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { DEFAULT_CONFIG } from '@osteopad/clinical';
import type { StoredLetter } from '@osteopad/contract';
import { createHarness, type Harness, type Session } from '../../../test/appHarness';
import { pgErrorOf } from '../../../test/pgErrors';
import { SESSION_COOKIE } from '../../auth/authenticate';
import { inOrganization } from '../../audit/auditedTransaction';
import { episodes, patients } from '../../db/schema';
import { buildApp, type App } from '../../http/app';
import { DEFAULT_APP_CONFIG } from '../../http/config';
import { osteopadDecisionFor } from './test-support/storedDecisionFixture';
import { pdfPages, squashSpaces } from '../test-support/pdfTools';
import type { StoredDecisionForLettersLoader } from './consultLetterInputLoader';
import { documentsTimeline, episodeDocumentsSource } from './episodeDocumentSources';

// The rendering over HTTP with the letters' fixture decision (every field filled, lab ranges …): this app
// is the same server on the same database with a decision loader that knows one episode's decision. The
// fixture is no stored decision, so its documents name none (storedDecisionLetters.int.test.ts makes the
// letters from a decision recorded through the decision route).
let h: Harness;
let app: App;
let nurse: Session;
let secretary: Session;
let nurseB: Session;
let episodeId: string;
let episodeWithoutDecision: string;
let patientId: string;

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

const decisions: StoredDecisionForLettersLoader = (_tx, scope) =>
  Promise.resolve(scope.episodeId === episodeId ? { ...osteopadDecisionFor(), decisionId: null } : null);

function as(session: Session, method: 'GET' | 'POST', url: string, payload?: Record<string, unknown>) {
  return app.inject({
    method,
    url,
    cookies: { [SESSION_COOKIE]: session.cookie },
    headers: { 'x-csrf-token': session.csrfToken },
    ...(payload === undefined ? {} : { payload }),
  });
}

const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

async function documentCount(): Promise<number> {
  const result = await h.db.owner.query<{ n: string }>('SELECT count(*) AS n FROM episode_documents');
  return Number(result.rows[0]?.n);
}

beforeAll(async () => {
  h = await createHarness();
  h.clock.set('2026-11-24T10:00:00Z');
  app = await buildApp({
    db: h.db.app.db,
    clock: h.clock.now,
    clinical: DEFAULT_CONFIG,
    config: { ...DEFAULT_APP_CONFIG, logLevel: 'silent' },
    consultLetterDecisions: decisions,
  });
  await app.ready();
  patientId = h.orgA.patientIds[0] ?? '';
  const [first, second] = await inOrganization(h.db.app.db, h.orgA.id, async (tx) => {
    await tx
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
      .where(sql`${patients.id} = ${patientId}`);
    return tx
      .insert(episodes)
      .values([
        { organizationId: h.orgA.id, patientId, state: 'invited', openedOn: '2026-10-02' },
        { organizationId: h.orgA.id, patientId, state: 'invited', openedOn: '2026-10-03' },
      ])
      .returning({ id: episodes.id });
  });
  episodeId = first?.id ?? '';
  episodeWithoutDecision = second?.id ?? '';
  nurse = await h.login(h.orgA.users.nurse.username);
  secretary = await h.login(h.orgA.users.secretary.username);
  nurseB = await h.login(h.orgB.users.nurse.username);
  const admin = await h.login(h.orgA.users.admin.username);
  expect((await h.as(admin, 'PUT', '/api/organization', PROFILE)).statusCode).toBe(200);
}, 120_000);

afterAll(async () => {
  await app.close();
  await h.close();
});

describe('consult letters over HTTP', () => {
  let resultLetter: StoredLetter;

  it('makes the result letter from the stored decision, keeps it and answers its summary', async () => {
    const r = await as(nurse, 'POST', `/api/episodes/${episodeId}/letters`, {
      kind: 'result_letter',
      locale: 'nl',
    });
    expect(r.statusCode, r.body).toBe(201);
    resultLetter = r.json<StoredLetter>();
    expect(resultLetter).toMatchObject({
      kind: 'result_letter',
      locale: 'nl',
      createdBy: `nurse of ${h.orgA.name}`,
      href: `/api/episode-documents/${resultLetter.id}`,
      decisionId: null,
    });
    const pdf = await as(secretary, 'GET', resultLetter.href);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(sha256(pdf.rawPayload)).toBe(resultLetter.sha256);
    const text = squashSpaces((await pdfPages(pdf.rawPayload)).join('\n'));
    for (const expected of [
      'Ziekenhuis Teststad',
      'Teststad, 24 november 2026',
      'U heeft botontkalking.',
      'alendroninezuur',
      'Bel ons gerust op 012 345 67 89',
    ]) {
      expect(text).toContain(expected);
    }
  });

  it('makes the GP letter in English, addressed to the GP of the patient record', async () => {
    const r = await as(nurse, 'POST', `/api/episodes/${episodeId}/letters`, {
      kind: 'gp_letter',
      locale: 'en',
    });
    expect(r.statusCode, r.body).toBe(201);
    const pdf = await as(nurse, 'GET', r.json<StoredLetter>().href);
    const text = squashSpaces((await pdfPages(pdf.rawPayload)).join('\n'));
    expect(text).toContain('Huisartsenpraktijk De Linde');
    expect(text).toContain('Dear colleague,');
    expect(text).toContain('femoral neck 0.534 -2.7 -1.4');
    expect(text).toContain('What Who When');
  });

  it('re-prints the stored bytes exactly, also after the organisation profile changed', async () => {
    const admin = await h.login(h.orgA.users.admin.username);
    const changed = { ...PROFILE, name: 'Ziekenhuis Nieuwstad', phoneDepartment: '099 999 99 99' };
    expect((await h.as(admin, 'PUT', '/api/organization', changed)).statusCode).toBe(200);
    const again = await as(secretary, 'GET', resultLetter.href);
    expect(sha256(again.rawPayload)).toBe(resultLetter.sha256);
    expect(again.headers['x-content-sha256']).toBe(resultLetter.sha256);
    const text = squashSpaces((await pdfPages(again.rawPayload)).join('\n'));
    expect(text).toContain('Ziekenhuis Teststad');
    expect(text).not.toContain('Nieuwstad');
    // A letter made now carries the new profile; the kept one stays as it was.
    const fresh = await as(nurse, 'POST', `/api/episodes/${episodeId}/letters`, {
      kind: 'result_letter',
      locale: 'nl',
    });
    expect(fresh.json<StoredLetter>().sha256).not.toBe(resultLetter.sha256);
    expect((await h.as(admin, 'PUT', '/api/organization', PROFILE)).statusCode).toBe(200);
  });

  it('lists the episode’s documents, newest first, and audits every read and write per patient', async () => {
    const r = await as(secretary, 'GET', `/api/episodes/${episodeId}/documents`);
    expect(r.statusCode).toBe(200);
    const items = r.json<{ items: StoredLetter[] }>().items;
    expect(items.map((item) => item.kind)).toEqual(['result_letter', 'gp_letter', 'result_letter']);
    expect(items.at(-1)?.id).toBe(resultLetter.id);
    const audit = await h.db.owner.query<{ action: string; object_type: string; n: string }>(
      `SELECT action, object_type, count(*) AS n FROM audit_events
        WHERE patient_id = $1 AND object_type IN ('episode_document', 'episode_documents') AND outcome = 'success'
        GROUP BY action, object_type ORDER BY action, object_type`,
      [patientId],
    );
    expect(audit.rows.map((row) => [row.action, row.object_type, Number(row.n)])).toEqual([
      ['create', 'episode_document', 3],
      ['read', 'episode_document', 3],
      ['read', 'episode_documents', 1],
    ]);
  });

  it('answers the episode page’s document list and timeline entries (not wired yet)', async () => {
    const scope = { organizationId: h.orgA.id, patientId, episodeId };
    const [documents, timeline] = await inOrganization(h.db.app.db, h.orgA.id, async (tx) => [
      await episodeDocumentsSource(tx, scope),
      await documentsTimeline(tx, scope),
    ]);
    expect(documents).toHaveLength(3);
    expect(documents.at(-1)).toEqual({
      id: resultLetter.id,
      kind: 'result_letter',
      createdAt: resultLetter.createdAt,
      createdBy: resultLetter.createdBy,
      href: resultLetter.href,
    });
    expect(timeline).toHaveLength(3);
    expect(timeline).toContainEqual({
      at: resultLetter.createdAt,
      kind: 'letter_created',
      actor: `nurse of ${h.orgA.name}`,
      details: { documentKind: 'result_letter', locale: 'nl', documentId: resultLetter.id },
      note: null,
    });
    const other = await inOrganization(h.db.app.db, h.orgB.id, (tx) =>
      episodeDocumentsSource(tx, { ...scope, organizationId: h.orgB.id }),
    );
    expect(other).toEqual([]);
  });

  it('refuses an episode without a stored decision and changes nothing', async () => {
    const before = await documentCount();
    const r = await as(nurse, 'POST', `/api/episodes/${episodeWithoutDecision}/letters`, {
      kind: 'result_letter',
    });
    expect(r.statusCode).toBe(409);
    expect(r.json()).toMatchObject({ error: 'no_decision' });
    expect(await documentCount()).toBe(before);
  });

  it('refuses a GP letter when the patient record names no GP, and a name the font cannot print', async () => {
    const before = await documentCount();
    await inOrganization(h.db.app.db, h.orgA.id, (tx) =>
      tx
        .update(patients)
        .set({ gpName: '' })
        .where(sql`${patients.id} = ${patientId}`),
    );
    const noGp = await as(nurse, 'POST', `/api/episodes/${episodeId}/letters`, { kind: 'gp_letter' });
    expect(noGp.statusCode).toBe(422);
    expect(noGp.json()).toMatchObject({ error: 'gp_unknown' });
    await inOrganization(h.db.app.db, h.orgA.id, (tx) =>
      tx
        .update(patients)
        .set({ gpName: 'H. Smit', familyName: '王' })
        .where(sql`${patients.id} = ${patientId}`),
    );
    const unprintable = await as(nurse, 'POST', `/api/episodes/${episodeId}/letters`, {
      kind: 'result_letter',
    });
    expect(unprintable.statusCode).toBe(422);
    expect(unprintable.json()).toMatchObject({
      error: 'letter_not_printable',
      issues: [{ field: 'patient.familyName', code: 'letter_input' }],
    });
    await inOrganization(h.db.app.db, h.orgA.id, (tx) =>
      tx
        .update(patients)
        .set({ familyName: 'de Vries' })
        .where(sql`${patients.id} = ${patientId}`),
    );
    expect(await documentCount()).toBe(before);
  });

  it('refuses bad input with a specific error, the secretary’s attempt to make a letter, and other organisations', async () => {
    const badKind = await as(nurse, 'POST', `/api/episodes/${episodeId}/letters`, { kind: 'invoice' });
    expect(badKind.statusCode).toBe(400);
    expect(badKind.body).toContain('kind');
    expect(
      (await as(secretary, 'POST', `/api/episodes/${episodeId}/letters`, { kind: 'result_letter' }))
        .statusCode,
    ).toBe(403);
    expect((await as(nurseB, 'GET', resultLetter.href)).statusCode).toBe(404);
    expect((await as(nurseB, 'GET', `/api/episodes/${episodeId}/documents`)).statusCode).toBe(404);
  });

  it('keeps documents append-only for the application role', async () => {
    for (const statement of [
      sql`UPDATE episode_documents SET locale = 'en'`,
      sql`DELETE FROM episode_documents`,
    ]) {
      const error = await pgErrorOf(inOrganization(h.db.app.db, h.orgA.id, (tx) => tx.execute(statement)));
      expect(error.code).toBe('42501');
    }
  });

  it('answers no decision on the app as registered, where the episode has no stored decision', async () => {
    const harnessNurse = await h.login(h.orgA.users.nurse.username);
    const r = await h.as(harnessNurse, 'POST', `/api/episodes/${episodeId}/letters`, {
      kind: 'result_letter',
    });
    expect(r.statusCode).toBe(409);
    expect(r.json()).toMatchObject({ error: 'no_decision' });
  });
});
