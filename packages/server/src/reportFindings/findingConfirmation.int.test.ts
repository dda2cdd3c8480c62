// Confirming a radiology finding records a vertebral fracture with its levels and Genant grade; uncertain
// findings say so on the worklist; an open episode waiting on an unplaced fracture of the same date gets the
// vertebral fracture as its index fracture.
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness, type Session } from '../../test/appHarness';
import { SESSION_COOKIE } from '../auth/authenticate';
import { cliSubject } from '../caseFinding/channels/cli/cliSubject';
import { scanReportFile } from '../caseFinding/parsers/reports/scanReports';
import { importReportFindings, type ReportImportSummary } from '../caseFinding/pipeline/importReportFindings';

let h: Harness;
let nurse: Session;
let summary: ReportImportSummary;

interface Finding {
  id: string;
  patientId: string | null;
  reportId: string;
  levels: string[];
  genantGrade: number | null;
  certainty: string;
  certaintyCue: string | null;
}

const CSV = [
  'patient_id,family_name,birth_date,sex,fracture_date,fracture_site,encounter_type',
  // A fracture the rules cannot place: its episode waits for a nurse's eligibility review.
  'Z2000001,Bakker,1948-05-05,V,2025-05-20,fractuur,SEH',
  // Another patient, with an unplaced fracture on another day than the report.
  'Z2000003,Smit,1944-02-02,V,2025-05-10,fractuur,SEH',
].join('\n');

const REPORTS = [
  'reportId;patientRef;reportDate;text',
  'RC1;Z2000001;2025-05-20;Wigvormige wervelfractuur Th12, Genant graad 2.',
  'RC2;Z2000002;2025-05-21;Impressiefractuur van de bovenste dekplaat van L1. Daarnaast mogelijk inzakking van Th11.',
  'RC3;Z2000002;2025-05-21;Vraagstelling: wervelfractuur? Conclusie: geen wervelfractuur.',
  'RC4;Z2000003;2025-05-21;Compressiefractuur L2.',
].join('\n');

async function findings(): Promise<Finding[]> {
  const r = await h.as(nurse, 'GET', '/api/report-findings');
  expect(r.statusCode, r.body).toBe(200);
  return r.json<{ items: Finding[] }>().items;
}

async function confirm(finding: Finding | undefined) {
  const r = await h.as(nurse, 'POST', `/api/report-findings/${finding?.id ?? 'missing'}/review`, {
    decision: 'confirm',
    note: '',
  });
  expect(r.statusCode, r.body).toBe(200);
  return r.json<{
    status: string;
    imported: number;
    duplicates: number;
    fractureId: string | null;
    vertebralLevels: string[];
    genantGrade: number | null;
    linkedEpisodeId: string | null;
  }>();
}

async function patientId(sourceId: string): Promise<string> {
  const r = await h.db.owner.query<{ id: string }>('SELECT id FROM patients WHERE source_id = $1', [
    sourceId,
  ]);
  const id = r.rows[0]?.id;
  if (id === undefined) throw new Error(`no patient ${sourceId}`);
  return id;
}

beforeAll(async () => {
  h = await createHarness();
  h.clock.set('2025-06-01T09:00:00Z');
  nurse = await h.login(h.orgA.users.nurse.username);
  const admin = await h.login(h.orgA.users.admin.username);
  const upload = await h.app.inject({
    method: 'POST',
    url: '/api/imports?format=csv',
    cookies: { [SESSION_COOKIE]: admin.cookie },
    headers: { 'x-csrf-token': admin.csrfToken, 'content-type': 'text/csv', 'x-file-name': 'unplaced.csv' },
    payload: CSV,
  });
  expect(upload.statusCode, upload.body).toBe(200);
  const created = await h.as(nurse, 'POST', '/api/patients', {
    familyName: 'Mulder',
    birthDate: '1946-07-07',
    sex: 'female',
    sourceId: 'Z2000002',
    sourceSystem: 'hospital',
  });
  expect(created.statusCode, created.body).toBe(201);
  summary = await importReportFindings(
    h.db.app.db,
    scanReportFile(Readable.from([Buffer.from(REPORTS)]), { today: '2025-06-01' }),
    {
      organizationId: h.orgA.id,
      subject: cliSubject(h.orgA.id, 'cli'),
      fileName: 'reports.txt',
      sourceSystem: 'hospital',
      skipInvalid: false,
      clock: () => new Date('2025-06-01T09:00:00Z'),
    },
  );
});
afterAll(async () => {
  await h.close();
});

describe('radiology findings in context', () => {
  it('stores findings with their certainty; questions are counted, not stored', async () => {
    expect(summary).toMatchObject({
      status: 'succeeded',
      findings: 4,
      matched: 4,
      negatedMentions: 1,
      notAssertedMentions: 1,
    });
    const items = await findings();
    expect(
      items
        .map((i) => [i.reportId, i.levels, i.genantGrade, i.certainty, i.certaintyCue])
        .sort((a, b) => String(a).localeCompare(String(b))),
    ).toEqual([
      ['RC1', ['Th12'], 2, 'definite', null],
      ['RC2', ['L1'], null, 'definite', null],
      ['RC2', ['Th11'], null, 'uncertain', 'mogelijk'],
      ['RC4', ['L2'], null, 'definite', null],
    ]);
  });
});

