// DXA and VFA entry through the API: the live preview writes nothing, a save moves an episode in
// intake to investigated, impossible values are refused field by field with nothing saved, a stale
// version is refused, and the reads are audited.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness, type Session } from '../../test/appHarness';
import { episodes, fractureEvents } from '../db/schema';
import { inOrganization } from '../audit/auditedTransaction';

let h: Harness;
let nurse: Session;
let secretary: Session;
let nurseB: Session;

async function makeEpisode(state: 'intake' | 'invited' | 'declined', patientIndex = 0): Promise<string> {
  const patientId = h.orgA.patientIds[patientIndex] ?? '';
  return inOrganization(h.db.app.db, h.orgA.id, async (tx) => {
    const fracture = await tx
      .insert(fractureEvents)
      .values({
        organizationId: h.orgA.id,
        patientId,
        fractureDate: '2026-05-01',
        siteCode: 'radius_distal',
        identityKey: `radius_distal-${state}-${String(Math.random())}`,
        eligibility: 'eligible',
        eligibilityReason: 'qualifyingFracture',
      })
      .returning({ id: fractureEvents.id });
    const episode = await tx
      .insert(episodes)
      .values({
        organizationId: h.orgA.id,
        patientId,
        indexFractureId: fracture[0]?.id ?? null,
        state,
        openedOn: '2026-05-02',
      })
      .returning({ id: episodes.id });
    return episode[0]?.id ?? '';
  });
}

const DXA = {
  examDate: '2026-06-01',
  device: 'Hologic Horizon A',
  sites: {
    lumbarSpine: { bmdGcm2: 0.81, tScore: -2.3, zScore: -1.1, vertebraeEvaluable: 4 },
    totalHip: { bmdGcm2: 0.7, tScore: -2.0, zScore: -0.9 },
    femoralNeck: { bmdGcm2: 0.6, tScore: -2.6, zScore: -1.4 },
  },
};

async function count(table: 'dxa_exams' | 'vfa_exams', episodeId: string): Promise<number> {
  const r = await h.db.owner.query<{ n: string }>(
    `SELECT count(*) AS n FROM ${table} WHERE episode_id = $1`,
    [episodeId],
  );
  return Number(r.rows[0]?.n ?? 0);
}

async function state(episodeId: string): Promise<string> {
  const r = await h.db.owner.query<{ state: string; reason: string | null }>(
    'SELECT state, state_reason_code AS reason FROM episodes WHERE id = $1',
    [episodeId],
  );
  return `${r.rows[0]?.state ?? ''}/${r.rows[0]?.reason ?? ''}`;
}

beforeAll(async () => {
  h = await createHarness();
  h.clock.set('2026-06-15T09:00:00Z');
  nurse = await h.login(h.orgA.users.nurse.username);
  secretary = await h.login(h.orgA.users.secretary.username);
  nurseB = await h.login(h.orgB.users.nurse.username);
}, 120_000);

afterAll(async () => {
  await h.close();
});

