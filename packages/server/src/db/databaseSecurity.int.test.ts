import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestDatabase, type TestDatabase } from '../../test/testDatabase';
import { createOrganization, type TestOrganization } from '../../test/appHarness';
import { inOrganization } from '../audit/auditedTransaction';
import { writeAudit } from '../audit/auditLog';
import { pgErrorOf } from '../../test/pgErrors';

let db: TestDatabase;
let orgA: TestOrganization;
let orgB: TestOrganization;

beforeAll(async () => {
  db = await createTestDatabase();
  orgA = await createOrganization(db, 'Alpha', 2);
  orgB = await createOrganization(db, 'Beta', 2);
  await writeAudit(
    db.app.db,
    {
      userId: null,
      username: 'x',
      role: 'nurse',
      organizationId: orgA.id,
      clientAddress: '127.0.0.1',
      reason: 'test',
    },
    [
      {
        action: 'read',
        objectType: 'patient',
        objectId: orgA.patientIds[0] ?? '',
        patientId: orgA.patientIds[0] ?? null,
      },
    ],
  );
});
afterAll(async () => {
  await db.drop();
});

describe('audit log is append-only (NEN 7513)', () => {
  it('the application role may insert and read audit events', async () => {
    const rows = await db.app.db.execute(sql`SELECT count(*)::int AS n FROM audit_events`);
    expect(rows.rows[0]).toEqual({ n: 1 });
  });

  it('the application role cannot UPDATE audit events', async () => {
    const error = await pgErrorOf(db.app.db.execute(sql`UPDATE audit_events SET username = 'forged'`));
    expect(error).toMatchObject({
      code: '42501',
      message: expect.stringMatching(/permission denied/) as unknown,
    });
  });

  it('the application role cannot DELETE or TRUNCATE audit events', async () => {
    expect((await pgErrorOf(db.app.db.execute(sql`DELETE FROM audit_events`))).message).toMatch(
      /permission denied/,
    );
    expect((await pgErrorOf(db.app.db.execute(sql`TRUNCATE audit_events`))).message).toMatch(
      /permission denied/,
    );
    const left = await db.owner.query(`SELECT count(*)::int AS n FROM audit_events`);
    expect(left.rows[0]).toEqual({ n: 1 });
  });

  it('even the owner role is stopped by the append-only trigger', async () => {
    await expect(db.owner.query(`UPDATE audit_events SET username = 'forged'`)).rejects.toThrow(
      /append-only/,
    );
    await expect(db.owner.query(`DELETE FROM audit_events`)).rejects.toThrow(/append-only/);
    await expect(db.owner.query(`TRUNCATE audit_events`)).rejects.toThrow(/append-only/);
    const left = await db.owner.query(`SELECT username FROM audit_events`);
    expect(left.rows).toEqual([{ username: 'x' }]);
  });

  it('episode transitions are append-only too', async () => {
    expect((await pgErrorOf(db.app.db.execute(sql`UPDATE episode_events SET note = 'x'`))).message).toMatch(
      /permission denied/,
    );
    expect((await pgErrorOf(db.app.db.execute(sql`DELETE FROM episode_events`))).message).toMatch(
      /permission denied/,
    );
  });

  it('the application connection really runs as osteopad_app', async () => {
    const result = await db.app.db.execute(sql`SELECT current_user AS who`);
    expect(result.rows[0]).toEqual({ who: 'osteopad_app' });
  });
});

describe('row-level security as a second wall', () => {
  it('without an organisation set, the application role sees no patients', async () => {
    const result = await db.app.db.execute(sql`SELECT count(*)::int AS n FROM patients`);
    expect(result.rows[0]).toEqual({ n: 0 });
  });

  it('with an organisation set, it sees exactly that organisation’s patients, even without a filter', async () => {
    const ids = await inOrganization(db.app.db, orgA.id, async (tx) => {
      const r = await tx.execute(sql`SELECT id FROM patients ORDER BY id`);
      return r.rows.map((row) => (row as { id: string }).id);
    });
    expect(ids).toEqual([...orgA.patientIds].sort());
    expect(ids).not.toContain(orgB.patientIds[0]);
  });

  it('cannot write a row into another organisation', async () => {
    const error = await pgErrorOf(
      inOrganization(db.app.db, orgA.id, (tx) =>
        tx.execute(
          sql`INSERT INTO patients (organization_id, bsn, family_name, birth_date, sex, portal_code)
              VALUES (${orgB.id}, NULL, 'Intruder', '1950-01-01', 'female', 'XXXX-XXXX-XXXX')`,
        ),
      ),
    );
    expect(error.message).toMatch(/row-level security/);
  });

  it('every table with organization_id is protected by row-level security or listed here with a reason', async () => {
    // users/sessions: read before an organisation is known (login); audit_events: append-only, filtered by query.
    const allowlist = new Set(['users', 'sessions', 'audit_events']);
    const result = await db.owner.query<{ table_name: string; rls: boolean }>(`
      SELECT c.table_name, t.relrowsecurity AS rls
      FROM information_schema.columns c
      JOIN pg_class t ON t.relname = c.table_name AND t.relkind = 'r'
      JOIN pg_namespace n ON n.oid = t.relnamespace AND n.nspname = 'public'
      WHERE c.column_name = 'organization_id' AND c.table_schema = 'public'`);
    const unprotected = result.rows
      .filter((r) => !r.rls && !allowlist.has(r.table_name))
      .map((r) => r.table_name);
    expect(result.rows.length).toBeGreaterThan(4);
    expect(unprotected).toEqual([]);
  });
});

describe('schema constraints', () => {
  it('rejects a BSN that fails the elfproef, in the database itself', async () => {
    await expect(
      db.owner.query(
        `INSERT INTO patients (organization_id, bsn, family_name, birth_date, sex, portal_code)
         VALUES ($1, '123456789', 'Elf', '1950-01-01', 'female', 'AAAA-BBBB-CCCC')`,
        [orgA.id],
      ),
    ).rejects.toThrow(/patients_bsn_elfproef/);
  });

  it('osteopad_bsn_valid agrees with known valid and invalid numbers', async () => {
    const r = await db.owner.query<{ a: boolean; b: boolean; c: boolean; d: boolean }>(
      `SELECT osteopad_bsn_valid('111222333') a, osteopad_bsn_valid('123456782') b,
              osteopad_bsn_valid('123456789') c, osteopad_bsn_valid('12345678') d`,
    );
    expect(r.rows[0]).toEqual({ a: true, b: true, c: false, d: false });
  });

  it('a patient needs a BSN or a source identifier', async () => {
    await expect(
      db.owner.query(
        `INSERT INTO patients (organization_id, family_name, birth_date, sex, portal_code)
         VALUES ($1, 'Nobody', '1950-01-01', 'female', 'DDDD-EEEE-FFFF')`,
        [orgA.id],
      ),
    ).rejects.toThrow(/patients_identified/);
  });
});
