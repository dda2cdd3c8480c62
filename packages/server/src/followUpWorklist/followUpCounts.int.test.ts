import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import type { FollowUpWorklist } from '@osteopad/contract';
import { createHarness, type Harness } from '../../test/appHarness';
import { openInvestigatedEpisode } from '../../test/followUpEpisode';

// The tabs' counts are kept by triggers on the projection (follow_up_counts, migration 0025): after every kind
// of change, and after concurrent writers, they must equal a recount of the projection.
let h: Harness;
let pool: pg.Pool;
const episodesOf = new Map<string, { orgId: string; patientId: string }>();

async function episode(orgId: string, patientId: string, fractureDate: string): Promise<string> {
  const id = await openInvestigatedEpisode(h.db.app.db, orgId, patientId, fractureDate);
  episodesOf.set(id, { orgId, patientId });
  return id;
}

async function addTasks(
  client: pg.Pool | pg.PoolClient,
  episodeId: string,
  tasks: { kind: string; due: string; role: string }[],
): Promise<string[]> {
  const e = episodesOf.get(episodeId);
  if (e === undefined) throw new Error('unknown episode');
  const rows = await client.query<{ id: string }>(
    `INSERT INTO tasks (organization_id, episode_id, patient_id, kind, due_date, assignee_role)
     SELECT $1, $2, $3, k, d, r::user_role FROM unnest($4::text[], $5::date[], $6::text[]) AS x(k, d, r)
     RETURNING id`,
    [
      e.orgId,
      episodeId,
      e.patientId,
      tasks.map((t) => t.kind),
      tasks.map((t) => t.due),
      tasks.map((t) => t.role),
    ],
  );
  return rows.rows.map((r) => r.id);
}

/** The kept counts and a recount of the projection, per organisation, role, date and kind. */
async function keptAndRecounted() {
  const key = `organization_id || ' ' || assignee_role || ' ' || due_key || ' ' || entry_kind`;
  const kept = await h.db.owner.query<{ key: string; n: number }>(
    `SELECT ${key} AS key, sum(n)::int AS n FROM follow_up_counts GROUP BY 1 HAVING sum(n) <> 0 ORDER BY 1`,
  );
  const recounted = await h.db.owner.query<{ key: string; n: number }>(
    `SELECT ${key} AS key, count(*)::int AS n
       FROM (SELECT organization_id, coalesce(assignee_role, '') AS assignee_role, due_key, entry_kind
               FROM worklist_items WHERE list_key = 'follow_up') w
      GROUP BY 1 ORDER BY 1`,
  );
  const rows = await h.db.owner.query<{ rows: number; keys: number }>(
    `SELECT count(*)::int AS rows,
            count(DISTINCT (organization_id, assignee_role, due_key, entry_kind))::int AS keys
       FROM follow_up_counts`,
  );
  return { kept: kept.rows, recounted: recounted.rows, rows: rows.rows[0] };
}

async function expectExact(): Promise<void> {
  const { kept, recounted } = await keptAndRecounted();
  expect(kept).toEqual(recounted);
}

beforeAll(async () => {
  h = await createHarness();
  h.clock.set('2026-11-02T09:00:00Z');
  pool = new pg.Pool({ connectionString: h.db.ownerUrl, max: 8 });
}, 120_000);
afterAll(async () => {
  await pool.end();
  await h.close();
});

