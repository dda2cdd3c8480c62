// R11.1 through the real import: a new fracture of a patient with an active treatment course gives the
// course's episode a review task (and a standard re-evaluation after ≥ 12 months on an antiresorptive),
// once, without a new case-finding episode.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '@osteopad/clinical';
import type { TestDatabase } from '../../../test/testDatabase';
import type { TestOrganization } from '../../../test/appHarness';
import { importSubject, openImportTestDatabase } from '../../../test/importTestDatabase';
import { fixtureStream } from '../../../test/fixtureFiles';
import { importRegistrations, type ImportFormatName } from './importRegistrations';
import { parseRegistrations } from './parseRegistrations';

let db: TestDatabase;
let org: TestOrganization;
const TODAY = '2025-06-01';

function run(format: ImportFormatName, file: string, today = TODAY) {
  return importRegistrations(
    db.app.db,
    parseRegistrations(format, fixtureStream(file), { today, sourceSystem: 'HIS' }),
    {
      organizationId: org.id,
      subject: importSubject(org),
      format,
      channel: 'cli',
      fileName: file,
      skipInvalid: false,
      today,
      clock: () => new Date(`${today}T10:00:00Z`),
      config: DEFAULT_CONFIG,
    },
  );
}

interface TaskRow {
  kind: string;
  due: string;
  role: string;
  series: string;
  episode: string;
  details: Record<string, unknown>;
}

async function followUpTasks(bsn: string): Promise<TaskRow[]> {
  const r = await db.owner.query<TaskRow>(
    `SELECT t.kind, t.due_date AS due, t.assignee_role AS role, t.series_key AS series, t.episode_id AS episode,
            t.details
       FROM tasks t JOIN patients p ON p.id = t.patient_id
      WHERE p.bsn = $1 AND t.kind IN ('new_fracture_review', 'standard_reevaluation')
      ORDER BY t.series_key`,
    [bsn],
  );
  return r.rows;
}

const ALENDRONATE_SINCE_2024 = '999900006';
const DENOSUMAB_SINCE_2025 = '999900018';
const STOPPED_COURSE = '999900031';
const episodes: Record<string, string> = {};

