// The CLI end to end: a real process, exit codes, the JSON summary and the transactional guarantee.
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/testDatabase';
import { runOsteopad } from '../../test/osteopadProcess';
import { createOrganization } from '../../test/appHarness';
import { fixturePath } from '../../test/fixtureFiles';

let db: TestDatabase;

beforeAll(async () => {
  db = await createTestDatabase();
  await createOrganization(db, 'CLI Hospital', 0);
});
afterAll(async () => {
  await db.drop();
});

const osteopad = (args: string[]) => runOsteopad(db.ownerUrl, args);

const fractureCount = async (): Promise<number> =>
  (await db.owner.query<{ n: number }>('SELECT count(*)::int n FROM fracture_events')).rows[0]?.n ?? -1;

describe('osteopad import', () => {
  it('refuses an organisation that does not exist with exit code 2 and says which ones do', async () => {
    const r = await osteopad([
      'import',
      fixturePath('csv/valid-utf8-comma.csv'),
      '--format',
      'csv',
      '--org',
      'Nergenshuis',
    ]);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toMatch(/No organisation "Nergenshuis". Known: CLI Hospital/);
    expect(await fractureCount()).toBe(0);
  });

  it('imports a valid file, prints the JSON summary and exits 0', async () => {
    const r = await osteopad([
      'import',
      fixturePath('csv/valid-utf8-comma.csv'),
      '--format',
      'csv',
      '--json',
    ]);
    expect(r.code, r.stderr).toBe(0);
    const summary = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(Object.keys(summary).sort()).toEqual(
      ['duplicates', 'eligible', 'errors', 'excluded', 'imported', 'manualReview', 'rows'].sort(),
    );
    expect(summary).toMatchObject({ rows: 6, imported: 6, duplicates: 0, errors: [] });
  }, 60_000);

  it('a second run finds only duplicates', async () => {
    const r = await osteopad([
      'import',
      fixturePath('csv/valid-utf8-comma.csv'),
      '--format',
      'csv',
      '--json',
    ]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ imported: 0, duplicates: 6 });
  }, 60_000);

  it('exits 2 and imports nothing when a row is invalid; errors name row, field and reason', async () => {
    const before = await fractureCount();
    const r = await osteopad(['import', fixturePath('csv/bsn-elfproef.csv'), '--format', 'csv', '--json']);
    expect(r.code).toBe(2);
    const summary = JSON.parse(r.stdout) as {
      imported: number;
      errors: { row: number; field: string; message: string }[];
    };
    expect(summary.imported).toBe(0);
    expect(summary.errors.length).toBeGreaterThan(0);
    for (const e of summary.errors) {
      expect(e.row).toBeGreaterThan(0);
      expect(e.field).not.toBe('');
      expect(e.message).not.toBe('');
    }
    expect(await fractureCount()).toBe(before);
  }, 60_000);

  it('exits 2 with a clear message for binary garbage, an empty file and a missing file — never a crash', async () => {
    for (const file of [
      fixturePath('csv/binary-garbage.csv'),
      fixturePath('csv/empty.csv'),
      '/nonexistent/file.csv',
    ]) {
      const r = await osteopad(['import', file, '--format', 'csv', '--json']);
      expect(r.code, file).toBe(2);
      const summary = JSON.parse(r.stdout) as { errors: { row: number; message: string }[] };
      expect(summary.errors[0]?.row).toBe(0);
      expect(summary.errors[0]?.message.length).toBeGreaterThan(10);
      expect(r.stderr).not.toMatch(/at .*\.ts:\d+/); // no stack trace
    }
  }, 90_000);

  it('refuses an unknown format with usage and exit 2', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'osteopad-cli-'));
    const file = join(dir, 'x.csv');
    await writeFile(file, 'a,b\n1,2\n');
    const r = await osteopad(['import', file, '--format', 'xml']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--format csv\|hl7v2\|fhir/);
  }, 60_000);
});
