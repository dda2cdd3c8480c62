// `npm run bench -- scheduler`: the daily scheduler pass (jobs/schedulerPass.ts) over 1,000,000 open tasks
// (issue 12: ≤ 10 s, without loading them into memory). Builds its database itself: a fresh embedded
// PostgreSQL, migrated, one organisation, and BENCH_SCHEDULER_TASKS open tasks (default 1,000,000) seeded
// set-based as the owner — two open tasks per episode, a quarter of the episodes with a done task beside
// them, 60 % of the episodes in follow-up (follow-up kinds, five of them patient-facing), 40 % in case
// finding (the other kinds of TASK_KINDS), due dates spread evenly from 90 days ago to 364 days ahead
// (a fifth overdue), 60 % of the patients with an e-mail address. The rows go in through plain INSERTs in
// the order the foreign keys need (patients, fractures, episodes, tasks), so the projection worklist_items
// is filled by its own statement-level triggers as after any write (checked: one row per open task).
// Then, in the same run, as the worker runs it (the application role, row-level security):
//   - baselines: `count(*)` of the open tasks, and a read-only keyset scan of the same batches (one
//     transaction per batch, scoped to the organisation as the pass is);
//   - the first pass of the day (flags every overdue task, creates the reminders, audits each per record);
//   - a second pass the same day (idempotent: flags nothing, creates nothing);
//   - the next day's pass (what every day after the first costs: flags the tasks due the day before,
//     creates the reminders that came into their windows).
// Each with seconds, PostgreSQL CPU seconds, the pass's counts, the audit rows it wrote and the Node
// process's memory before and at its peak. BENCH_SCHEDULER_BATCH overrides the pass's batch size.
import pg from 'pg';
import { FOLLOW_UP_TASK_KINDS, TASK_KINDS, type TaskKind } from '@osteopad/contract';
import { inOrganization } from '@osteopad/server/audit/auditedTransaction';
import { runSchedulerPass, type SchedulerPassResult } from '@osteopad/server/jobs/schedulerPass';
import {
  DEFAULT_REMINDER_SETTINGS,
  PATIENT_FACING_TASK_KINDS,
  type ReminderSettings,
} from '@osteopad/server/reminders/reminderSettings';
import { TASK_ASSIGNEES } from '@osteopad/server/tasks/taskKinds';
import { sql } from 'drizzle-orm';
import { BENCH_TODAY, openBenchDatabase, type BenchDatabase } from './_importHarness';
import { withMemoryPeak, type MemoryFigures } from './_memoryPeak';
import { postgresCpuSince } from './_postgresCpu';

const TASKS = Number(process.env.BENCH_SCHEDULER_TASKS ?? 1_000_000);
const TASKS_PER_EPISODE = 2;
/** Episodes seeded per transaction (each with its patient, fracture and tasks). */
const EPISODES_PER_CHUNK = 100_000;
const BUDGET_SECONDS = 10;
const settings: ReminderSettings = {
  ...DEFAULT_REMINDER_SETTINGS,
  batchSize: Number(process.env.BENCH_SCHEDULER_BATCH ?? DEFAULT_REMINDER_SETTINGS.batchSize),
};
const FOLLOW_UP_KINDS: readonly TaskKind[] = FOLLOW_UP_TASK_KINDS;
const CASE_FINDING_KINDS = TASK_KINDS.filter((k) => !FOLLOW_UP_KINDS.includes(k));

function progress(message: string): void {
  console.log(`[scheduler ${new Date().toISOString().slice(11, 19)}] ${message}`);
}

const seconds = (since: number) => Number(((performance.now() - since) / 1000).toFixed(2));

/**
 * Episodes `from`..`to` (1-based), each with its patient, index fracture and TASKS_PER_EPISODE open tasks,
 * every fourth with a done task too. Ids are md5-derived from the number (random-looking, as the table's
 * default gen_random_uuid() makes them: the pass's keyset order is not the heap's order).
 */
