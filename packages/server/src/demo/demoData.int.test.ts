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

const count = async (sql: string): Promise<number> =>
  (await db.owner.query<{ n: number }>(`SELECT count(*)::int n FROM ${sql}`)).rows[0]?.n ?? -1;

describe('demo data', () => {
  it('fills an empty database through the real import, with something on every worklist', async () => {
    const seeded = await seedDemo(db.app.db, '2026-11-21');
    expect(seeded?.logins.map((l) => l.role).sort()).toEqual([
      'admin',
      'nurse',
      'patient',
      'quality',
      'secretary',
      'specialist',
    ]);
    expect(new Set(seeded?.logins.map((l) => l.password)).size).toBe(6);
    expect(await count('patients')).toBe(40);
    expect(await count(`tasks WHERE kind = 'invite' AND status = 'open'`)).toBeGreaterThan(10);
    expect(await count(`tasks WHERE kind = 'review_eligibility' AND status = 'open'`)).toBeGreaterThan(0);
    expect(
      await count(`tasks WHERE kind IN ('invite_reminder', 'no_response_follow_up') AND status = 'open'`),
    ).toBeGreaterThan(0);
    expect(await count(`fracture_events WHERE eligibility = 'excluded'`)).toBeGreaterThan(0);
    expect(await count(`episodes WHERE state = 'declined'`)).toBe(1);
    // demoDecision.ts: patient 18 decided with one override (patient 17's fracture is excluded);
    // demoClocks.ts: patient 34's drug decided by the specialist.
    expect(await count(`decisions WHERE items @> '[{"choice": "override"}]'`)).toBe(2);
    expect(await count(`report_findings WHERE status = 'open'`)).toBe(2);
    expect(await count(`audit_events WHERE action = 'create' AND object_type = 'patient'`)).toBe(40);
    // The invitation loop's demo (demoLoop.ts): one attended and one planned appointment, a reopened
    // episode, an included fracture and a second reminder call waiting.
    expect(await count(`appointments WHERE status = 'attended'`)).toBe(1);
    expect(await count(`appointments WHERE status = 'planned'`)).toBe(1);
    expect(await count(`episodes WHERE state_reason_code = 'reopened'`)).toBe(1);
    expect(await count(`episode_events WHERE reason_code = 'fracture_included'`)).toBe(1);
    expect(
      await count(`tasks WHERE kind = 'no_response_follow_up' AND status = 'open' AND details ? 'attempt'`),
    ).toBe(1);
  });

  it('never seeds a database that already holds an organisation', async () => {
    expect(await seedDemo(db.app.db, '2026-11-21')).toBeNull();
    expect(await count('patients')).toBe(40);
  });
});