describe('the follow-up tab counts', () => {
  it('equal a recount after inserts, updates and deletes of every source', async () => {
    const [a1 = '', a2 = ''] = h.orgA.patientIds;
    const [b1 = ''] = h.orgB.patientIds;
    const one = await episode(h.orgA.id, a1, '2026-06-01');
    const two = await episode(h.orgA.id, a2, '2026-07-01');
    const other = await episode(h.orgB.id, b1, '2026-06-01');
    const ids = await addTasks(h.db.owner, one, [
      { kind: 'yearly_check', due: '2026-11-02', role: 'nurse' },
      { kind: 'yearly_check', due: '2026-11-02', role: 'nurse' },
      { kind: 'denosumab_injection', due: '2026-10-01', role: 'nurse' },
      { kind: 'standard_reevaluation', due: '2026-12-01', role: 'specialist' },
      // A case-finding task: not on the follow-up lists, not counted.
      { kind: 'invite', due: '2026-11-02', role: 'secretary' },
    ]);
    await addTasks(h.db.owner, two, [{ kind: 'yearly_check', due: '2026-11-02', role: 'nurse' }]);
    await addTasks(h.db.owner, other, [{ kind: 'yearly_check', due: '2026-11-02', role: 'nurse' }]);
    await expectExact();
    expect((await keptAndRecounted()).kept.length).toBe(4);

    // A new due date, another role, done, cancelled: each refreshes the patient's rows.
    await h.db.owner.query(`UPDATE tasks SET due_date = '2026-11-20' WHERE id = $1`, [ids[0]]);
    await expectExact();
    await h.db.owner.query(`UPDATE tasks SET assignee_role = 'specialist' WHERE id = $1`, [ids[1]]);
    await expectExact();
    await h.db.owner.query(`UPDATE tasks SET status = 'done', outcome = 'done' WHERE id = $1`, [ids[2]]);
    await expectExact();
    await h.db.owner.query(`UPDATE tasks SET status = 'cancelled' WHERE id = $1`, [ids[3]]);
    await expectExact();
    // The episode's state and the patient's name refresh every row of the patient.
    await h.db.owner.query(`UPDATE episodes SET state = 'follow_up' WHERE id = $1`, [one]);
    await h.db.owner.query(`UPDATE patients SET family_name = family_name || 'x' WHERE id = $1`, [a2]);
    await expectExact();
    // Deleted tasks; an update of the projection itself (as the owner); several rows in one statement.
    await h.db.owner.query(`DELETE FROM tasks WHERE episode_id = $1 AND status <> 'open'`, [one]);
    await expectExact();
    await h.db.owner.query(
      `UPDATE worklist_items SET due_key = due_key + 1, assignee_role = 'secretary' WHERE episode_id = $1`,
      [two],
    );
    await expectExact();
    await h.db.owner.query(`UPDATE tasks SET due_date = due_date + 3 WHERE episode_id IN ($1, $2, $3)`, [
      one,
      two,
      other,
    ]);
    await expectExact();
    // One row per key after the writers merged what they touched.
    const { rows } = await keptAndRecounted();
    expect(rows?.rows).toBe(rows?.keys);
  });

  it('answers the tabs from the kept counts, for one role, all roles and one kind', async () => {
    const nurse = await h.login(h.orgA.users.nurse.username);
    const today = '2026-11-02';
    const recount = async (condition: string) =>
      (
        await h.db.owner.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM worklist_items
            WHERE list_key = 'follow_up' AND organization_id = $1 AND ${condition}`,
          [h.orgA.id],
        )
      ).rows[0]?.n;
    for (const [query, role] of [
      ['', `assignee_role = 'nurse'`],
      ['&role=all', 'true'],
      ['&role=all&kind=yearly_check', `entry_kind = 'yearly_check'`],
    ] as const) {
      const page = (
        await h.as(nurse, 'GET', `/api/follow-up/worklist?tab=due_today&days=365${query}`)
      ).json<FollowUpWorklist>();
      expect(page.counts.due_today.total).toBe(await recount(`${role} AND due_key = '${today}'`));
      expect(page.counts.overdue.total).toBe(await recount(`${role} AND due_key < '${today}'`));
      expect(page.counts.upcoming.total).toBe(
        await recount(`${role} AND due_key > '${today}' AND due_key <= '${today}'::date + 365`),
      );
    }
  });

  it('stay exact under concurrent writers, who never wait for a transaction holding the same counts', async () => {
    const patients = h.orgA.patientIds;
    const eps = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        episode(h.orgA.id, patients[i % patients.length] ?? '', '2026-05-01'),
      ),
    );
    const shared = [
      { kind: 'adherence_check', due: '2026-11-10', role: 'nurse' },
      { kind: 'adherence_check', due: '2026-11-11', role: 'nurse' },
    ];
    // A long transaction (an import refreshing a follow-up patient) holds the counts it touched…
    const long = await pool.connect();
    try {
      await long.query('BEGIN');
      await addTasks(long, eps[0] ?? '', shared);
      // …while others write the same keys, moving rows between the two dates both ways, and commit.
      const writers = eps.slice(1).map(async (id, i) => {
        const client = await pool.connect();
        try {
          await client.query('BEGIN');
          await client.query(`SET LOCAL lock_timeout = '2s'`);
          const [first = '', second = ''] = await addTasks(client, id, shared);
          await client.query(`SELECT pg_sleep(0.01 * $1)`, [i % 3]);
          await client.query(
            `UPDATE tasks SET due_date = CASE WHEN id = $1 THEN '2026-11-11'::date ELSE '2026-11-10'::date END
              WHERE id IN ($1, $2)`,
            [i % 2 === 0 ? first : second, i % 2 === 0 ? second : first],
          );
          if (i % 3 === 0) await client.query(`UPDATE tasks SET status = 'cancelled' WHERE id = $1`, [first]);
          await client.query('COMMIT');
        } catch (error) {
          await client.query('ROLLBACK');
          throw error;
        } finally {
          client.release();
        }
      });
      await Promise.all(writers);
      await expectExact(); // the long transaction's rows are not committed: neither counted nor recounted
      await long.query('COMMIT');
    } finally {
      long.release();
    }
    await expectExact();
  });

  it('are emptied with the projection', async () => {
    await h.db.owner.query('TRUNCATE worklist_items');
    expect((await keptAndRecounted()).kept).toEqual([]);
  });
});
