import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseClinicalConfig } from '@osteopad/clinical';
import type { Assessment, DecisionAnswer } from '@osteopad/contract';
import { buildApp } from '../http/app';
import { DEFAULT_APP_CONFIG } from '../http/config';
import { SESSION_COOKIE } from '../auth/authenticate';
import { inOrganization } from '../audit/auditedTransaction';
import { episodes, fractureEvents, tasks } from '../db/schema';
import { createHarness, type Harness, type Session } from '../../test/appHarness';
import { buildPatientInput } from './buildPatientInput';
import { loadStoredDecision, decisionTimeline } from './storedDecision';

let h: Harness;
let nurse: Session;
let specialist: Session;
let secretary: Session;
let patientId: string;

async function newEpisode(state: 'investigated' | 'intake'): Promise<string> {
  return inOrganization(h.db.app.db, h.orgA.id, async (tx) => {
    const fracture = await tx
      .insert(fractureEvents)
      .values({
        organizationId: h.orgA.id,
        patientId,
        fractureDate: '2026-10-01',
        siteCode: 'radius_forearm_wrist',
        identityKey: `wrist-${Math.random()}`,
        eligibility: 'eligible',
        eligibilityReason: 'qualifyingFracture',
        traumaMechanism: 'low',
        pathological: false,
      })
      .returning({ id: fractureEvents.id });
    const episode = await tx
      .insert(episodes)
      .values({
        organizationId: h.orgA.id,
        patientId,
        indexFractureId: fracture[0]?.id ?? null,
        state,
        openedOn: '2026-10-02',
      })
      .returning({ id: episodes.id });
    const id = episode[0]?.id ?? '';
    await tx.insert(tasks).values({
      organizationId: h.orgA.id,
      episodeId: id,
      patientId,
      kind: 'review_eligibility',
      dueDate: '2026-10-03',
      assigneeRole: 'nurse',
    });
    return id;
  });
}

