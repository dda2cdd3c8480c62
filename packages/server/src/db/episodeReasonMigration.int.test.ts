// Migration 0008 on a database that already holds data: episodes and transitions written as English
// text before it (at migration 0007) come out as reason codes, details and the user's own note.
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { MIGRATIONS_FOLDER, runMigrations } from './migrate';
import { episodeReasonSchema } from '@osteopad/contract';

interface JournalEntry {
  idx: number;
  tag: string;
}

const adminUrl = inject('pgAdminUrl');
const database = `osteopad_migration_${String(process.pid)}_${String(Date.now())}`;
let ownerUrl: string;
let owner: pg.Client;
let before: string;

/** A copy of the migrations folder that stops after `lastTag`: the schema as it was then. */
async function migrationsUpTo(lastTag: string): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), 'osteopad-migrations-'));
  await mkdir(join(folder, 'meta'));
  const journal = JSON.parse(await readFile(join(MIGRATIONS_FOLDER, 'meta', '_journal.json'), 'utf8')) as {
    entries: JournalEntry[];
  };
  const last = journal.entries.findIndex((e) => e.tag === lastTag);
  expect(last).toBeGreaterThan(0);
  const entries = journal.entries.slice(0, last + 1);
  for (const e of entries)
    await copyFile(join(MIGRATIONS_FOLDER, `${e.tag}.sql`), join(folder, `${e.tag}.sql`));
  await writeFile(join(folder, 'meta', '_journal.json'), JSON.stringify({ ...journal, entries }));
  return folder;
}

const IMPORT_ID = '0194f1a2-7b3c-7d4e-8f60-123456789abc';

/** Old-style texts, by the state they led to, with what 0008 must make of them. */
const CASES = [
  {
    to: 'identified',
    text: `import ${IMPORT_ID}`,
    want: { code: 'imported', details: { importId: IMPORT_ID }, note: '' },
  },
  {
    to: 'invited',
    text: 'invitation sent 2025-07-01',
    want: { code: 'invitation_sent', details: { sentOn: '2025-07-01' }, note: '' },
  },
  {
    to: 'reminded',
    text: 'reminder sent 2025-07-22',
    want: { code: 'reminder_sent', details: { sentOn: '2025-07-22' }, note: '' },
  },
  {
    to: 'declined',
    text: 'treated_elsewhere',
    want: { code: 'declined', details: { reason: 'treated_elsewhere' }, note: '' },
  },
  {
    to: 'declined',
    text: 'other: verhuist naar Spanje: definitief\nbelt terug',
    want: {
      code: 'declined',
      details: { reason: 'other' },
      note: 'verhuist naar Spanje: definitief\nbelt terug',
    },
  },
  {
    to: 'not_eligible',
    text: 'excluded_site (manual review by nurse.anna)',
    want: {
      code: 'not_eligible_after_review',
      details: { reason: 'excluded_site', reviewedBy: 'nurse.anna' },
      note: '',
    },
  },
  {
    to: 'not_eligible',
    text: 'other: see (old) report (manual review by dr j. de vries)',
    want: {
      code: 'not_eligible_after_review',
      details: { reason: 'other', reviewedBy: 'dr j. de vries' },
      note: 'see (old) report',
    },
  },
  // Unreadable or inconsistent with the state: kept verbatim as a legacy note.
  { to: 'invited', text: 'invitation sent 2025-02-30', want: legacy('invitation sent 2025-02-30') },
  { to: 'invited', text: 'reminder sent 2025-07-22', want: legacy('reminder sent 2025-07-22') },
  { to: 'declined', text: 'was not interested', want: legacy('was not interested') },
  {
    to: 'declined',
    text: 'age_below_50 (manual review by x)',
    want: legacy('age_below_50 (manual review by x)'),
  },
  { to: 'not_eligible', text: 'age_below_50', want: legacy('age_below_50') },
  { to: 'identified', text: 'import not-a-uuid', want: legacy('import not-a-uuid') },
  { to: 'lost', text: 'moved abroad, no address', want: legacy('moved abroad, no address') },
  { to: 'identified', text: '', want: legacy('') },
] as const;

function legacy(text: string) {
  return { code: 'legacy', details: {}, note: text } as const;
}

let orgId: string;
const episodeIds: string[] = [];

