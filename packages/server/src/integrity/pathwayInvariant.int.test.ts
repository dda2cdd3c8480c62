// The pathway invariant on the demo data, and `osteopad check` on a database that breaks it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EpisodeState } from '@osteopad/contract';
import { createTestDatabase, type TestDatabase } from '../../test/testDatabase';
import { runOsteopad } from '../../test/osteopadProcess';
import { seedDemo } from '../demo/demoData';
import { checkPathwayInvariant } from './pathwayInvariant';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
  await seedDemo(db.app.db, '2026-11-21');
});
afterAll(async () => {
  await db.drop();
});

/**
 * The states whose paths this test holds to the invariant on the demo data: the case finding and the
 * consult up to the decision, and every end. The follow-up states (treating, no_treatment, referred,
 * follow_up, re_evaluation) join when the follow-up rules give each its dated tasks.
 */
const CHECKED_STATES: readonly EpisodeState[] = [
  'identified',
  'invited',
  'reminded',
  'intake',
  'investigated',
  'decided',
  'closed',
  'declined',
  'not_eligible',
  'lost',
];

describe('the pathway invariant on the demo data', () => {
  it(`holds for every episode in ${CHECKED_STATES.join(', ')}`, async () => {
    const check = await checkPathwayInvariant(db.owner);
    expect(check.episodes).toBeGreaterThan(30);
    const states = await db.owner.query<{ state: EpisodeState }>('SELECT DISTINCT state::text FROM episodes');
    // The demo reaches the consult's states, so the check is not vacuous there.
    expect(states.rows.map((r) => r.state)).toEqual(
      expect.arrayContaining(['identified', 'invited', 'reminded', 'intake', 'declined']),
    );
    expect(check.violations.filter((v) => CHECKED_STATES.includes(v.state as EpisodeState))).toEqual([]);
  });

  it('the attended visit waits for its results, the recorded investigations for the decision', async () => {
    const open = await db.owner.query<{ state: string; kind: string }>(
      `SELECT e.state::text, t.kind FROM episodes e JOIN tasks t ON t.episode_id = e.id AND t.status = 'open'
        WHERE t.kind IN ('record_investigations', 'record_decision')`,
    );
    expect(open.rows).toContainEqual({ state: 'intake', kind: 'record_investigations' });
  });
});

describe('osteopad check', () => {
  it('exits 0 and says so when every episode keeps the invariant', async () => {
    // Only the states this branch holds to it: give the others a task so the run is about the check.
    await db.owner.query(
      `INSERT INTO tasks (organization_id, episode_id, patient_id, kind, due_date, assignee_role)
       SELECT e.organization_id, e.id, e.patient_id, 'control_visit', DATE '2027-01-01', 'nurse'
         FROM episodes e
        WHERE e.state NOT IN ('closed', 'declined', 'not_eligible', 'lost')
          AND NOT EXISTS (SELECT 1 FROM tasks t WHERE t.episode_id = e.id AND t.status = 'open')`,
    );
    const r = await runOsteopad(db.ownerUrl, ['check']);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/episodes checked: 0 violating the invariant/);
    expect(r.code).toBe(0);
  }, 60_000);

  it('prints each violating episode by id only and exits 4', async () => {
    const patient = await db.owner.query<{
      id: string;
      organization_id: string;
      bsn: string;
      family_name: string;
    }>(`SELECT id, organization_id, bsn, family_name FROM patients ORDER BY source_id LIMIT 1`);
    const p = patient.rows[0];
    if (p === undefined) throw new Error('no demo patient');
    const inserted = await db.owner.query<{ id: string; state: string }>(
      `INSERT INTO episodes (organization_id, patient_id, state, opened_on, closed_on)
       VALUES ($1, $2, 'investigated', DATE '2026-10-01', NULL), ($1, $2, 'lost', DATE '2026-09-01', DATE '2026-10-01')
       RETURNING id, state::text`,
      [p.organization_id, p.id],
    );
    const withoutTask = inserted.rows.find((r) => r.state === 'investigated')?.id ?? '';
    const withoutReason = inserted.rows.find((r) => r.state === 'lost')?.id ?? '';

    const check = await checkPathwayInvariant(db.owner);
    expect(check.counts).toEqual({ open_dated_task: 1, end_reason: 1 });
    expect(check.violations).toContainEqual(
      expect.objectContaining({
        episodeId: withoutTask,
        organizationId: p.organization_id,
        state: 'investigated',
        missing: 'open_dated_task',
      }),
    );

    const r = await runOsteopad(db.ownerUrl, ['check']);
    expect(r.code, r.stderr).toBe(4);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines.find((l) => l.includes(withoutTask))).toMatch(
      new RegExp(`organisation ${p.organization_id}\\s+state investigated since \\S+Z\\s+no open dated task`),
    );
    expect(lines.find((l) => l.includes(withoutReason))).toMatch(
      /state lost since \S+\s+ended without a reason/,
    );
    expect(lines.at(-1)).toMatch(
      /2 violating the invariant \(1 without an open dated task, 1 ended without a reason\)/,
    );
    // Privacy: ids only.
    expect(r.stdout).not.toContain(p.bsn);
    expect(r.stdout).not.toContain(p.family_name);

    const json = await runOsteopad(db.ownerUrl, ['check', '--json', '--limit', '1']);
    expect(json.code).toBe(4);
    const parsed = JSON.parse(json.stdout) as { violations: unknown[]; counts: Record<string, number> };
    expect(parsed.violations).toHaveLength(1);
    expect(parsed.counts).toEqual({ open_dated_task: 1, end_reason: 1 });
  }, 60_000);
});