async function seedEpisodes(owner: pg.Client, organizationId: string, from: number, to: number) {
  const id = (what: string) => `md5('bench-${what}-' || i)::uuid`;
  const range: unknown[] = [organizationId, from, to, BENCH_TODAY];
  await owner.query('BEGIN');
  try {
    await owner.query(
      `INSERT INTO patients (id, organization_id, source_system, source_id, family_name, given_names,
                             birth_date, sex, portal_code, email)
       SELECT ${id('patient')}, $1, 'bench', 'sched-' || i, 'Bench' || i, 'Testa',
              date '1930-01-01' + (i * 37 % 18000), CASE WHEN i % 3 = 0 THEN 'male'::sex ELSE 'female'::sex END,
              'sched-' || i, CASE WHEN i % 5 < 3 THEN 'patient' || i || '@example.org' ELSE '' END
         FROM generate_series($2::int, $3::int) i`,
      [organizationId, from, to],
    );
    await owner.query(
      `INSERT INTO fracture_events (id, organization_id, patient_id, fracture_date, site_code, identity_key,
                                    eligibility, eligibility_reason)
       SELECT ${id('fracture')}, $1, ${id('patient')}, $4::date - (60 + i % 700), 'femur_proximal',
              'femur_proximal', 'eligible', 'eligibleLocation'
         FROM generate_series($2::int, $3::int) i`,
      range,
    );
    // 60 % in follow-up, 40 % in case finding (the state decides which kinds its tasks are).
    await owner.query(
      `INSERT INTO episodes (id, organization_id, patient_id, index_fracture_id, state, patient_group, opened_on)
       SELECT ${id('episode')}, $1, ${id('patient')}, ${id('fracture')},
              CASE WHEN i % 10 < 6 THEN 'follow_up'::episode_state ELSE 'identified'::episode_state END,
              'hip', $4::date - (46 + i % 700)
         FROM generate_series($2::int, $3::int) i`,
      range,
    );
    const kinds = (list: readonly TaskKind[]) => [list, list.map((k) => TASK_ASSIGNEES[k].role)];
    const [followUpKinds, followUpRoles] = kinds(FOLLOW_UP_KINDS);
    const [caseFindingKinds, caseFindingRoles] = kinds(CASE_FINDING_KINDS);
    // Open tasks: kind by the episode's number and the task's, due from 90 days ago to 364 days ahead.
    await owner.query(
      `INSERT INTO tasks (organization_id, episode_id, patient_id, kind, due_date, assignee_role, status,
                          outcome, completed_at)
       SELECT $1, ${id('episode')}, ${id('patient')}, k.kind, due, k.role::user_role, s.status::task_status,
              CASE WHEN s.status = 'done' THEN 'done' ELSE '' END,
              CASE WHEN s.status = 'done' THEN due::timestamptz END
         FROM generate_series($2::int, $3::int) i
        CROSS JOIN LATERAL (
          SELECT t, CASE WHEN t > $5::int THEN 'done' ELSE 'open' END AS status
            FROM generate_series(1, $5::int + CASE WHEN i % 4 = 0 THEN 1 ELSE 0 END) t) s
        CROSS JOIN LATERAL (
          SELECT CASE WHEN s.status = 'done' THEN $4::date - (100 + i % 300)
                      ELSE $4::date + ((i::bigint * 7919 + s.t * 104729) % 455 - 90)::int END AS due) d
        CROSS JOIN LATERAL (
          SELECT (CASE WHEN i % 10 < 6 THEN $6::text[] ELSE $8::text[] END)[n] AS kind,
                 (CASE WHEN i % 10 < 6 THEN $7::text[] ELSE $9::text[] END)[n] AS role
            FROM (SELECT 1 + (i * 31 + s.t * 17) % (CASE WHEN i % 10 < 6 THEN $10::int ELSE $11::int END) AS n) x) k`,
      [
        ...range,
        TASKS_PER_EPISODE,
        followUpKinds,
        followUpRoles,
        caseFindingKinds,
        caseFindingRoles,
        FOLLOW_UP_KINDS.length,
        CASE_FINDING_KINDS.length,
      ],
    );
    await owner.query('COMMIT');
  } catch (error) {
    await owner.query('ROLLBACK');
    throw error;
  }
}