beforeAll(async () => {
  ({ db, org } = await openImportTestDatabase('Follow-up Hospital'));
  const first = await run('csv', 'followup/first-fractures.csv', '2024-11-20');
  expect(first.status).toBe('succeeded');
  // The rules part starts courses from a decision; here they are written directly.
  for (const [bsn, drug, startedOn, status] of [
    [ALENDRONATE_SINCE_2024, 'alendronate', '2024-03-01', 'active'],
    [DENOSUMAB_SINCE_2025, 'denosumab', '2025-01-15', 'active'],
    [STOPPED_COURSE, 'risedronate', '2024-03-01', 'stopped'],
  ] as const) {
    const e = await db.owner.query<{ id: string; patient_id: string }>(
      `UPDATE episodes e SET state = 'treating' FROM patients p
        WHERE p.id = e.patient_id AND p.bsn = $1 RETURNING e.id, e.patient_id`,
      [bsn],
    );
    const episode = e.rows[0];
    if (episode === undefined) throw new Error(`no episode for ${bsn}`);
    episodes[bsn] = episode.id;
    await db.owner.query(
      `INSERT INTO treatments (organization_id, patient_id, episode_id, drug, started_on, status)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [org.id, episode.patient_id, episode.id, drug, startedOn, status],
    );
  }
}, 60_000);
afterAll(async () => {
  await db.drop();
});

describe('a new fracture during treatment (R11.1), through the import', () => {
  it('gives the course episode a review, and a standard re-evaluation after ≥ 12 months', async () => {
    const versionsBefore = await db.owner.query<{ id: string; version: number }>(
      'SELECT id, version FROM episodes',
    );
    const summary = await run('csv', 'followup/new-fractures.csv');
    expect(summary).toMatchObject({ status: 'succeeded', imported: 5, errors: [] });

    // 13 months of alendronate at the fracture of 2025-04-01: review and re-evaluation, one of each for
    // the two sites of that day; the ankle of 2024-02-01 lies before the course and adds nothing.
    const alendronate = await followUpTasks(ALENDRONATE_SINCE_2024);
    expect(alendronate.map((t) => [t.kind, t.series, t.due, t.role])).toEqual([
      ['new_fracture_review', 'new_fracture_review#2025-04-01', TODAY, 'specialist'],
      ['standard_reevaluation', 'standard_reevaluation#new_fracture#2025-04-01', TODAY, 'specialist'],
    ]);
    expect(alendronate.every((t) => t.episode === episodes[ALENDRONATE_SINCE_2024])).toBe(true);
    expect(alendronate[0]?.details).toMatchObject({
      reason: 'new_fracture_during_treatment',
      fractureDate: '2025-04-01',
      drug: 'alendronate',
      monthsOnTreatment: 13,
      antiresorptive: true,
      standardReevaluation: true,
      check: ['adherence', 'boneLoss', 'newRiskFactors'],
      explanation: {
        rules: expect.arrayContaining([expect.objectContaining({ ruleId: 'R11.1' })]) as unknown,
      },
    });

    // 3 months of denosumab: the review only.
    const denosumab = await followUpTasks(DENOSUMAB_SINCE_2025);
    expect(denosumab.map((t) => t.kind)).toEqual(['new_fracture_review']);
    expect(denosumab[0]?.details).toMatchObject({ monthsOnTreatment: 3, standardReevaluation: false });

    // A stopped course is not a treatment: nothing.
    expect(await followUpTasks(STOPPED_COURSE)).toEqual([]);

    // No new case-finding episode for a patient under treatment; the course episodes changed version.
    const after = await db.owner.query<{ id: string; version: number }>('SELECT id, version FROM episodes');
    expect(after.rows.map((r) => r.id).sort()).toEqual(versionsBefore.rows.map((r) => r.id).sort());
    const version = (rows: { id: string; version: number }[], id: string | undefined) =>
      rows.find((r) => r.id === id)?.version ?? 0;
    expect(version(after.rows, episodes[ALENDRONATE_SINCE_2024])).toBe(
      version(versionsBefore.rows, episodes[ALENDRONATE_SINCE_2024]) + 1,
    );
    expect(version(after.rows, episodes[STOPPED_COURSE])).toBe(
      version(versionsBefore.rows, episodes[STOPPED_COURSE]),
    );

    // Each task audited as created by the import's subject, per patient.
    const audited = await db.owner.query<{ n: number }>(
      `SELECT count(*)::int n FROM audit_events a JOIN tasks t ON t.id::text = a.object_id
        WHERE a.object_type = 'task' AND a.action = 'create' AND a.patient_id = t.patient_id
          AND t.kind IN ('new_fracture_review', 'standard_reevaluation') AND a.user_id = $1`,
      [org.users.admin.id],
    );
    expect(audited.rows[0]?.n).toBe(3);
  });

  it('adds nothing when the same file comes again', async () => {
    const again = await run('csv', 'followup/new-fractures.csv');
    expect(again).toMatchObject({ status: 'succeeded', imported: 0, duplicates: 5 });
    expect(await followUpTasks(ALENDRONATE_SINCE_2024)).toHaveLength(2);
    expect(await followUpTasks(DENOSUMAB_SINCE_2025)).toHaveLength(1);
  });

  it('works the same for an HL7 v2 message', async () => {
    const summary = await run('hl7v2', 'followup/new-fracture.hl7');
    expect(summary).toMatchObject({ status: 'succeeded', imported: 1 });
    expect((await followUpTasks(DENOSUMAB_SINCE_2025)).map((t) => t.series)).toEqual([
      'new_fracture_review#2025-05-01',
      'new_fracture_review#2025-05-20',
    ]);
  });
});
