import { sql, type SQL } from 'drizzle-orm';
import type { Database } from '../db/connection';
import { inOrganization } from '../audit/auditedTransaction';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Path parameters that name an organisation-owned row. Before any handler runs, the row must belong
 * to the caller's organisation; otherwise the answer is 404, whatever the route does next.
 */
const OWNED_PARAMS: Record<string, (id: string) => SQL> = {
  patientId: (id) => sql`SELECT 1 FROM patients WHERE id = ${id}`,
  episodeId: (id) => sql`SELECT 1 FROM episodes WHERE id = ${id}`,
  taskId: (id) => sql`SELECT 1 FROM tasks WHERE id = ${id}`,
  fractureId: (id) => sql`SELECT 1 FROM fracture_events WHERE id = ${id}`,
  findingId: (id) => sql`SELECT 1 FROM report_findings WHERE id = ${id}`,
  userId: (id) =>
    sql`SELECT 1 FROM users WHERE id = ${id} AND organization_id = osteopad_current_organization()`,
};

export function ownedParamNames(params: Record<string, unknown>): string[] {
  return Object.keys(params).filter((name) => name in OWNED_PARAMS);
}

export function isKnownOwnedParam(name: string): boolean {
  return name in OWNED_PARAMS;
}

export async function ownsAll(
  db: Database,
  organizationId: string,
  params: Record<string, unknown>,
): Promise<boolean> {
  const names = ownedParamNames(params);
  if (names.length === 0) return true;
  return inOrganization(db, organizationId, async (tx) => {
    for (const name of names) {
      const value = params[name];
      const query = OWNED_PARAMS[name];
      if (typeof value !== 'string' || !UUID.test(value) || query === undefined) return false;
      const result = await tx.execute(query(value));
      if (result.rows.length === 0) return false;
    }
    return true;
  });
}