describe('confirming a finding', () => {
  it('records a vertebral fracture with the level and grade, linked to the finding', async () => {
    const mulder = await patientId('Z2000002');
    const items = await findings();
    const l1 = items.find((i) => i.reportId === 'RC2' && i.levels[0] === 'L1');
    const first = await confirm(l1);
    expect(first).toMatchObject({
      status: 'confirmed',
      imported: 1,
      vertebralLevels: ['L1'],
      genantGrade: null,
      linkedEpisodeId: null,
    });
    const stored = await h.db.owner.query(
      `SELECT f.id, f.site_code, f.vertebral_levels, f.genant_grade, e.patient_group
       FROM fracture_events f JOIN episodes e ON e.index_fracture_id = f.id WHERE f.patient_id = $1`,
      [mulder],
    );
    expect(stored.rows).toEqual([
      {
        id: first.fractureId,
        site_code: 'spine_thoracolumbar',
        vertebral_levels: ['L1'],
        genant_grade: null,
        patient_group: 'vertebral',
      },
    ]);
    const link = await h.db.owner.query('SELECT fracture_id, status FROM report_findings WHERE id = $1', [
      l1?.id,
    ]);
    expect(link.rows).toEqual([{ fracture_id: first.fractureId, status: 'confirmed' }]);
  });

  it('adds the level of a second finding of the same report date to the same fracture, in spine order', async () => {
    const mulder = await patientId('Z2000002');
    const th11 = (await findings()).find((i) => i.reportId === 'RC2' && i.levels[0] === 'Th11');
    const second = await confirm(th11);
    expect(second).toMatchObject({ imported: 0, duplicates: 1, vertebralLevels: ['Th11', 'L1'] });
    const stored = await h.db.owner.query(
      'SELECT vertebral_levels FROM fracture_events WHERE patient_id = $1',
      [mulder],
    );
    expect(stored.rows).toEqual([{ vertebral_levels: ['Th11', 'L1'] }]);
    const audit = await h.db.owner.query(
      `SELECT details FROM audit_events WHERE object_type = 'fracture_event' AND object_id = $1 AND action = 'update'
       ORDER BY id`,
      [second.fractureId],
    );
    expect(audit.rows.at(-1)).toMatchObject({
      details: { findingId: th11?.id, vertebralLevels: ['Th11', 'L1'] },
    });
  });

  it('makes the vertebral fracture the index of an open episode waiting on an unplaced fracture of that date', async () => {
    const bakker = await patientId('Z2000001');
    const before = await h.db.owner.query<{ id: string; index_fracture_id: string }>(
      'SELECT id, index_fracture_id FROM episodes WHERE patient_id = $1',
      [bakker],
    );
    const episode = before.rows[0];
    expect(before.rows).toHaveLength(1);
    const th12 = (await findings()).find((i) => i.reportId === 'RC1');
    const result = await confirm(th12);
    expect(result).toMatchObject({
      status: 'confirmed',
      imported: 1,
      vertebralLevels: ['Th12'],
      genantGrade: 2,
      linkedEpisodeId: episode?.id,
    });
    const after = await h.db.owner.query(
      `SELECT e.state, e.patient_group, f.site_code, f.vertebral_levels, f.genant_grade
       FROM episodes e JOIN fracture_events f ON f.id = e.index_fracture_id WHERE e.patient_id = $1`,
      [bakker],
    );
    expect(after.rows).toEqual([
      {
        state: 'identified',
        patient_group: 'vertebral',
        site_code: 'spine_thoracolumbar',
        vertebral_levels: ['Th12'],
        genant_grade: 2,
      },
    ]);
    // The unplaced fracture stays as it was received; the eligibility review stays with a person.
    const unplaced = await h.db.owner.query(
      'SELECT site_code, eligibility FROM fracture_events WHERE id = $1',
      [episode?.index_fracture_id],
    );
    expect(unplaced.rows).toEqual([{ site_code: null, eligibility: 'manual_review' }]);
    const tasks = await h.db.owner.query(
      `SELECT kind, status FROM tasks WHERE episode_id = $1 ORDER BY kind`,
      [episode?.id],
    );
    expect(tasks.rows).toEqual([{ kind: 'review_eligibility', status: 'open' }]);
    const audit = await h.db.owner.query(
      `SELECT details FROM audit_events WHERE object_type = 'episode' AND object_id = $1 AND action = 'update'`,
      [episode?.id],
    );
    expect(audit.rows).toEqual([
      {
        details: expect.objectContaining({
          findingId: th12?.id,
          indexFracture: { from: episode?.index_fracture_id, to: result.fractureId },
        }) as unknown,
      },
    ]);
  });

  it('leaves an episode alone when its unplaced fracture is of another date', async () => {
    const smit = await patientId('Z2000003');
    const before = await h.db.owner.query(
      'SELECT id, index_fracture_id FROM episodes WHERE patient_id = $1',
      [smit],
    );
    const l2 = (await findings()).find((i) => i.reportId === 'RC4');
    expect(await confirm(l2)).toMatchObject({ imported: 1, linkedEpisodeId: null, vertebralLevels: ['L2'] });
    const after = await h.db.owner.query('SELECT id, index_fracture_id FROM episodes WHERE patient_id = $1', [
      smit,
    ]);
    expect(after.rows).toEqual(before.rows);
  });
});
