// Labs and fall risk of an episode over HTTP: the engine's order list, results with flags, field errors with
// nothing saved, optimistic concurrency, ended episodes refused, audit per record, the section loader.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness, type Session } from '../../test/appHarness';
import { episodes, fractureEvents } from '../db/schema';
import { inOrganization } from '../audit/auditedTransaction';
import { loadLabAndFallSections } from './labAndFallSections';

let h: Harness;
let nurse: Session;
let secretary: Session;
let episodeId = '';
let closedEpisodeId = '';
let patientId = '';

beforeAll(async () => {
  h = await createHarness();
  patientId = h.orgA.patientIds[0] ?? '';
  const ids = await inOrganization(h.db.app.db, h.orgA.id, async (tx) => {
    const fracture = await tx
      .insert(fractureEvents)
      .values({
        organizationId: h.orgA.id,
        patientId,
        fractureDate: '2026-10-01',
        siteCode: 'femur_proximal',
        identityKey: 'lab-test',
        eligibility: 'eligible',
        eligibilityReason: 'qualifyingFracture',
        encounterType: 'inpatient',
        traumaMechanism: 'low',
        pathological: false,
      })
      .returning({ id: fractureEvents.id });
    const open = await tx
      .insert(episodes)
      .values({
        organizationId: h.orgA.id,
        patientId,
        state: 'invited',
        openedOn: '2026-10-02',
        indexFractureId: fracture[0]?.id ?? null,
      })
      .returning({ id: episodes.id });
    const closed = await tx
      .insert(episodes)
      .values({ organizationId: h.orgA.id, patientId, state: 'closed', openedOn: '2026-01-02' })
      .returning({ id: episodes.id });
    return { open: open[0]?.id ?? '', closed: closed[0]?.id ?? '' };
  });
  episodeId = ids.open;
  closedEpisodeId = ids.closed;
  nurse = await h.login(h.orgA.users.nurse.username);
  secretary = await h.login(h.orgA.users.secretary.username);
}, 120_000);

afterAll(async () => {
  await h.close();
});

const read = async () => {
  const r = await h.as(nurse, 'GET', `/api/episodes/${episodeId}/labs-and-falls`);
  expect(r.statusCode, r.body).toBe(200);
  return r.json<{
    panel: { status: string; missing: string[]; rules: { ruleId: string }[] };
    results: { id: string; analyte: string; flag: string | null; version: number; value: number }[];
    fallRisk: { version: number; advice: { interventions: string[] } } | null;
    fallRiskVersion: number;
    analytes: { code: string; loinc: string | null; unit: string }[];
  }>();
};

