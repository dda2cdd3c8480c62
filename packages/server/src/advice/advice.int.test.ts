// The advice calculators over HTTP: answers, refusals at the field, who may call them, and that they write
// nothing (no patient data, no audit event).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ROLES,
  type CalciumAdvice,
  type CalciumFoods,
  type Role,
  type VitaminDAdvice,
} from '@osteopad/contract';
import { createHarness, type Harness, type Session } from '../../test/appHarness';

let h: Harness;
const sessions = new Map<Role, Session>();
const session = (role: Role): Session => {
  const s = sessions.get(role);
  if (s === undefined) throw new Error(`no session for ${role}`);
  return s;
};

const calcium = { ageYears: 72, sex: 'female', servings: { milkGlass: 2, cheeseSlice: 1 } };
const vitaminD = {
  ageYears: 72,
  sex: 'female',
  darkSkin: false,
  outdoorsSufficient: true,
  bodyCovering: false,
  onFracturePreventionMedication: true,
};

beforeAll(async () => {
  h = await createHarness();
  for (const role of ROLES) sessions.set(role, await h.login(h.orgA.users[role].username));
}, 120_000);

afterAll(async () => {
  await h.close();
});

async function auditCount(): Promise<number> {
  const result = await h.db.owner.query<{ n: string }>('SELECT count(*) AS n FROM audit_events');
  return Number(result.rows[0]?.n ?? 0);
}

describe('GET /api/advice/calcium/foods', () => {
  it('answers the food table to a patient', async () => {
    const response = await h.as(session('patient'), 'GET', '/api/advice/calcium/foods');
    expect(response.statusCode).toBe(200);
    const foods = response.json<CalciumFoods>();
    expect(foods.foods).toHaveLength(10);
    expect(foods.foods[0]).toEqual({ code: 'milkGlass', mgPerPortion: 180 });
    expect(foods).toMatchObject({ maxPortionsPerFood: 20, portionStep: 0.5 });
  });
});

