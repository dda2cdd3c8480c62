// The intake questionnaire over HTTP: partial saves kept, answers checked at the field with nothing
// saved, completion checks the required answers, a stale version is refused, every save kept as a
// revision and audited, ended episodes refused, other organisations see nothing; and the engine's
// input and the timeline read from the stored response.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness, type Session } from '../../test/appHarness';
import { inOrganization } from '../audit/auditedTransaction';
import { episodes } from '../db/schema';
import { intakeTimeline, loadIntakeSections } from './intakeRecords';

let h: Harness;
let nurse: Session;
let secretary: Session;
let nurseB: Session;
let episodeId: string;
let endedEpisodeId: string;
let patientId: string;

const COMPLETE = {
  parentHipFracture: false,
  reducedMobility: true,
  rheumatoidArthritis: false,
  secondaryOsteoporosisCondition: false,
  smoker: false,
  weightKg: 58,
  heightCm: 165,
  usesGlucocorticoids: true,
  glucocorticoidDoseMgPerDay: 10,
  glucocorticoidMonthsUsed: 4,
  glucocorticoidBurstsPerYear: 0,
  fallsPastYear: 2,
  worriedAboutFalling: true,
  difficultyWalkingOrBalance: false,
  darkSkin: false,
  outdoorsSufficient: true,
  bodyCovering: false,
  milkGlass: 2,
  cheeseSlice: 1,
};

const url = (id: string) => `/api/episodes/${id}/intake`;

async function addEpisode(state: 'invited' | 'closed'): Promise<string> {
  return inOrganization(h.db.app.db, h.orgA.id, async (tx) => {
    const rows = await tx
      .insert(episodes)
      .values({ organizationId: h.orgA.id, patientId, state, openedOn: '2026-10-02' })
      .returning({ id: episodes.id });
    return rows[0]?.id ?? '';
  });
}