describe('DXA', () => {
  it('previews the engine classification (lowest site, rule IDs) and writes nothing', async () => {
    const episodeId = await makeEpisode('intake');
    const r = await h.as(nurse, 'POST', `/api/episodes/${episodeId}/dxa/preview`, DXA);
    expect(r.statusCode, r.body).toBe(200);
    const { classification } = r.json<{
      classification: {
        lowestSite: string;
        lowestTScore: number;
        missing: string[];
        sites: { site: string; category: string; used: boolean }[];
        explanation: { rules: { ruleId: string; marker: string; sources: string[] }[] };
      };
    }>();
    expect(classification.lowestSite).toBe('femoralNeck');
    expect(classification.lowestTScore).toBe(-2.6);
    // A woman of unknown menopausal status: the engine needs it before it names the category (R4.5).
    expect(classification.missing).toContain('menopausalStatus');
    expect(classification.sites.find((s) => s.site === 'femoralNeck')?.category).toBe('osteoporosis');
    expect(classification.sites.find((s) => s.site === 'totalHip')?.category).toBe('osteopenia');
    expect(classification.explanation.rules.map((x) => x.ruleId)).toContain('R4.1');
    expect(await count('dxa_exams', episodeId)).toBe(0);
    expect(await state(episodeId)).toBe('intake/');
  });

  it('records a DXA, moves the episode from intake to investigated, and reads it back', async () => {
    const episodeId = await makeEpisode('intake');
    const r = await h.as(nurse, 'POST', `/api/episodes/${episodeId}/dxa`, DXA);
    expect(r.statusCode, r.body).toBe(201);
    const saved = r.json<{ exam: { id: string; version: number }; episodeState: string }>();
    expect(saved.episodeState).toBe('investigated');
    expect(saved.exam.version).toBe(1);
    expect(await state(episodeId)).toBe('investigated/investigations_recorded');
    // The pathway invariant: the specialist's decision is now the episode's dated task.
    const open = await h.db.owner.query<{ kind: string; due: string; role: string }>(
      `SELECT kind, due_date AS due, assignee_role AS role FROM tasks WHERE episode_id = $1 AND status = 'open'`,
      [episodeId],
    );
    expect(open.rows).toEqual([{ kind: 'record_decision', due: '2026-06-15', role: 'specialist' }]);

    const read = await h.as(nurse, 'GET', `/api/episodes/${episodeId}/investigations`);
    expect(read.statusCode, read.body).toBe(200);
    const body = read.json<{
      dxaExams: { id: string; device: string; classification: { lowestSite: string } }[];
    }>();
    expect(body.dxaExams).toHaveLength(1);
    expect(body.dxaExams[0]?.device).toBe('Hologic Horizon A');
    expect(body.dxaExams[0]?.classification.lowestSite).toBe('femoralNeck');
    const audit = await h.db.owner.query<{ n: string }>(
      "SELECT count(*) AS n FROM audit_events WHERE object_type = 'dxa_exam' AND object_id = $1 AND action IN ('create', 'read')",
      [saved.exam.id],
    );
    expect(Number(audit.rows[0]?.n)).toBe(2);
  });

  it('refuses impossible values field by field and saves nothing', async () => {
    const episodeId = await makeEpisode('intake');
    const r = await h.as(nurse, 'POST', `/api/episodes/${episodeId}/dxa`, {
      examDate: '2026-06-16',
      sites: {
        lumbarSpine: { tScore: 15, bmdGcm2: 9 },
        totalHip: { tScore: -12, bmdGcm2: 0 },
        femoralNeck: { vertebraeEvaluable: 2 },
      },
    });
    expect(r.statusCode, r.body).toBe(400);
    const issues = r.json<{ issues: { field: string; code: string }[] }>().issues;
    expect(issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'body.examDate', code: 'future_date' }),
        expect.objectContaining({ field: 'body.sites.lumbarSpine.tScore', code: 'score_out_of_range' }),
        expect.objectContaining({ field: 'body.sites.lumbarSpine.bmdGcm2', code: 'bmd_out_of_range' }),
        expect.objectContaining({ field: 'body.sites.totalHip.tScore', code: 'score_out_of_range' }),
        expect.objectContaining({ field: 'body.sites.totalHip.bmdGcm2', code: 'bmd_out_of_range' }),
        expect.objectContaining({
          field: 'body.sites.femoralNeck.vertebraeEvaluable',
          code: 'vertebrae_evaluable_spine_only',
        }),
      ]),
    );
    const before = await h.as(nurse, 'POST', `/api/episodes/${episodeId}/dxa/preview`, {
      ...DXA,
      examDate: '1940-01-01',
    });
    expect(before.json<{ issues: { code: string }[] }>().issues.map((i) => i.code)).toEqual(['before_birth']);
    expect(await count('dxa_exams', episodeId)).toBe(0);
    expect(await state(episodeId)).toBe('intake/');
  });

  it('refuses the second of two saves from the same version', async () => {
    const episodeId = await makeEpisode('intake');
    const created = await h.as(nurse, 'POST', `/api/episodes/${episodeId}/dxa`, DXA);
    const { id } = created.json<{ exam: { id: string } }>().exam;
    const first = await h.as(nurse, 'PUT', `/api/dxa-exams/${id}`, {
      ...DXA,
      device: 'GE Lunar',
      version: 1,
    });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json<{ exam: { version: number } }>().exam.version).toBe(2);
    const second = await h.as(nurse, 'PUT', `/api/dxa-exams/${id}`, { ...DXA, device: 'Other', version: 1 });
    expect(second.statusCode, second.body).toBe(409);
    expect(second.json<{ error: string }>().error).toBe('stale_version');
    const stored = await h.db.owner.query<{ device: string }>('SELECT device FROM dxa_exams WHERE id = $1', [
      id,
    ]);
    expect(stored.rows[0]?.device).toBe('GE Lunar');
  });

  it('refuses recording for an ended episode and allows it before intake without a state change', async () => {
    const ended = await makeEpisode('declined');
    const refused = await h.as(nurse, 'POST', `/api/episodes/${ended}/dxa`, DXA);
    expect(refused.statusCode, refused.body).toBe(409);
    expect(refused.json<{ error: string }>().error).toBe('episode_ended');
    const early = await makeEpisode('invited');
    const ok = await h.as(nurse, 'POST', `/api/episodes/${early}/dxa`, DXA);
    expect(ok.statusCode, ok.body).toBe(201);
    expect(await state(early)).toBe('invited/');
  });

  it('is for clinical roles of the same organisation only', async () => {
    const episodeId = await makeEpisode('intake');
    expect((await h.as(secretary, 'GET', `/api/episodes/${episodeId}/investigations`)).statusCode).toBe(403);
    expect((await h.as(nurseB, 'POST', `/api/episodes/${episodeId}/dxa`, DXA)).statusCode).toBe(404);
  });
});