/** Seeds `tasks` open tasks into the organisation (and gives it a mailbox, for the staff digest). */
export async function seedOpenTasks(owner: pg.Client, organizationId: string, tasks: number) {
  const episodes = Math.ceil(tasks / TASKS_PER_EPISODE);
  await owner.query(`UPDATE organizations SET email = 'fls@example.org' WHERE id = $1`, [organizationId]);
  for (let from = 1; from <= episodes; from += EPISODES_PER_CHUNK) {
    const to = Math.min(episodes, from + EPISODES_PER_CHUNK - 1);
    await seedEpisodes(owner, organizationId, from, to);
    progress(`  episodes ${from.toLocaleString('en')}–${to.toLocaleString('en')} seeded`);
  }
}

interface TaskFacts {
  openTasks: number;
  doneTasks: number;
  overdue: number;
  patientFacing: number;
  withEmail: number;
  inReminderWindow: number;
  projectionTaskRows: number;
  tableMiB: number;
}

async function taskFacts(owner: pg.Client): Promise<TaskFacts> {
  const r = await owner.query<TaskFacts>(
    `SELECT count(*) FILTER (WHERE t.status = 'open')::int AS "openTasks",
            count(*) FILTER (WHERE t.status = 'done')::int AS "doneTasks",
            count(*) FILTER (WHERE t.status = 'open' AND t.due_date < $1::date)::int AS overdue,
            count(*) FILTER (WHERE t.status = 'open' AND t.kind = ANY($2::text[]))::int AS "patientFacing",
            count(*) FILTER (WHERE t.status = 'open' AND p.email <> '')::int AS "withEmail",
            count(*) FILTER (WHERE t.status = 'open' AND t.kind = ANY($2::text[]) AND p.email <> ''
                               AND t.due_date BETWEEN $1::date - $3::int AND $1::date + $4::int)::int
              AS "inReminderWindow",
            (SELECT count(*)::int FROM worklist_items WHERE task_id IS NOT NULL) AS "projectionTaskRows",
            round(pg_total_relation_size('tasks') / 1048576.0, 1)::float AS "tableMiB"
       FROM tasks t JOIN patients p ON p.id = t.patient_id`,
    [BENCH_TODAY, PATIENT_FACING_TASK_KINDS, settings.overdueReminderWithinDays, settings.upcomingDaysBefore],
  );
  const facts = r.rows[0];
  if (facts === undefined) throw new Error('no task facts');
  return facts;
}