async function count(table: 'intake_responses' | 'intake_response_revisions', id: string): Promise<number> {
  const result = await h.db.owner.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM ${table} WHERE episode_id = $1`,
    [id],
  );
  return result.rows[0]?.n ?? -1;
}

beforeAll(async () => {
  h = await createHarness();
  patientId = h.orgA.patientIds[0] ?? '';
  episodeId = await addEpisode('invited');
  endedEpisodeId = await addEpisode('closed');
  nurse = await h.login(h.orgA.users.nurse.username);
  secretary = await h.login(h.orgA.users.secretary.username);
  nurseB = await h.login(h.orgB.users.nurse.username);
}, 120_000);

afterAll(async () => {
  await h.close();
});

describe('intake questionnaire', () => {
  it('answers null before anything is saved', async () => {
    const r = await h.as(nurse, 'GET', url(episodeId));
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toEqual({ patientId, questionnaireVersion: '2026.1', response: null });
  });

  it('refuses a glucocorticoid dose of 5,000 mg at the field, and saves nothing', async () => {
    const r = await h.as(nurse, 'PUT', url(episodeId), {
      answers: { usesGlucocorticoids: true, glucocorticoidDoseMgPerDay: 5000 },
      version: 0,
      complete: false,
    });
    expect(r.statusCode, r.body).toBe(400);
    expect(r.json<{ issues: unknown[] }>().issues).toEqual([
      expect.objectContaining({ field: 'body.answers.glucocorticoidDoseMgPerDay', code: 'out_of_range' }),
    ]);
    expect(await count('intake_responses', episodeId)).toBe(0);
    expect(await count('intake_response_revisions', episodeId)).toBe(0);
  });

  it.each([
    [{ noSuchQuestion: true }, 'noSuchQuestion', 'unknown_item'],
    [{ smoker: 'yes' }, 'smoker', 'wrong_type'],
    [{ fallsPastYear: 1.5 }, 'fallsPastYear', 'not_integer'],
    [{ menopausalStatus: 'late' }, 'menopausalStatus', 'not_an_option'],
    [
      { usesGlucocorticoids: false, glucocorticoidDoseMgPerDay: 10 },
      'glucocorticoidDoseMgPerDay',
      'not_enabled',
    ],
  ])('refuses %j', async (answers, linkId, code) => {
    const r = await h.as(nurse, 'PUT', url(episodeId), { answers, version: 0, complete: false });
    expect(r.statusCode, r.body).toBe(400);
    expect(r.json<{ issues: unknown[] }>().issues).toEqual([
      expect.objectContaining({ field: `body.answers.${linkId}`, code }),
    ]);
  });

  it('keeps a partial save, refuses a stale one, and completes with every required answer', async () => {
    const first = await h.as(nurse, 'PUT', url(episodeId), {
      answers: { smoker: true, fallsPastYear: 1 },
      version: 0,
      complete: false,
    });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({
      response: { status: 'in_progress', version: 1, completedAt: null },
    });

    const read = await h.as(secretary, 'GET', url(episodeId));
    expect(read.statusCode, read.body).toBe(200);
    expect(read.json()).toMatchObject({
      response: { answers: { smoker: true, fallsPastYear: 1 }, version: 1 },
    });
    expect(typeof read.json<{ response: { updatedBy: unknown } }>().response.updatedBy).toBe('string');

    // A second user still on version 0 (or anyone naming another version) is refused.
    for (const version of [0, 5]) {
      const stale = await h.as(nurse, 'PUT', url(episodeId), {
        answers: { smoker: false },
        version,
        complete: false,
      });
      expect(stale.statusCode, stale.body).toBe(409);
      expect(stale.json()).toMatchObject({ error: 'stale_version' });
    }

    const incomplete = await h.as(nurse, 'PUT', url(episodeId), {
      answers: { smoker: true, fallsPastYear: 1 },
      version: 1,
      complete: true,
    });
    expect(incomplete.statusCode, incomplete.body).toBe(400);
    const fields = incomplete
      .json<{ issues: { field: string; code: string }[] }>()
      .issues.map((i) => i.field);
    expect(fields).toContain('body.answers.usesGlucocorticoids');
    expect(fields).not.toContain('body.answers.glucocorticoidDoseMgPerDay');

    const done = await h.as(nurse, 'PUT', url(episodeId), { answers: COMPLETE, version: 1, complete: true });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({
      response: { status: 'completed', version: 2 },
    });
    expect(typeof done.json<{ response: { completedAt: unknown } }>().response.completedAt).toBe('string');
    expect(await count('intake_responses', episodeId)).toBe(1);
    expect(await count('intake_response_revisions', episodeId)).toBe(2);

    const audit = await h.db.owner.query<{ action: string; patient_id: string }>(
      `SELECT action, patient_id FROM audit_events
        WHERE object_type = 'intake_response' AND object_id = $1 ORDER BY occurred_at, id`,
      [episodeId],
    );
    expect(audit.rows.map((row) => row.action)).toEqual(['read', 'create', 'read', 'update']);
    expect(new Set(audit.rows.map((row) => row.patient_id))).toEqual(new Set([patientId]));
  });

  it('gives the engine its sections and the timeline its entries', async () => {
    const scope = { organizationId: h.orgA.id, patientId, episodeId };
    const { sections, timeline } = await inOrganization(h.db.app.db, h.orgA.id, async (tx) => ({
      sections: await loadIntakeSections(tx, scope),
      timeline: await intakeTimeline(tx, scope),
    }));
    expect(sections).toMatchObject({
      weightKg: 58,
      heightM: 1.65,
      glucocorticoids: { doseMgPerDayPrednisoneEq: 10, monthsUsed: 4, burstsPerYear: 0 },
      falls: { fallsPastYear: 2, worriedAboutFalling: true, difficultyWalkingOrBalance: false },
      calciumIntake: { servings: { milkGlass: 2, cheeseSlice: 1 } },
      vitaminD: { darkSkin: false, outdoorsSufficient: true, bodyCovering: false },
    });
    expect(timeline.map((entry) => [entry.kind, entry.details])).toEqual([
      ['intake_saved', { version: 1, answered: 2 }],
      ['intake_completed', { version: 2, answered: Object.keys(COMPLETE).length }],
    ]);
    expect(timeline[0]?.actor).toEqual(expect.any(String));
  });

  it('refuses saves on an ended episode, and secretaries may read but not write', async () => {
    const ended = await h.as(nurse, 'PUT', url(endedEpisodeId), { answers: {}, version: 0, complete: false });
    expect(ended.statusCode, ended.body).toBe(409);
    expect(ended.json()).toMatchObject({ error: 'episode_ended' });
    const bySecretary = await h.as(secretary, 'PUT', url(episodeId), {
      answers: {},
      version: 2,
      complete: false,
    });
    expect(bySecretary.statusCode).toBe(403);
  });

  it('shows another organisation nothing', async () => {
    expect((await h.as(nurseB, 'GET', url(episodeId))).statusCode).toBe(404);
    const write = await h.as(nurseB, 'PUT', url(episodeId), {
      answers: { smoker: true },
      version: 2,
      complete: false,
    });
    expect(write.statusCode).toBe(404);
    expect(await count('intake_response_revisions', episodeId)).toBe(2);
  });
});
