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

describe('the follow-up demo', () => {
  it('gives patient 34 an overdue start of treatment with clocks met, missed and running', async () => {
    await seedDemo(db.app.db, '2026-11-21');
    const rows = await db.owner.query<{
      entry_kind: string;
      due_key: string;
      dxa_on: string | null;
      assessed_on: string | null;
      clock_kind: string | null;
      fracture_date: string;
    }>(
      `SELECT entry_kind, due_key::text, dxa_on::text, assessed_on::text, clock_kind, fracture_date::text
         FROM worklist_items WHERE list_key = 'follow_up' AND dxa_on IS NOT NULL ORDER BY due_key`,
    );
    const row = rows.rows.find((r) => r.entry_kind === 'start_treatment');
    // Fracture 132 days before today; DXA on day 60, decision on day 100, start due a week later.
    expect(row).toMatchObject({
      fracture_date: '2026-07-12',
      dxa_on: '2026-09-10',
      assessed_on: '2026-10-20',
      due_key: '2026-10-27',
      clock_kind: 'follow_up_16w',
    });
  });
});