async function auditRowsOfThePass(owner: pg.Client): Promise<number> {
  const r = await owner.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM audit_events WHERE username = 'worker:scheduler'`,
  );
  return r.rows[0]?.n ?? 0;
}

/** The pass's own batches read without writing: the same keyset, one transaction per batch, scoped. */
async function readOnlyKeysetScan(bench: BenchDatabase) {
  let after = '00000000-0000-0000-0000-000000000000';
  let seen = 0;
  let batches = 0;
  for (;;) {
    const page = await inOrganization(bench.app.db, bench.organizationId, (tx) =>
      tx.execute<{ n: number; last_id: string | null }>(sql`
        SELECT count(*)::int AS n, max(id::text) AS last_id FROM (
          SELECT t.id FROM tasks t
           WHERE t.organization_id = ${bench.organizationId} AND t.status = 'open' AND t.id > ${after}::uuid
           ORDER BY t.id LIMIT ${settings.batchSize}) b`),
    );
    const n = page.rows[0]?.n ?? 0;
    const last = page.rows[0]?.last_id ?? null;
    batches += 1;
    seen += n;
    if (last === null || n < settings.batchSize) break;
    after = last;
  }
  return { seen, batches };
}

interface Measured<T> {
  seconds: number;
  postgresCpuSeconds: number;
  nodeCpuSeconds: number;
  memory: MemoryFigures;
  result: T;
}

async function measure<T>(bench: BenchDatabase, work: () => Promise<T>): Promise<Measured<T>> {
  const cpu = postgresCpuSince(bench.workDir);
  const nodeCpu = process.cpuUsage();
  const start = performance.now();
  const { result, memory } = await withMemoryPeak(work);
  const node = process.cpuUsage(nodeCpu);
  return {
    seconds: seconds(start),
    postgresCpuSeconds: cpu(),
    nodeCpuSeconds: Number(((node.user + node.system) / 1e6).toFixed(2)),
    memory,
    result,
  };
}

/** The calendar day after `day` (YYYY-MM-DD). */
function dayAfter(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

async function measuredPass(bench: BenchDatabase, owner: pg.Client, name: string, today = BENCH_TODAY) {
  const auditBefore = await auditRowsOfThePass(owner);
  const m = await measure(bench, () => runSchedulerPass(bench.app.db, today, settings));
  const auditRows = (await auditRowsOfThePass(owner)) - auditBefore;
  const r: SchedulerPassResult = m.result;
  progress(
    `${name}: ${m.seconds} s (PostgreSQL CPU ${m.postgresCpuSeconds} s), ${r.tasksSeen} tasks in ${r.batches} batches, ` +
      `${r.flaggedOverdue} flagged, ${r.remindersCreated} reminders, ${auditRows} audit rows, ` +
      `peak RSS ${m.memory.peak.rssMiB} MiB (before ${m.memory.before.rssMiB})`,
  );
  return {
    seconds: m.seconds,
    postgresCpuSeconds: m.postgresCpuSeconds,
    nodeCpuSeconds: m.nodeCpuSeconds,
    withinBudget: m.seconds <= BUDGET_SECONDS,
    tasksSeen: r.tasksSeen,
    batches: r.batches,
    flaggedOverdue: r.flaggedOverdue,
    unflagged: r.unflagged,
    overdueTasks: r.overdueTasks,
    remindersCreated: r.remindersCreated,
    digestsCreated: r.digestsCreated,
    auditRowsWritten: auditRows,
    memory: m.memory,
  };
}

export async function run(): Promise<Record<string, unknown>> {
  const bench = await openBenchDatabase();
  const owner = new pg.Client({ connectionString: bench.ownerUrl });
  try {
    await owner.connect();
    progress(`seeding ${TASKS.toLocaleString('en')} open tasks (${TASKS_PER_EPISODE} per episode)`);
    const seedStart = performance.now();
    await seedOpenTasks(owner, bench.organizationId, TASKS);
    const seedSeconds = seconds(seedStart);
    await owner.query('VACUUM (ANALYZE) patients, fracture_events, episodes, tasks, worklist_items');
    const facts = await taskFacts(owner);
    progress(`seeded in ${seedSeconds} s: ${JSON.stringify(facts)}`);
    if (facts.projectionTaskRows !== facts.openTasks)
      throw new Error(
        `the projection has ${facts.projectionTaskRows} task rows for ${facts.openTasks} open tasks`,
      );

    const count = await measure(bench, () =>
      owner.query<{ n: number }>(`SELECT count(*)::int AS n FROM tasks WHERE status = 'open'`),
    );
    progress(`baseline count(*): ${count.seconds} s`);
    const scan = await measure(bench, () => readOnlyKeysetScan(bench));
    progress(
      `baseline keyset scan: ${scan.seconds} s, ${scan.result.seen} tasks in ${scan.result.batches} batches`,
    );

    const first = await measuredPass(bench, owner, 'first pass of the day');
    const second = await measuredPass(bench, owner, 'second pass the same day');
    const nextDay = await measuredPass(bench, owner, "the next day's pass", dayAfter(BENCH_TODAY));
    const deliveries = await owner.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM reminder_deliveries WHERE task_id IS NOT NULL`,
    );
    return {
      today: BENCH_TODAY,
      tasks: facts,
      seedSeconds,
      batchSize: settings.batchSize,
      reminderWindows: {
        upcomingDaysBefore: settings.upcomingDaysBefore,
        overdueReminderWithinDays: settings.overdueReminderWithinDays,
      },
      baseline: {
        countOpenTasks: {
          seconds: count.seconds,
          postgresCpuSeconds: count.postgresCpuSeconds,
          rows: count.result.rows[0]?.n ?? 0,
        },
        readOnlyKeysetScan: {
          seconds: scan.seconds,
          postgresCpuSeconds: scan.postgresCpuSeconds,
          ...scan.result,
          memory: scan.memory,
        },
      },
      firstPass: first,
      secondPass: second,
      nextDayPass: nextDay,
      reminderDeliveriesStored: deliveries.rows[0]?.n ?? 0,
      budget: { firstPassSeconds: BUDGET_SECONDS },
      withinBudget: first.withinBudget && second.withinBudget && nextDay.withinBudget,
    };
  } finally {
    await owner.end().catch(() => undefined);
    await bench.close();
  }
}