describe('POST /api/advice/calcium', () => {
  it('answers intake, requirement, shortfall in portions and the rules; writes no audit event', async () => {
    const before = await auditCount();
    const response = await h.as(session('nurse'), 'POST', '/api/advice/calcium', calcium);
    expect(response.statusCode).toBe(200);
    const advice = response.json<CalciumAdvice>();
    expect(advice).toMatchObject({
      intakeMg: 515,
      requirementMgPerDay: 1200,
      requirementBasis: 'age',
      shortfallMg: 685,
      exceedsUpperLimit: false,
    });
    expect(advice.shortfallPortions[1]).toEqual({ food: 'milkGlass', portions: 4 });
    expect(advice.rules[0]).toEqual({
      ruleId: 'R12.1',
      sources: ['S22/004', 'S45'],
      marker: 'SOURCE',
      note: null,
    });
    expect(await auditCount()).toBe(before);
  });

  it('warns above the upper limit', async () => {
    const response = await h.as(session('patient'), 'POST', '/api/advice/calcium', {
      ...calcium,
      servings: { milkGlass: 10, cheeseSlice: 6 },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json<CalciumAdvice>()).toMatchObject({ intakeMg: 2730, exceedsUpperLimit: true });
  });

  it.each([
    ['negative portions', { servings: { milkGlass: -1 } }, 'body.servings.milkGlass', 'too_small'],
    ['200 portions', { servings: { milkGlass: 200 } }, 'body.servings.milkGlass', 'too_big'],
    [
      'a third of a portion',
      { servings: { cheeseSlice: 0.3 } },
      'body.servings.cheeseSlice',
      'not_multiple_of',
    ],
    ['an unknown food', { servings: { chocolate: 1 } }, 'body.servings.chocolate', 'unknown_field'],
    ['an age no one has', { ageYears: 150 }, 'body.ageYears', 'too_big'],
    ['an age under the table', { ageYears: 12 }, 'body.ageYears', 'not_covered'],
    ['a pregnant man', { sex: 'male', pregnant: true }, 'body.pregnant', 'inconsistent'],
    ['negative tablets', { supplementMgPerDay: -5 }, 'body.supplementMgPerDay', 'too_small'],
  ])('refuses %s with 400 at the field', async (_what, change, field, code) => {
    const response = await h.as(session('nurse'), 'POST', '/api/advice/calcium', { ...calcium, ...change });
    expect(response.statusCode, response.body).toBe(400);
    const body = response.json<{ error: string; issues: { field: string; code: string }[] }>();
    expect(body.error).toBe('validation');
    expect(body.issues).toContainEqual(expect.objectContaining({ field, code }));
  });
});

describe('POST /api/advice/vitamin-d', () => {
  it('answers R13.3 on medication with µg, IU and the rules', async () => {
    const response = await h.as(session('specialist'), 'POST', '/api/advice/vitamin-d', vitaminD);
    expect(response.statusCode).toBe(200);
    const advice = response.json<VitaminDAdvice>();
    expect(advice).toMatchObject({
      microgramPerDay: 20,
      iuPerDay: 800,
      basis: 'medication',
      scheme: 'GR2012',
    });
    expect(advice.withMedication?.rules[0]).toMatchObject({ ruleId: 'R13.3', sources: ['S20'] });
  });

  it('answers the population advice without medication', async () => {
    const response = await h.as(session('patient'), 'POST', '/api/advice/vitamin-d', {
      ...vitaminD,
      ageYears: 60,
      sex: 'male',
      darkSkin: true,
      onFracturePreventionMedication: false,
    });
    expect(response.statusCode).toBe(200);
    expect(response.json<VitaminDAdvice>()).toMatchObject({
      microgramPerDay: 10,
      iuPerDay: 400,
      basis: 'population',
      population: { matchedGroups: ['darkSkin'] },
    });
  });

  it.each([
    ['a missing answer', { darkSkin: undefined }, 'body.darkSkin'],
    ['an age below 0', { ageYears: -1 }, 'body.ageYears'],
    ['a broken age', { ageYears: 40.5 }, 'body.ageYears'],
    ['a pregnant man', { sex: 'male', pregnant: true }, 'body.pregnant'],
    ['a negative current dose', { currentDailyIU: -1 }, 'body.currentDailyIU'],
  ])('refuses %s with 400 at the field', async (_what, change, field) => {
    const response = await h.as(session('nurse'), 'POST', '/api/advice/vitamin-d', {
      ...vitaminD,
      ...change,
    });
    expect(response.statusCode, response.body).toBe(400);
    expect(response.json<{ issues: { field: string }[] }>().issues).toContainEqual(
      expect.objectContaining({ field }),
    );
  });
});

describe('who may use the calculators', () => {
  const routes = [
    ['GET', '/api/advice/calcium/foods', undefined],
    ['POST', '/api/advice/calcium', calcium],
    ['POST', '/api/advice/vitamin-d', vitaminD],
  ] as const;

  it('allows the clinical staff and the patient, refuses the other roles (403)', async () => {
    for (const [method, url, body] of routes) {
      for (const role of ROLES) {
        const response = await h.as(session(role), method, url, body);
        const allowed = role === 'specialist' || role === 'nurse' || role === 'patient';
        expect(response.statusCode, `${role} ${method} ${url}`).toBe(allowed ? 200 : 403);
      }
    }
  });

  it('refuses anonymous callers (401)', async () => {
    for (const [method, url, body] of routes) {
      const response = await h.app.inject({ method, url, ...(body === undefined ? {} : { payload: body }) });
      expect(response.statusCode, `${method} ${url}`).toBe(401);
    }
  });

  it('refuses a POST without the CSRF token', async () => {
    const response = await h.app.inject({
      method: 'POST',
      url: '/api/advice/calcium',
      cookies: { osteopad_session: session('patient').cookie },
      payload: calcium,
    });
    expect(response.statusCode).toBe(403);
  });
});
