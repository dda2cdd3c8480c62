// What the import pipeline's integration tests share: a test database with one organisation, the
// organisation's administrator as the import's audit subject, and row counts of that organisation.
import type { AuditSubject } from '../src/audit/auditLog';
import { createOrganization, type TestOrganization } from './appHarness';
import { createTestDatabase, type TestDatabase } from './testDatabase';

export interface ImportTestDatabase {
  readonly db: TestDatabase;
  readonly org: TestOrganization;
}

export async function openImportTestDatabase(organizationName: string): Promise<ImportTestDatabase> {
  const db = await createTestDatabase();
  return { db, org: await createOrganization(db, organizationName, 0) };
}

/** The organisation's administrator, as the CLI import records its subject. */
export function importSubject(org: TestOrganization): AuditSubject {
  return {
    userId: org.users.admin.id,
    username: org.users.admin.username,
    role: 'admin',
    organizationId: org.id,
    clientAddress: null,
    reason: 'import',
  };
}

/** Rows of `table` that belong to the organisation (and match `where`), read as the owner. */
export async function countOrganizationRows(
  { db, org }: ImportTestDatabase,
  table: string,
  where = 'true',
): Promise<number> {
  const r = await db.owner.query<{ n: number }>(
    `SELECT count(*)::int n FROM ${table} WHERE organization_id = $1 AND ${where}`,
    [org.id],
  );
  return r.rows[0]?.n ?? -1;
}
