// The intake questionnaire online (issue 13, item 2): the patient answers for their own episode in the
// consult only, saved as they go, submitted once; staff then see the answers (marked as the patient's)
// on the intake screen and the episode page; another patient's episode is not found; audited per save.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EpisodePage, Intake, PortalIntake } from '@osteopad/contract';
import { createHarness, TEST_PASSWORD, type Harness, type Session } from '../../test/appHarness';
import { inOrganization } from '../audit/auditedTransaction';
import { episodes } from '../db/schema';
import { createUser } from '../users/userAccounts';

let h: Harness;
let patient: Session;
let otherPatient: Session;
let nurse: Session;
let own = '';
let ownEpisode = '';
let otherEpisode = '';

const PARTIAL = { parentHipFracture: false, smoker: false, weightKg: 64 };
const COMPLETE = {
  ...PARTIAL,
  reducedMobility: false,
  rheumatoidArthritis: false,
  secondaryOsteoporosisCondition: false,
  heightCm: 170,
  usesGlucocorticoids: false,
  glucocorticoidBurstsPerYear: 0,
  fallsPastYear: 0,
  worriedAboutFalling: false,
  difficultyWalkingOrBalance: false,
  darkSkin: false,
  outdoorsSufficient: true,
  bodyCovering: false,
};

async function addEpisode(patientId: string, state: 'invited' | 'closed', openedOn: string): Promise<string> {
  return inOrganization(h.db.app.db, h.orgA.id, async (tx) => {
    const rows = await tx
      .insert(episodes)
      .values({ organizationId: h.orgA.id, patientId, state, openedOn })
      .returning({ id: episodes.id });
    return rows[0]?.id ?? '';
  });
}

async function portalIntake(session: Session): Promise<PortalIntake> {
  const r = await h.as(session, 'GET', '/api/portal/intake');
  expect(r.statusCode, r.body).toBe(200);
  return r.json<PortalIntake>();
}

const save = (session: Session, body: Record<string, unknown>) =>
  h.as(session, 'PUT', '/api/portal/intake', body);