const assessmentOf = async (session: Session, episodeId: string): Promise<Assessment> => {
  const response = await h.as(session, 'GET', `/api/episodes/${episodeId}/assessment`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json<Assessment>();
};

function choices(a: Assessment, override?: { code: string; value: string; reason: string }) {
  return a.items.map((i) =>
    i.code === override?.code
      ? { code: i.code, choice: 'override', value: override.value, reason: override.reason }
      : { code: i.code, choice: 'accept' },
  );
}

beforeAll(async () => {
  h = await createHarness();
  patientId = h.orgA.patientIds[0] ?? '';
  nurse = await h.login(h.orgA.users.nurse.username);
  specialist = await h.login(h.orgA.users.specialist.username);
  secretary = await h.login(h.orgA.users.secretary.username);
}, 120_000);
afterAll(async () => {
  await h.close();
});

describe('the assessment', () => {
  it('answers every item with its rules, and what it lacks where the engine cannot decide', async () => {
    const episodeId = await newEpisode('investigated');
    const a = await assessmentOf(nurse, episodeId);
    expect(a.items.map((i) => i.code)).toEqual([
      'diagnosis',
      'vertebral_fractures',
      'treatment_indication',
      'drug',
      'referral_fall_clinic',
      'referral_physiotherapy',
      'referral_secondary_osteoporosis',
      'referral_dentist',
      'lifestyle',
      'follow_up',
      'calcium',
      'vitamin_d',
    ]);
    const diagnosis = a.items.find((i) => i.code === 'diagnosis');
    expect(diagnosis).toMatchObject({ status: 'insufficientData', value: null, missing: ['dxa'] });
    expect(diagnosis?.rules.map((r) => r.ruleId)).toContain('R4.1');
    expect(a.sections).toEqual(['sex', 'birthDate', 'fractures']);
    expect(a.latestDecisionId).toBeNull();
    expect(a.engineVersion).toBe('0.1.0');
    const secretaryAnswer = await h.as(secretary, 'GET', `/api/episodes/${episodeId}/assessment`);
    expect(secretaryAnswer.statusCode).toBe(403);
  });

  it('merges what the consult’s loaders answer into the engine’s input', async () => {
    const episodeId = await newEpisode('investigated');
    const built = await inOrganization(h.db.app.db, h.orgA.id, (tx) =>
      buildPatientInput(tx, { organizationId: h.orgA.id, patientId, episodeId }, [
        () => Promise.resolve({ dxa: { lumbarSpine: { tScore: -2.7 } } }),
      ]),
    );
    expect(built.sections).toContain('dxa');
    expect(built.input.dxa).toEqual({ lumbarSpine: { tScore: -2.7 } });
    expect(built.input.fractures?.filter((f) => f.isIndex === true)).toEqual([
      expect.objectContaining({ site: 'radius_forearm_wrist', mechanism: 'lowEnergy' }),
    ]);
  });
});

describe('recording a decision', () => {
  it('refuses an override without a reason at its field, and stores nothing', async () => {
    const episodeId = await newEpisode('investigated');
    const a = await assessmentOf(nurse, episodeId);
    const body = {
      fingerprint: a.fingerprint,
      basedOnDecisionId: null,
      items: choices(a, { code: 'referral_fall_clinic', value: 'refer', reason: '' }),
    };
    const refused = await h.as(nurse, 'POST', `/api/episodes/${episodeId}/decision`, body);
    expect(refused.statusCode).toBe(400);
    expect(refused.json<{ issues: { field: string; code: string }[] }>().issues).toEqual([
      expect.objectContaining({ field: 'body.items.4.reason', code: 'reason_required' }),
    ]);
    const stored = await h.as(nurse, 'GET', `/api/episodes/${episodeId}/decision`);
    expect(stored.json<DecisionAnswer>().decision).toBeNull();
    const badValue = await h.as(nurse, 'POST', `/api/episodes/${episodeId}/decision`, {
      ...body,
      items: choices(a, { code: 'drug', value: 'aspirin', reason: 'x' }),
    });
    expect(badValue.json<{ issues: { field: string; code: string }[] }>().issues).toEqual([
      expect.objectContaining({ field: 'body.items.3.value', code: 'invalid_value' }),
    ]);
  });

  it('stores the decision with its plan, moves the episode, and reopens it exactly, also under another configuration', async () => {
    const episodeId = await newEpisode('investigated');
    const a = await assessmentOf(nurse, episodeId);
    const recorded = await h.as(nurse, 'POST', `/api/episodes/${episodeId}/decision`, {
      fingerprint: a.fingerprint,
      basedOnDecisionId: null,
      items: choices(a, {
        code: 'referral_fall_clinic',
        value: 'refer',
        reason: 'Valt vaak volgens de huisarts',
      }),
    });
    expect(recorded.statusCode, recorded.body).toBe(200);
    const decision = recorded.json<{
      id: string;
      episodeState: string;
      plan: { outcome: string; tasks: { kind: string; role: string }[] };
    }>();
    expect(decision.episodeState).toBe('no_treatment');
    expect(decision.plan.tasks.map((t) => [t.kind, t.role])).toEqual([
      ['referral_fall_clinic', 'nurse'],
      ['send_result_letter', 'secretary'],
      ['send_gp_letter', 'secretary'],
    ]);
    const db = h.db.owner;
    const state = await db.query<{ state: string }>(`SELECT state FROM episodes WHERE id = $1`, [episodeId]);
    expect(state.rows[0]?.state).toBe('no_treatment');
    const events = await db.query<{ to_state: string; reason_code: string }>(
      `SELECT to_state, reason_code FROM episode_events WHERE episode_id = $1 ORDER BY id`,
      [episodeId],
    );
    expect(events.rows).toEqual([
      { to_state: 'decided', reason_code: 'decision_recorded' },
      { to_state: 'no_treatment', reason_code: 'no_treatment_decided' },
    ]);
    const taskRows = await db.query<{ kind: string; status: string }>(
      `SELECT kind, status FROM tasks WHERE episode_id = $1 ORDER BY kind`,
      [episodeId],
    );
    expect(taskRows.rows).toContainEqual({ kind: 'review_eligibility', status: 'done' });
    expect(taskRows.rows).toContainEqual({ kind: 'referral_fall_clinic', status: 'open' });
    const audit = await db.query<{ action: string; object_type: string }>(
      `SELECT action, object_type FROM audit_events WHERE patient_id = $1 AND object_id = $2`,
      [patientId, decision.id],
    );
    expect(audit.rows).toEqual([{ action: 'create', object_type: 'decision' }]);

    const reopened = (
      await h.as(specialist, 'GET', `/api/episodes/${episodeId}/decision`)
    ).json<DecisionAnswer>();
    expect(reopened.decision?.id).toBe(decision.id);
    expect(reopened.decision?.items.find((i) => i.code === 'referral_fall_clinic')).toMatchObject({
      choice: 'override',
      decidedValue: 'refer',
      reason: 'Valt vaak volgens de huisarts',
    });

    // Another configuration (and so another fingerprint): the stored decision reads back unchanged.
    const other = parseClinicalConfig({
      version: 'Other-2027',
      values: { 'eligibility.recentFractureWindowMonths': { value: 12, note: 'test' } },
    });
    const app2 = await buildApp({
      db: h.db.app.db,
      clock: h.clock.now,
      clinical: other,
      config: { ...DEFAULT_APP_CONFIG, logLevel: 'silent' },
    });
    try {
      const again = await app2.inject({
        method: 'GET',
        url: `/api/episodes/${episodeId}/decision`,
        cookies: { [SESSION_COOKIE]: specialist.cookie },
      });
      expect(again.json<DecisionAnswer>()).toEqual(reopened);
      const fresh = await app2.inject({
        method: 'GET',
        url: `/api/episodes/${episodeId}/assessment`,
        cookies: { [SESSION_COOKIE]: specialist.cookie },
      });
      expect(fresh.json<Assessment>().configVersion).toBe('Other-2027');
      expect(fresh.json<Assessment>().fingerprint).not.toBe(a.fingerprint);
    } finally {
      await app2.close();
    }

    const stored = await inOrganization(h.db.app.db, h.orgA.id, (tx) =>
      loadStoredDecision(tx, { organizationId: h.orgA.id, patientId, episodeId }),
    );
    expect(stored).toMatchObject({
      id: decision.id,
      outcome: 'no_treatment',
      referrals: ['referral_fall_clinic'],
      overrides: [{ code: 'referral_fall_clinic', decidedValue: 'refer' }],
      dxa: null,
    });
    const timeline = await inOrganization(h.db.app.db, h.orgA.id, (tx) =>
      decisionTimeline(tx, { organizationId: h.orgA.id, patientId, episodeId }),
    );
    expect(timeline.map((e) => [e.kind, e.details.overrides])).toEqual([['decision_recorded', 1]]);
  });

  it('names the configuration version in force: a version made on the screen applies to the next decision', async () => {
    const episodeId = await newEpisode('investigated');
    const before = await assessmentOf(specialist, episodeId);
    const current = (await h.as(specialist, 'GET', '/api/clinical-config')).json<{ versionNumber: number }>();
    const made = await h.as(specialist, 'POST', '/api/clinical-config/versions', {
      basedOn: current.versionNumber,
      reason: 'Venster voor de uitnodiging ingekort',
      changes: [{ key: 'eligibility.recentFractureWindowMonths', value: 18 }],
    });
    expect(made.statusCode, made.body).toBe(200);
    const version = made.json<{ configVersion: string; configFingerprint: string }>();
    // Assessed under the version before: the fingerprint no longer matches, nothing is stored.
    const stale = await h.as(specialist, 'POST', `/api/episodes/${episodeId}/decision`, {
      fingerprint: before.fingerprint,
      basedOnDecisionId: null,
      items: choices(before),
    });
    expect(stale.statusCode).toBe(409);
    const after = await assessmentOf(specialist, episodeId);
    expect(after.configVersion).toBe(version.configVersion);
    const recorded = await h.as(specialist, 'POST', `/api/episodes/${episodeId}/decision`, {
      fingerprint: after.fingerprint,
      basedOnDecisionId: null,
      items: choices(after),
    });
    expect(recorded.statusCode, recorded.body).toBe(200);
    const row = await h.db.owner.query<{ config_version: string; config_fingerprint: string }>(
      'SELECT config_version, config_fingerprint FROM decisions WHERE episode_id = $1',
      [episodeId],
    );
    expect(row.rows).toEqual([
      { config_version: version.configVersion, config_fingerprint: version.configFingerprint },
    ]);
  });

  it('refuses the second of two clinicians deciding on the same state, and a stale fingerprint', async () => {
    const episodeId = await newEpisode('investigated');
    const a = await assessmentOf(nurse, episodeId);
    const body = { fingerprint: a.fingerprint, basedOnDecisionId: null, items: choices(a) };
    const [first, second] = await Promise.all([
      h.as(nurse, 'POST', `/api/episodes/${episodeId}/decision`, body),
      h.as(specialist, 'POST', `/api/episodes/${episodeId}/decision`, body),
    ]);
    expect([first.statusCode, second.statusCode].sort()).toEqual([200, 409]);
    const refused = first.statusCode === 409 ? first : second;
    expect(refused.json<{ error: string }>().error).toBe('stale_version');
    const count = await h.db.owner.query(`SELECT count(*)::int AS n FROM decisions WHERE episode_id = $1`, [
      episodeId,
    ]);
    expect(count.rows[0]).toEqual({ n: 1 });

    const latest = (await assessmentOf(nurse, episodeId)).latestDecisionId;
    const wrongPrint = await h.as(nurse, 'POST', `/api/episodes/${episodeId}/decision`, {
      ...body,
      basedOnDecisionId: latest,
      fingerprint: 'not-the-current-one',
    });
    expect(wrongPrint.statusCode).toBe(409);
    expect(wrongPrint.json<{ error: string }>().error).toBe('assessment_changed');
    // A later decision supersedes: a new row, the first untouched.
    const later = await h.as(nurse, 'POST', `/api/episodes/${episodeId}/decision`, {
      ...body,
      basedOnDecisionId: latest,
    });
    expect(later.statusCode, later.body).toBe(200);
    expect(later.json<{ sequence: number; supersedesId: string }>()).toMatchObject({
      sequence: 2,
      supersedesId: latest,
    });
  });

  it('refuses a decision on an episode that changed after it was assessed (episodes.version)', async () => {
    const episodeId = await newEpisode('investigated');
    const a = await assessmentOf(nurse, episodeId);
    // Someone else acts on the episode in the meantime (a task, an appointment, a transition).
    await h.db.owner.query(`UPDATE episodes SET version = version + 1 WHERE id = $1`, [episodeId]);
    const refused = await h.as(nurse, 'POST', `/api/episodes/${episodeId}/decision`, {
      fingerprint: a.fingerprint,
      basedOnDecisionId: null,
      episodeVersion: a.episodeVersion,
      items: choices(a),
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json<{ error: string }>().error).toBe('stale_version');
    const again = await assessmentOf(nurse, episodeId);
    expect(again.episodeVersion).toBe(a.episodeVersion + 1);
    const accepted = await h.as(nurse, 'POST', `/api/episodes/${episodeId}/decision`, {
      fingerprint: again.fingerprint,
      basedOnDecisionId: null,
      episodeVersion: again.episodeVersion,
      items: choices(again),
    });
    expect(accepted.statusCode, accepted.body).toBe(200);
  });

  it('refuses a decision before the investigations, and the application cannot change a stored one', async () => {
    const episodeId = await newEpisode('intake');
    const a = await assessmentOf(nurse, episodeId);
    const refused = await h.as(nurse, 'POST', `/api/episodes/${episodeId}/decision`, {
      fingerprint: a.fingerprint,
      basedOnDecisionId: null,
      items: choices(a),
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json<{ error: string }>().error).toBe('not_investigated');
    const update = await inOrganization(h.db.app.db, h.orgA.id, (tx) =>
      tx.execute(`UPDATE decisions SET plan = '{}'::jsonb`),
    ).catch((error: unknown) => error);
    expect(update).toBeInstanceOf(Error);
    expect(String((update as Error).cause)).toMatch(/permission denied/);
  });
});