beforeAll(async () => {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${database}`);
  await admin.end();
  const u = new URL(adminUrl);
  u.pathname = `/${database}`;
  ownerUrl = u.toString();

  before = await migrationsUpTo('0007_organizations_permanent');
  const migrated = new pg.Client({ connectionString: ownerUrl });
  await migrated.connect();
  await migrate(drizzle(migrated), { migrationsFolder: before });
  await migrated.end();

  owner = new pg.Client({ connectionString: ownerUrl });
  await owner.connect();
  const org = await owner.query<{ id: string }>(
    `INSERT INTO organizations (name) VALUES ('Old data') RETURNING id`,
  );
  orgId = org.rows[0]?.id ?? '';
  const patient = await owner.query<{ id: string }>(
    `INSERT INTO patients (organization_id, source_system, source_id, family_name, birth_date, sex, portal_code)
     VALUES ($1, 'HIS', '42', 'Oud', '1950-01-01', 'female', 'AAAA-BBBB-CCCC') RETURNING id`,
    [orgId],
  );
  const patientId = patient.rows[0]?.id ?? '';
  // One episode per case, in the state the text led to, with that text as its state reason and as
  // the reason of its (only) transition — the shape the server wrote before 0008.
  for (const c of CASES) {
    const episode = await owner.query<{ id: string }>(
      `INSERT INTO episodes (organization_id, patient_id, state, state_reason, opened_on)
       VALUES ($1, $2, $3, $4, '2025-06-01') RETURNING id`,
      [orgId, patientId, c.to, c.text],
    );
    const id = episode.rows[0]?.id ?? '';
    episodeIds.push(id);
    await owner.query(
      `INSERT INTO episode_events (organization_id, episode_id, from_state, to_state, reason)
       VALUES ($1, $2, $3, $4, $5)`,
      [orgId, id, c.to === 'identified' ? null : 'identified', c.to, c.text],
    );
  }
  // An episode fresh from an import: no state reason at all.
  const fresh = await owner.query<{ id: string }>(
    `INSERT INTO episodes (organization_id, patient_id, state, opened_on)
     VALUES ($1, $2, 'identified', '2025-06-01') RETURNING id`,
    [orgId, patientId],
  );
  episodeIds.push(fresh.rows[0]?.id ?? '');

  await runMigrations(ownerUrl);
});

afterAll(async () => {
  await owner.end();
  await rm(before, { recursive: true, force: true });
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  await admin.end();
});

describe('migration 0008: episode reasons as codes', () => {
  it('converts every transition, keeping unreadable text verbatim as a legacy note', async () => {
    const rows = await owner.query<{ episode_id: string; code: string; details: unknown; note: string }>(
      `SELECT episode_id, reason_code AS code, details, note FROM episode_events`,
    );
    const byEpisode = new Map(rows.rows.map((r) => [r.episode_id, r]));
    CASES.forEach((c, i) => {
      const row = byEpisode.get(episodeIds[i] ?? '');
      expect({ code: row?.code, details: row?.details, note: row?.note }, c.text).toEqual(c.want);
    });
  });

  it('converts the episodes’ state reasons the same way, and leaves an episode without one without one', async () => {
    const rows = await owner.query<{ id: string; code: string | null; details: unknown; note: string }>(
      `SELECT id, state_reason_code AS code, state_reason_details AS details, state_reason_note AS note FROM episodes`,
    );
    const byId = new Map(rows.rows.map((r) => [r.id, r]));
    CASES.forEach((c, i) => {
      const row = byId.get(episodeIds[i] ?? '');
      const want = c.text === '' ? { code: null, details: {}, note: '' } : c.want;
      expect({ code: row?.code, details: row?.details, note: row?.note }, c.text).toEqual(want);
    });
    expect(byId.get(episodeIds[CASES.length] ?? '')).toMatchObject({ code: null, details: {}, note: '' });
  });

  it('produces only reasons the server can read back', async () => {
    const rows = await owner.query<{ code: string; details: unknown; note: string }>(
      `SELECT reason_code AS code, details, note FROM episode_events`,
    );
    for (const row of rows.rows) expect(episodeReasonSchema.safeParse(row).success, row.note).toBe(true);
  });

  it('drops the old text columns and its helper functions', async () => {
    const columns = await owner.query<{ table_name: string; column_name: string }>(
      `SELECT table_name, column_name FROM information_schema.columns
       WHERE table_schema = 'public' AND table_name IN ('episodes', 'episode_events')
         AND column_name IN ('state_reason', 'reason')`,
    );
    expect(columns.rows).toEqual([]);
    const functions = await owner.query(`SELECT proname FROM pg_proc WHERE proname LIKE 'osteopad_0008_%'`);
    expect(functions.rows).toEqual([]);
  });

  it('leaves transitions append-only again, for the owner too', async () => {
    await expect(owner.query(`UPDATE episode_events SET note = 'forged'`)).rejects.toThrow(/append-only/);
    await expect(owner.query(`DELETE FROM episode_events`)).rejects.toThrow(/append-only/);
  });

  it('requires a reason code on every new transition', async () => {
    await expect(
      owner.query(
        `INSERT INTO episode_events (organization_id, episode_id, to_state) VALUES ($1, $2, 'invited')`,
        [orgId, episodeIds[0]],
      ),
    ).rejects.toThrow(/reason_code/);
  });
});