describe('VFA', () => {
  it('previews the R5 category from grades and height loss', async () => {
    const episodeId = await makeEpisode('intake');
    const r = await h.as(nurse, 'POST', `/api/episodes/${episodeId}/vfa/preview`, {
      examDate: '2026-06-01',
      assessable: true,
      vertebrae: [
        { level: 'T12', genantGrade: 2 },
        { level: 'L1', heightLossPercent: 30 },
      ],
    });
    expect(r.statusCode, r.body).toBe(200);
    const { result } = r.json<{ result: { category: string; grades: { level: string; grade: number }[] } }>();
    expect(result.category).toBe('grade2_multiple');
    expect(result.grades).toEqual([
      { level: 'T12', grade: 2 },
      { level: 'L1', grade: 2 },
    ]);
    expect(await count('vfa_exams', episodeId)).toBe(0);
  });

  it('refuses grade 4 and a height loss over 100 %, saves nothing', async () => {
    const episodeId = await makeEpisode('intake');
    const r = await h.as(nurse, 'POST', `/api/episodes/${episodeId}/vfa`, {
      examDate: '2026-06-01',
      assessable: true,
      vertebrae: [
        { level: 'T12', genantGrade: 4 },
        { level: 'L1', heightLossPercent: 101 },
      ],
    });
    expect(r.statusCode, r.body).toBe(400);
    expect(r.json<{ issues: { field: string; code: string }[] }>().issues).toEqual([
      expect.objectContaining({ field: 'body.vertebrae.0.genantGrade', code: 'genant_grade_invalid' }),
      expect.objectContaining({
        field: 'body.vertebrae.1.heightLossPercent',
        code: 'height_loss_out_of_range',
      }),
    ]);
    expect(await count('vfa_exams', episodeId)).toBe(0);
  });

  it('records a VFA, moves the episode along, and refuses a stale correction', async () => {
    const episodeId = await makeEpisode('intake');
    const body = { examDate: '2026-06-01', assessable: true, vertebrae: [{ level: 'T8', genantGrade: 3 }] };
    const r = await h.as(nurse, 'POST', `/api/episodes/${episodeId}/vfa`, body);
    expect(r.statusCode, r.body).toBe(201);
    const saved = r.json<{ exam: { id: string; result: { category: string } }; episodeState: string }>();
    expect(saved.exam.result.category).toBe('grade3');
    expect(saved.episodeState).toBe('investigated');
    const first = await h.as(nurse, 'PUT', `/api/vfa-exams/${saved.exam.id}`, { ...body, version: 1 });
    expect(first.statusCode, first.body).toBe(200);
    const second = await h.as(nurse, 'PUT', `/api/vfa-exams/${saved.exam.id}`, { ...body, version: 1 });
    expect(second.statusCode).toBe(409);
    expect(second.json<{ error: string }>().error).toBe('stale_version');
  });
});
