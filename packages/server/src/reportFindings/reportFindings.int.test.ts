import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness, type Session } from '../../test/appHarness';
import { readFile } from 'node:fs/promises';
import { fixturePath, fixtureStream } from '../../test/fixtureFiles';
import { SESSION_COOKIE } from '../auth/authenticate';
import { scanReportFile } from '../caseFinding/parsers/reports/scanReports';
import { cliSubject } from '../caseFinding/channels/cli/cliSubject';
import { importReportFindings } from '../caseFinding/pipeline/importReportFindings';

let h: Harness;
let nurse: Session;

interface Finding {
  id: string;
  patientId: string | null;
  reportId: string;
  sentence: string;
  highlightStart: number;
  highlightEnd: number;
  levels: string[];
  genantGrade: number | null;
  known: boolean;
}

const run = (skipInvalid: boolean) =>
  importReportFindings(
    h.db.app.db,
    scanReportFile(fixtureStream('reports/reports-nl-en.txt'), { today: '2025-06-01' }),
    {
      organizationId: h.orgA.id,
      subject: cliSubject(h.orgA.id, 'cli'),
      fileName: 'reports-nl-en.txt',
      sourceSystem: 'hospital',
      skipInvalid,
      clock: () => new Date('2025-06-01T09:00:00Z'),
    },
  );

beforeAll(async () => {
  h = await createHarness();
  h.clock.set('2025-06-01T09:00:00Z');
  nurse = await h.login(h.orgA.users.nurse.username);
  for (const p of [
    {
      familyName: 'de Vries',
      birthDate: '1950-03-14',
      sex: 'female',
      bsn: '999900006',
      sourceId: '1234567',
      sourceSystem: 'hospital',
    },
    {
      familyName: 'Visser',
      birthDate: '1945-01-01',
      sex: 'male',
      sourceId: '8001',
      sourceSystem: 'hospital',
    },
  ]) {
    const r = await h.as(nurse, 'POST', '/api/patients', p);
    if (r.statusCode !== 201) throw new Error(r.body);
  }
});
afterAll(async () => {
  await h.close();
});

describe('radiology report findings', () => {
  it('a file with invalid rows stores nothing unless skip-invalid', async () => {
    const rejected = await run(false);
    expect(rejected.status).toBe('rejected');
    expect(rejected.errors.length).toBeGreaterThan(0);
    const n = await h.db.owner.query('SELECT count(*)::int n FROM report_findings');
    expect(n.rows).toEqual([{ n: 0 }]);
  });

  it('stores non-negated findings, matched to known patients, once', async () => {
    const summary = await run(true);
    expect(summary.status).toBe('succeeded');
    expect(summary.findings).toBeGreaterThanOrEqual(3);
    expect(summary.matched).toBeGreaterThanOrEqual(2);
    expect(summary.negatedMentions).toBeGreaterThanOrEqual(2);
    const again = await run(true);
    expect(again.duplicates).toBe(summary.findings);
  });

  it('lists open findings with the sentence and the phrase to highlight', async () => {
    const r = await h.as(nurse, 'GET', '/api/report-findings');
    const items = r.json<{ items: Finding[] }>().items;
    const th12 = items.find((i) => i.reportId === 'R001');
    expect(th12).toMatchObject({ levels: ['Th12'], genantGrade: 2, known: false });
    expect(th12?.sentence.slice(th12.highlightStart, th12.highlightEnd).toLowerCase()).toContain(
      'wervelfractuur',
    );
    expect(items.map((i) => i.reportId)).not.toContain('R002'); // "geen wervelfractuur"
    expect(items.map((i) => i.reportId)).not.toContain('R005'); // wrist fracture; spine without fractures
  });

  it('confirming a finding brings the patient into the pathway with a vertebral fracture', async () => {
    const items = (await h.as(nurse, 'GET', '/api/report-findings')).json<{ items: Finding[] }>().items;
    const th12 = items.find((i) => i.reportId === 'R001');
    const r = await h.as(nurse, 'POST', `/api/report-findings/${th12?.id ?? ''}/review`, {
      decision: 'confirm',
      note: 'klopt',
    });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({ status: 'confirmed', imported: 1 });
    const episode = await h.db.owner.query(
      `SELECT e.patient_group, f.site_code, f.vertebral_levels, f.genant_grade, f.source_format, f.eligibility
       FROM episodes e JOIN fracture_events f ON f.id = e.index_fracture_id WHERE e.patient_id = $1`,
      [th12?.patientId],
    );
    expect(episode.rows).toEqual([
      {
        patient_group: 'vertebral',
        site_code: 'spine_thoracolumbar',
        vertebral_levels: ['Th12'],
        genant_grade: 2,
        source_format: 'reports',
        eligibility: 'eligible',
      },
    ]);
    const twice = await h.as(nurse, 'POST', `/api/report-findings/${th12?.id ?? ''}/review`, {
      decision: 'confirm',
    });
    expect(twice.statusCode).toBe(409);
  });

  it('admins upload report files through the API; invalid files are refused with the rows named', async () => {
    const admin = await h.login(h.orgA.users.admin.username);
    const body = await readFile(fixturePath('reports/reports-nl-en.txt'));
    const upload = (query: string) =>
      h.app.inject({
        method: 'POST',
        url: `/api/report-imports?${query}`,
        cookies: { [SESSION_COOKIE]: admin.cookie },
        headers: {
          'x-csrf-token': admin.csrfToken,
          'content-type': 'text/plain',
          'x-file-name': 'reports.txt',
        },
        payload: body,
      });
    const refused = await upload('');
    expect(refused.statusCode).toBe(422);
    expect(refused.json<{ errors: { row: number }[] }>().errors.every((e) => e.row > 0)).toBe(true);
    const accepted = await upload('skipInvalid=true');
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json()).toMatchObject({ status: 'succeeded' });
    const nurseUpload = await h.app.inject({
      method: 'POST',
      url: '/api/report-imports',
      cookies: { [SESSION_COOKIE]: nurse.cookie },
      headers: { 'x-csrf-token': nurse.csrfToken, 'content-type': 'text/plain' },
      payload: body,
    });
    expect(nurseUpload.statusCode).toBe(403);
  });

  it('an unmatched finding cannot be confirmed without choosing the patient; it can be dismissed', async () => {
    const items = (await h.as(nurse, 'GET', '/api/report-findings')).json<{ items: Finding[] }>().items;
    const unmatched = items.find((i) => i.patientId === null);
    expect(unmatched).toBeDefined();
    const confirm = await h.as(nurse, 'POST', `/api/report-findings/${unmatched?.id ?? ''}/review`, {
      decision: 'confirm',
    });
    expect(confirm.statusCode).toBe(400);
    expect(confirm.json()).toMatchObject({ issues: [{ field: 'body.patientId' }] });
    const dismiss = await h.as(nurse, 'POST', `/api/report-findings/${unmatched?.id ?? ''}/review`, {
      decision: 'dismiss',
      note: 'other hospital',
    });
    expect(dismiss.json()).toMatchObject({ status: 'dismissed' });
  });
});
