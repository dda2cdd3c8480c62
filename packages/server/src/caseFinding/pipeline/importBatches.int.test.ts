// An import larger than its first batches, at the real batch sizes: batch 1 holds 1,000 registrations,
// batch 2 the next 2,000, batch 3 the rest. Each batch is looked up before the one before it is written
// and planned once that one's rows are staged, so what a batch knows of the batches before it comes from
// their plans (laid over the look-up) or from the database — these tests would fail if either were lost.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '@osteopad/clinical';
import type { TestDatabase } from '../../../test/testDatabase';
import type { TestOrganization } from '../../../test/appHarness';
import {
  countOrganizationRows,
  importSubject,
  openImportTestDatabase,
} from '../../../test/importTestDatabase';
import { textStream } from '../../../test/fixtureFiles';
import type { AuditSubject } from '../../audit/auditLog';
import { batchSizeAt } from './importAccumulator';
import { importRegistrations } from './importRegistrations';
import { parseRegistrations } from './parseRegistrations';

let db: TestDatabase;
let org: TestOrganization;
const TODAY = '2025-06-01';
const HEADER =
  'patient_id,bsn,family_name,birth_date,sex,fracture_date,fracture_site,encounter_type,trauma_mechanism,pathological';

const line = (patient: number, date: string) => `P${patient},,Jansen,1950-03-14,V,${date},pols,SEH,laag,nee`;

/**
 * 3,500 rows: P1–P1750 each with a wrist fracture (rows 1–1750); the same fractures again for P1–P1000
 * (rows 1751–2750, batch 2: the patients of batch 1) and P1251–P1500 (rows 3001–3250, batch 3: patients
 * batch 2 made); a new fracture for P1–P250 (rows 2751–3000, batch 2) and P1001–P1250 (rows 3251–3500,
 * batch 3), who already have an open episode.
 */
function csv(invalidRow?: number): string {
  const rows: string[] = [];
  for (let p = 1; p <= 1750; p++) rows.push(line(p, '2025-05-20'));
  for (let p = 1; p <= 1000; p++) rows.push(line(p, '2025-05-20'));
  for (let p = 1; p <= 250; p++) rows.push(line(p, '2025-05-25'));
  for (let p = 1251; p <= 1500; p++) rows.push(line(p, '2025-05-20'));
  for (let p = 1001; p <= 1250; p++) rows.push(line(p, '2025-05-25'));
  if (invalidRow !== undefined)
    rows[invalidRow - 1] = `P9999,,Jansen,1950-02-30,V,2025-05-20,pols,SEH,laag,nee`;
  return `${HEADER}\n${rows.join('\n')}\n`;
}

const subject = (): AuditSubject => importSubject(org);

function run(text: string) {
  return importRegistrations(db.app.db, parseRegistrations('csv', textStream(text), { today: TODAY }), {
    organizationId: org.id,
    subject: subject(),
    format: 'csv',
    channel: 'cli',
    fileName: 'batches.csv',
    skipInvalid: false,
    today: TODAY,
    clock: () => new Date('2025-06-01T10:00:00Z'),
    config: DEFAULT_CONFIG,
  });
}

function count(table: string, where = 'true'): Promise<number> {
  return countOrganizationRows({ db, org }, table, where);
}

beforeAll(async () => {
  ({ db, org } = await openImportTestDatabase('Batches Hospital'));
});
afterAll(async () => {
  await db.drop();
});

describe('an import of several batches', () => {
  it('has the batch layout these tests rely on', () => {
    expect([0, 1].map((i) => batchSizeAt(i, 10_000))).toEqual([1000, 2000]);
  });

  it('rolls all batches back when a row of the last one is invalid', async () => {
    const summary = await run(csv(3400));
    expect(summary).toMatchObject({ status: 'rejected', rows: 3500, imported: 0, invalid: 1 });
    expect(summary.errors[0]).toMatchObject({ row: 3400, field: 'birth_date' });
    for (const table of ['patients', 'fracture_events', 'episodes', 'tasks', 'worklist_items'])
      expect(await count(table)).toBe(0);
    expect(await count('audit_events', `object_type = 'patient'`)).toBe(0);
  });

  it('finds the patients, fractures and open episodes of earlier batches, planned or written', async () => {
    const summary = await run(csv());
    expect(summary).toMatchObject({
      status: 'succeeded',
      rows: 3500,
      imported: 2250,
      duplicates: 1250,
      invalid: 0,
      errors: [],
    });
    expect(await count('patients')).toBe(1750);
    expect(await count('fracture_events')).toBe(2250);
    // One episode per patient: a later fracture during the open episode starts nothing new.
    expect(await count('episodes')).toBe(1750);
    expect(await count('tasks', `kind = 'invite' AND status = 'open'`)).toBe(1750);
    expect(await count('worklist_items', `entry_kind = 'invite'`)).toBe(1750);
    // One event per patient and batch: created in one, the new fracture recorded in a later one.
    expect(await count('audit_events', `object_type = 'patient' AND action = 'create'`)).toBe(1750);
    expect(await count('audit_events', `object_type = 'patient' AND action = 'update'`)).toBe(500);
    const twice = await db.owner.query<{ n: number }>(
      `SELECT count(*)::int n FROM (SELECT patient_id FROM fracture_events WHERE organization_id = $1
        GROUP BY patient_id HAVING count(*) = 2) x`,
      [org.id],
    );
    expect(twice.rows[0]?.n).toBe(500);
  });

  it('adds nothing when the same file comes again', async () => {
    const summary = await run(csv());
    expect(summary).toMatchObject({ status: 'succeeded', imported: 0, duplicates: 3500 });
    expect(await count('patients')).toBe(1750);
    expect(await count('fracture_events')).toBe(2250);
    expect(await count('episodes')).toBe(1750);
    expect(await count('audit_events', `object_type = 'patient'`)).toBe(2250);
  });
});