describe('lab results', () => {
  it('answers the engine’s order list: without a T-score the recent fracture leaves R6 undecided', async () => {
    const data = await read();
    expect(data.panel.status).toBe('insufficientData');
    expect(data.panel.missing).toContain('dxa.tScore');
    expect(data.analytes.find((a) => a.code === '25OHD')).toMatchObject({ loinc: '14635-7', unit: 'nmol/L' });
  });

  it('saves several results, flags them against their range, and leaves one without a range unflagged', async () => {
    const r = await h.as(nurse, 'POST', `/api/episodes/${episodeId}/labs`, {
      results: [
        { analyte: 'calcium', value: 2.8, rangeLow: 2.2, rangeHigh: 2.6, sampledOn: '2026-11-20' },
        { analyte: 'TSH', value: 2, rangeLow: null, rangeHigh: null, sampledOn: '2026-11-20' },
        {
          analyte: 'albuminCorrectedCalcium',
          value: 2.1,
          rangeLow: 2.2,
          rangeHigh: 2.6,
          sampledOn: '2026-11-20',
        },
      ],
    });
    expect(r.statusCode, r.body).toBe(201);
    const flags = r
      .json<{ results: { analyte: string; flag: string | null }[] }>()
      .results.map((x) => x.flag);
    expect(flags).toEqual(['high', null, 'low']);
    const sections = await inOrganization(h.db.app.db, h.orgA.id, (tx) =>
      loadLabAndFallSections(tx, { organizationId: h.orgA.id, patientId, episodeId }),
    );
    expect(sections.labs).toEqual({ albuminCorrectedCalciumMmolL: 2.1, albuminCorrectedCalciumFlag: 'low' });
  });

  it('refuses impossible values field by field and saves none of the request', async () => {
    const before = (await read()).results.length;
    const r = await h.as(nurse, 'POST', `/api/episodes/${episodeId}/labs`, {
      results: [
        { analyte: 'calcium', value: 2.4, rangeLow: 2.2, rangeHigh: 2.6, sampledOn: '2026-11-20' },
        { analyte: 'albumin', value: -1, rangeLow: 40, rangeHigh: 35, sampledOn: '2026-11-22' },
        { analyte: 'TSH', value: 1, rangeLow: null, rangeHigh: null, sampledOn: '1949-01-01' },
      ],
    });
    expect(r.statusCode).toBe(400);
    const issues = r.json<{ issues: { field: string; code: string }[] }>().issues;
    expect(issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'body.results.1.value', code: 'negative_value' }),
        expect.objectContaining({ field: 'body.results.1.rangeLow', code: 'range_inverted' }),
        expect.objectContaining({ field: 'body.results.1.sampledOn', code: 'future_date' }),
        expect.objectContaining({ field: 'body.results.2.sampledOn', code: 'before_birth' }),
      ]),
    );
    expect((await read()).results.length).toBe(before);
  });

  it('corrects a result with its version and refuses a second save of the same version', async () => {
    const calcium = (await read()).results.find((x) => x.analyte === 'calcium');
    const body = {
      analyte: 'calcium',
      value: 2.5,
      rangeLow: 2.2,
      rangeHigh: 2.6,
      sampledOn: '2026-11-20',
      version: calcium?.version,
    };
    const first = await h.as(nurse, 'PUT', `/api/lab-results/${calcium?.id ?? ''}`, body);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json<{ flag: string; version: number }>()).toMatchObject({ flag: 'normal', version: 2 });
    const second = await h.as(nurse, 'PUT', `/api/lab-results/${calcium?.id ?? ''}`, { ...body, value: 3 });
    expect(second.statusCode).toBe(409);
    expect(second.json<{ error: string }>().error).toBe('stale_version');
  });

  it('refuses writes for an ended episode and reads to the secretary', async () => {
    const r = await h.as(nurse, 'POST', `/api/episodes/${closedEpisodeId}/labs`, {
      results: [{ analyte: 'TSH', value: 1, rangeLow: null, rangeHigh: null, sampledOn: '2026-11-20' }],
    });
    expect(r.statusCode).toBe(409);
    expect(r.json<{ error: string }>().error).toBe('episode_ended');
    expect((await h.as(secretary, 'GET', `/api/episodes/${episodeId}/labs-and-falls`)).statusCode).toBe(403);
  });

  it('audits each result read', async () => {
    await read();
    const rows = await h.db.app.db.$client.query<{ n: number }>(
      `SELECT count(*)::int n FROM audit_events WHERE object_type = 'lab_result' AND action = 'read'`,
    );
    expect(rows.rows[0]?.n ?? 0).toBeGreaterThanOrEqual(3);
  });
});

describe('fall risk', () => {
  const answers = {
    fallsPastYear: 2,
    worriedAboutFalling: false,
    difficultyWalkingOrBalance: true,
    fallRiskIncreasingMedication: null,
  };

  it('previews the engine’s advice and writes nothing', async () => {
    const r = await h.as(nurse, 'POST', `/api/episodes/${episodeId}/fall-risk/preview`, answers);
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json<{ interventions: string[] }>().interventions).toEqual(
      expect.arrayContaining([
        'professionalFallAssessment',
        'physiotherapyStrengthAndBalance',
        'observeRisingAndWalking',
      ]),
    );
    expect((await read()).fallRisk).toBeNull();
  });

  it('refuses a falls count out of range and a date in the future', async () => {
    const r = await h.as(nurse, 'POST', `/api/episodes/${episodeId}/fall-risk`, {
      ...answers,
      fallsPastYear: -1,
      assessedOn: '2026-12-01',
      version: 0,
    });
    expect(r.statusCode).toBe(400);
    const codes = r.json<{ issues: { code: string }[] }>().issues.map((i) => i.code);
    expect(codes).toEqual(['falls_out_of_range', 'future_date']);
  });

  it('saves against the version read; a second save of the same version is stale', async () => {
    const body = { ...answers, assessedOn: '2026-11-21', version: 0 };
    const first = await h.as(nurse, 'POST', `/api/episodes/${episodeId}/fall-risk`, body);
    expect(first.statusCode, first.body).toBe(201);
    const second = await h.as(nurse, 'POST', `/api/episodes/${episodeId}/fall-risk`, body);
    expect(second.statusCode).toBe(409);
    const data = await read();
    expect(data.fallRiskVersion).toBe(1);
    expect(data.fallRisk?.advice.interventions).toContain('physiotherapyStrengthAndBalance');
    const sections = await inOrganization(h.db.app.db, h.orgA.id, (tx) =>
      loadLabAndFallSections(tx, { organizationId: h.orgA.id, patientId, episodeId }),
    );
    expect(sections.falls).toEqual({
      fallsPastYear: 2,
      worriedAboutFalling: false,
      difficultyWalkingOrBalance: true,
    });
  });
});
