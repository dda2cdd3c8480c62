// Every organisation's id, for the work the job queue's worker does for each of them in turn (the
// scheduler pass, the reminder outbox, the spool sweep).
import { sql } from 'drizzle-orm';
import type { Database } from '../db/connection';

export async function allOrganizationIds(db: Database): Promise<string[]> {
  const result = await db.execute<{ id: string }>(sql`SELECT id FROM organizations ORDER BY id`);
  return result.rows.map((r) => r.id);
}
