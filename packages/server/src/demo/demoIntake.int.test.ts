import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/testDatabase';
import { seedDemo } from './demoData';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db.drop();
});

describe('demo intakes', () => {
  it('leaves one intake partly filled and one completed, each save kept as a revision', async () => {
    await seedDemo(db.app.db, '2026-11-21');
    const responses = await db.owner.query<{ status: string; version: number; revisions: number }>(`
      SELECT r.status, r.version,
             (SELECT count(*)::int FROM intake_response_revisions v WHERE v.episode_id = r.episode_id) AS revisions
        FROM intake_responses r
        JOIN users u ON u.id = r.updated_by
       WHERE u.role = 'nurse'
       ORDER BY r.version`);
    expect(responses.rows).toEqual([
      { status: 'in_progress', version: 1, revisions: 1 },
      { status: 'completed', version: 2, revisions: 2 },
    ]);
  });
});