async function auditCount(action: string): Promise<number> {
  const r = await h.db.owner.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM audit_events
      WHERE username = 'patient.intake' AND object_type = 'intake_response' AND action = $1 AND object_id = $2`,
    [action, ownEpisode],
  );
  return r.rows[0]?.n ?? -1;
}

beforeAll(async () => {
  h = await createHarness();
  own = h.orgA.patientIds[0] ?? '';
  const other = h.orgA.patientIds[1] ?? '';
  // An ended episode (newer) is not the one asked for; the open one is.
  ownEpisode = await addEpisode(own, 'invited', '2026-10-02');
  await addEpisode(own, 'closed', '2026-11-20');
  otherEpisode = await addEpisode(other, 'invited', '2026-10-05');
  for (const [username, patientId] of [
    ['patient.intake', own],
    ['patient.other', other],
  ] as const) {
    await createUser(h.db.app.db, {
      organizationId: h.orgA.id,
      username,
      displayName: username,
      role: 'patient',
      password: TEST_PASSWORD,
      patientId,
    });
  }
  patient = await h.login('patient.intake');
  otherPatient = await h.login('patient.other');
  nurse = await h.login(h.orgA.users.nurse.username);
}, 120_000);

afterAll(async () => {
  await h.close();
});

describe('the intake questionnaire online', () => {
  it('offers the questionnaire of the patient’s own open episode, empty at first', async () => {
    const first = await portalIntake(patient);
    expect(first.episode).toEqual({ id: ownEpisode, openedOn: '2026-10-02' });
    expect(first.open).toBe(true);
    expect(first.intake?.response).toBeNull();
    expect((await portalIntake(otherPatient)).episode?.id).toBe(otherEpisode);
  });

  it('keeps the answers as the patient goes, each save a new version, audited', async () => {
    const r = await save(patient, { episodeId: ownEpisode, answers: PARTIAL, version: 0, submit: false });
    expect(r.statusCode, r.body).toBe(200);
    const saved = r.json<PortalIntake>();
    expect(saved.intake?.response).toMatchObject({ status: 'in_progress', version: 1, byPatient: true });
    expect(saved.open).toBe(true);
    const again = await save(patient, {
      episodeId: ownEpisode,
      answers: { ...PARTIAL, heightCm: 170 },
      version: 1,
      submit: false,
    });
    expect(again.statusCode, again.body).toBe(200);
    expect((await portalIntake(patient)).intake?.response?.answers).toEqual({ ...PARTIAL, heightCm: 170 });
    expect(await auditCount('create')).toBe(1);
    expect(await auditCount('update')).toBe(1);
  });

  it('refuses an impossible answer at its field and keeps what was saved', async () => {
    const r = await save(patient, {
      episodeId: ownEpisode,
      answers: { ...PARTIAL, weightKg: 4000 },
      version: 2,
      submit: false,
    });
    expect(r.statusCode).toBe(400);
    expect(r.json<{ issues: { field: string; code: string }[] }>().issues).toEqual([
      expect.objectContaining({ field: 'body.answers.weightKg', code: 'out_of_range' }),
    ]);
    expect((await portalIntake(patient)).intake?.response?.version).toBe(2);
  });

  it('refuses a save on an older version, and a submission with a required answer missing', async () => {
    const stale = await save(patient, { episodeId: ownEpisode, answers: PARTIAL, version: 1, submit: false });
    expect(stale.statusCode).toBe(409);
    expect(stale.json<{ error: string }>().error).toBe('stale_version');
    const incomplete = await save(patient, {
      episodeId: ownEpisode,
      answers: PARTIAL,
      version: 2,
      submit: true,
    });
    expect(incomplete.statusCode).toBe(400);
    expect(incomplete.json<{ issues: { code: string }[] }>().issues.some((i) => i.code === 'required')).toBe(
      true,
    );
  });

  it('never writes to another patient’s episode, whatever the request names', async () => {
    const r = await save(patient, { episodeId: otherEpisode, answers: PARTIAL, version: 0, submit: false });
    expect(r.statusCode).toBe(404);
    const rows = await h.db.owner.query('SELECT 1 FROM intake_responses WHERE episode_id = $1', [
      otherEpisode,
    ]);
    expect(rows.rows).toEqual([]);
  });

  it('is submitted once; then staff see the patient’s answers and the portal changes nothing more', async () => {
    const r = await save(patient, { episodeId: ownEpisode, answers: COMPLETE, version: 2, submit: true });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json<PortalIntake>()).toMatchObject({
      open: false,
      intake: { response: { status: 'completed' } },
    });
    expect((await portalIntake(patient)).open).toBe(false);

    const again = await save(patient, { episodeId: ownEpisode, answers: PARTIAL, version: 3, submit: false });
    expect(again.statusCode).toBe(409);
    expect(again.json<{ error: string }>().error).toBe('intake_submitted');

    const staff = await h.as(nurse, 'GET', `/api/episodes/${ownEpisode}/intake`);
    expect(staff.json<Intake>().response).toMatchObject({
      status: 'completed',
      answers: COMPLETE,
      byPatient: true,
      updatedBy: 'patient.intake',
    });
    const page = await h.as(nurse, 'GET', `/api/episodes/${ownEpisode}`);
    expect(page.statusCode, page.body).toBe(200);
    expect(page.json<EpisodePage>().intake).toMatchObject({
      status: 'completed',
      byPatient: true,
      answered: Object.keys(COMPLETE).length,
    });
    // Staff may still correct it with the patient: then it is no longer marked as the patient's.
    const corrected = await h.as(nurse, 'PUT', `/api/episodes/${ownEpisode}/intake`, {
      answers: { ...COMPLETE, heightCm: 171 },
      version: 3,
      complete: true,
    });
    expect(corrected.statusCode, corrected.body).toBe(200);
    expect(corrected.json<Intake>().response?.byPatient).toBe(false);
  });

  it('asks nothing when the patient has no episode in the consult', async () => {
    const nobody = h.orgA.patientIds[2] ?? '';
    await createUser(h.db.app.db, {
      organizationId: h.orgA.id,
      username: 'patient.none',
      displayName: 'No episode',
      role: 'patient',
      password: TEST_PASSWORD,
      patientId: nobody,
    });
    const session = await h.login('patient.none');
    const answer = await portalIntake(session);
    expect(answer).toMatchObject({ episode: null, open: false, intake: null });
    const r = await save(session, { episodeId: ownEpisode, answers: PARTIAL, version: 0, submit: false });
    expect(r.statusCode).toBe(404);
  });
});
