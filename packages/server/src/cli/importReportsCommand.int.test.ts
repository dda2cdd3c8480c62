// `osteopad import-reports` end to end: a real process against a real database; --explain names every decision.
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrganization } from '../../test/appHarness';
import { createTestDatabase, type TestDatabase } from '../../test/testDatabase';
import { runOsteopad } from '../../test/osteopadProcess';

let db: TestDatabase;
let file: string;

beforeAll(async () => {
  db = await createTestDatabase();
  await createOrganization(db, 'CLI Hospital', 0);
  file = join(await mkdtemp(join(tmpdir(), 'osteopad-reports-')), 'reports.txt');
  await writeFile(
    file,
    [
      'reportId;patientRef;reportDate;text',
      'K1;5001;2025-03-01;Vraagstelling: wervelfractuur? Conclusie: mogelijk wigvorming Th12.',
      'K2;5002;2025-03-02;Bij osteoporose kan een wervelfractuur ontstaan. Geen wervelfractuur.',
    ].join('\n'),
  );
});
afterAll(async () => {
  await db.drop();
});

const osteopad = (args: string[]) => runOsteopad(db.ownerUrl, args);

describe('osteopad import-reports', () => {
  it('stores the uncertain finding, counts the question and the hypothesis, and explains each on stderr', async () => {
    const r = await osteopad(['import-reports', file, '--json', '--explain']);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({
      reports: 2,
      findings: 1,
      matched: 0,
      duplicates: 0,
      negatedMentions: 1,
      notAssertedMentions: 2,
      errors: [],
    });
    expect(r.stderr.trim().split('\n')).toEqual([
      'K1 (row 1): finding "wigvorming" — Th12; uncertain ("mogelijk") — "Conclusie: mogelijk wigvorming Th12."',
      'K1 (row 1): not a finding "wervelfractuur" — a question ("Vraagstelling:") — "Vraagstelling: wervelfractuur?"',
      'K2 (row 2): not a finding "wervelfractuur" — a hypothesis ("kan … ontstaan") — "Bij osteoporose kan een wervelfractuur ontstaan."',
      'K2 (row 2): not a finding "wervelfractuur" — negated by ("Geen") — "Geen wervelfractuur."',
    ]);
    const stored = await db.owner.query(
      'SELECT report_id, levels, certainty, certainty_cue FROM report_findings',
    );
    expect(stored.rows).toEqual([
      { report_id: 'K1', levels: ['Th12'], certainty: 'uncertain', certainty_cue: 'mogelijk' },
    ]);
  }, 60_000);
});
