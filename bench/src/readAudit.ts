// `npm run bench -- readAudit`: what logging every patient a response shows as read (NEN 7513) costs,
// on a 50-row worklist page and on the patient page, in one run on data brought in by the real import of
// a generated CSV (BENCH_READ_AUDIT_ROWS rows, default 20,000).
//
// Each pair alternates, many times: (A) the real unit of work, which reads and writes its read events;
// (B) the same reads in the same kind of transaction without the events.
// - Worklist: A is the real worklist query (`queryWorklist`: one statement — scope, count, page and the
//   INSERT of the 50 events in a data-modifying CTE). B is the same statement without that CTE
//   (`scopedStatement(…, worklistPageRows(…), null)`).
// - Patient page: A is the real page read (`getPatientRecord`: one statement with the read event in a
//   data-modifying CTE). B is the same statement without that CTE (`scopedStatement(…, null)`).
// A runs as a named prepared statement (as the server runs both reads); so does B, under a name of its own.
// Reported: median and p95 of each, the difference (ms and share of B), and audit INSERT statements and
// rows per request, checked by counting the statements sent and the rows of audit_events.
import { join } from 'node:path';
import pg from 'pg';
import { createUser } from '@osteopad/server/users/userAccounts';
import type { Actor } from '@osteopad/server/auth/actor';
import type { Database } from '@osteopad/server/db/connection';
import { queryWorklist } from '@osteopad/server/worklist/worklistQuery';
import { PgDialect } from 'drizzle-orm/pg-core';
import type { SQL } from 'drizzle-orm';
import { getPatientRecord, patientRecordQuery } from '@osteopad/server/patients/patientRecords';
import { scopedStatement } from '@osteopad/server/audit/auditInStatement';
import { worklistPageRows, type WorklistFilter } from '@osteopad/server/worklist/worklistQuery';
import { namedRecordsOf } from '@osteopad/server/audit/namedRecords';
import { importBenchCsv, openBenchDatabase, writeCsv } from './_importHarness';

const ROWS = Number(process.env.BENCH_READ_AUDIT_ROWS ?? 20_000);
const WORKLIST_REPETITIONS = Number(process.env.BENCH_READ_AUDIT_REPS ?? 400);
const PAGE_REPETITIONS = WORKLIST_REPETITIONS * 2;
const WARM_UP = 30;
const PAGE_SIZE = 50;
const PAGES = 10;

/**
 * The worklist page read, in one place: the first page of the projection-backed worklist (keyset
 * paging: deeper pages cost the same), alternating the order so both ends are read. Returns the
 * patients shown.
 */
function worklistFilter(page: number): WorklistFilter {
  return { view: 'to_invite', sort: 'dueDate', order: page % 2 === 0 ? 'asc' : 'desc', limit: PAGE_SIZE };
}

async function readWorklistPage(db: Database, actor: Actor, page: number): Promise<number> {
  const result = await queryWorklist(db, actor, worklistFilter(page));
  return result.items.length;
}

const dialect = new PgDialect();

/** Case B's statements, prepared as the server prepares case A's (one name per text). */
async function runPrepared(db: Database, name: string, statement: SQL): Promise<number> {
  const query = dialect.sqlToQuery(statement);
  const result = await db.$client.query({ name, text: query.sql, values: query.params });
  return result.rows.length;
}

type QueryFunction = (...args: unknown[]) => unknown;

function textOf(first: unknown): string {
  if (typeof first === 'string') return first;
  if (typeof first === 'object' && first !== null && 'text' in first) {
    const text = first.text;
    if (typeof text === 'string') return text;
  }
  return '';
}

const AUDIT_INSERT = /^\s*insert into "?audit_events"?/i;
const AUDIT_IN_STATEMENT = /INSERT INTO audit_events/;

/** Watches the pool's connections: counts the statements that write audit events. */
class AuditStatementWatch {
  auditStatements = 0;
  private readonly watched = new WeakSet<pg.PoolClient>();

  constructor(pool: pg.Pool) {
    pool.on('acquire', (client) => {
      this.watch(client);
    });
  }

  private watch(client: pg.PoolClient): void {
    if (this.watched.has(client)) return;
    this.watched.add(client);
    const original = client.query.bind(client) as QueryFunction;
    (client as unknown as { query: QueryFunction }).query = (...args: unknown[]) => {
      const text = textOf(args[0]);
      if (AUDIT_INSERT.test(text) || AUDIT_IN_STATEMENT.test(text)) this.auditStatements += 1;
      return original(...args);
    };
  }
}

interface Stats {
  medianMs: number;
  p95Ms: number;
  meanMs: number;
}

function stats(samples: readonly number[]): Stats {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number): number => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  const round = (n: number): number => Number(n.toFixed(3));
  return {
    medianMs: round(at(0.5)),
    p95Ms: round(at(0.95)),
    meanMs: round(sorted.reduce((a, b) => a + b, 0) / Math.max(1, sorted.length)),
  };
}

async function timed(work: () => Promise<unknown>): Promise<number> {
  const start = process.hrtime.bigint();
  await work();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

function comparison(a: readonly number[], b: readonly number[]) {
  const withAudit = stats(a);
  const withoutAudit = stats(b);
  const differenceMs = Number((withAudit.medianMs - withoutAudit.medianMs).toFixed(3));
  return {
    withAudit,
    withoutAudit,
    medianDifferenceMs: differenceMs,
    medianDifferenceShare: Number((differenceMs / withoutAudit.medianMs).toFixed(3)),
    p95DifferenceMs: Number((withAudit.p95Ms - withoutAudit.p95Ms).toFixed(3)),
  };
}

export async function run(): Promise<Record<string, unknown>> {
  const bench = await openBenchDatabase();
  try {
    const { db, pool } = bench.app;
    const organizationId = bench.organizationId;
    const file = join(bench.workDir, 'fractures.csv');
    await writeCsv(file, ROWS);
    const summary = await importBenchCsv(bench, file);
    if (summary.status !== 'succeeded') throw new Error('import failed');

    const user = await createUser(db, {
      organizationId,
      username: 'bench.nurse',
      displayName: 'Bench Nurse',
      role: 'nurse',
      password: 'bench password that is long enough',
      patientId: null,
    });
    const actor: Actor = {
      userId: user.id,
      username: 'bench.nurse',
      displayName: 'Bench Nurse',
      role: 'nurse',
      organizationId,
      patientId: null,
      clientAddress: '127.0.0.1',
      sessionTokenHash: '',
      csrfToken: '',
      accessReason: '',
    };
    const pageActor = (patientId: string): Actor => ({
      ...actor,
      namedRecords: namedRecordsOf('GET /api/patients/:patientId', { patientId }) ?? undefined,
    });
    const watch = new AuditStatementWatch(pool);
    // The owner's connection, outside the watch and row-level security: counting and sampling.
    const owner = new pg.Client({ connectionString: bench.ownerUrl });
    await owner.connect();
    const auditRows = async (): Promise<number> => {
      const r = await owner.query<{ n: string }>('SELECT count(*) AS n FROM audit_events');
      return Number(r.rows[0]?.n ?? -1);
    };
    // Patients with episodes and fractures: what the patient page shows at its fullest.
    const sample = await owner.query<{ id: string }>(
      `SELECT DISTINCT e.patient_id AS id FROM episodes e ORDER BY e.patient_id LIMIT 50`,
    );
    const patientIds = sample.rows.map((r) => r.id);
    if (patientIds.length === 0) throw new Error('no patients with episodes');
    const patientId = (i: number): string => patientIds[i % patientIds.length] ?? '';

    const worklistA = (i: number) => readWorklistPage(db, actor, i % PAGES);
    const worklistB = (i: number) =>
      runPrepared(
        db,
        `bench_worklist_without_events_${(i % PAGES) % 2}`,
        scopedStatement(
          organizationId,
          null,
          worklistPageRows(worklistFilter(i % PAGES), organizationId, null),
          null,
        ),
      );
    const pageA = (i: number) => getPatientRecord(db, pageActor(patientId(i)), patientId(i));
    const pageB = (i: number) =>
      runPrepared(
        db,
        'bench_patient_record_without_events',
        scopedStatement(
          organizationId,
          pageActor(patientId(i)).namedRecords ?? null,
          patientRecordQuery(organizationId, patientId(i)),
          null,
        ),
      );

    // What one request writes: audit statements and rows, for each case.
    const perRequest = async (work: () => Promise<unknown>) => {
      const statements = watch.auditStatements;
      const rows = await auditRows();
      await work();
      return { auditStatements: watch.auditStatements - statements, auditRows: (await auditRows()) - rows };
    };
    let shown = 0;
    const worklistWrites = {
      withAudit: await perRequest(async () => {
        shown = await worklistA(0);
      }),
      withoutAudit: await perRequest(() => worklistB(0)),
    };
    if (shown !== PAGE_SIZE) throw new Error(`the worklist page shows ${shown} patients, not ${PAGE_SIZE}`);
    const pageWrites = {
      withAudit: await perRequest(() => pageA(0)),
      withoutAudit: await perRequest(() => pageB(0)),
    };

    const alternate = async (
      repetitions: number,
      a: (i: number) => Promise<unknown>,
      b: (i: number) => Promise<unknown>,
    ) => {
      for (let i = 0; i < WARM_UP; i += 1) {
        await a(i);
        await b(i);
      }
      const samplesA: number[] = [];
      const samplesB: number[] = [];
      for (let i = 0; i < repetitions; i += 1) {
        // Alternate which goes first, so neither always runs on the warmer cache.
        if (i % 2 === 0) {
          samplesA.push(await timed(() => a(i)));
          samplesB.push(await timed(() => b(i)));
        } else {
          samplesB.push(await timed(() => b(i)));
          samplesA.push(await timed(() => a(i)));
        }
      }
      return { samplesA, samplesB };
    };

    const rowsBefore = await auditRows();
    const statementsBefore = watch.auditStatements;
    const worklist = await alternate(WORKLIST_REPETITIONS, worklistA, worklistB);
    const worklistRowsWritten = (await auditRows()) - rowsBefore;
    const worklistStatements = watch.auditStatements - statementsBefore;
    const pageRowsBefore = await auditRows();
    const pageStatementsBefore = watch.auditStatements;
    const page = await alternate(PAGE_REPETITIONS, pageA, pageB);
    const pageRowsWritten = (await auditRows()) - pageRowsBefore;
    const pageStatements = watch.auditStatements - pageStatementsBefore;
    const worklistRuns = WORKLIST_REPETITIONS + WARM_UP;
    const pageRuns = PAGE_REPETITIONS + WARM_UP;
    if (worklistStatements !== worklistRuns || worklistRowsWritten !== worklistRuns * PAGE_SIZE)
      throw new Error(`worklist: ${worklistStatements} audit statements, ${worklistRowsWritten} rows`);
    if (pageStatements !== pageRuns || pageRowsWritten !== pageRuns)
      throw new Error(`patient page: ${pageStatements} audit statements, ${pageRowsWritten} rows`);
    await owner.end();

    return {
      importedRows: summary.rows,
      worklistPage: {
        call: "queryWorklist view 'to_invite', dueDate asc and desc in turn, 50 rows (one statement, read events in a data-modifying CTE)",
        repetitions: WORKLIST_REPETITIONS,
        ...comparison(worklist.samplesA, worklist.samplesB),
        perRequest: worklistWrites,
        auditInsertsPerRequest: worklistStatements / worklistRuns,
        auditRowsPerRequest: worklistRowsWritten / worklistRuns,
      },
      patientPage: {
        call: 'getPatientRecord (one statement, read event in a data-modifying CTE), 50 patients in turn',
        repetitions: PAGE_REPETITIONS,
        ...comparison(page.samplesA, page.samplesB),
        perRequest: pageWrites,
        auditInsertsPerRequest: pageStatements / pageRuns,
        auditRowsPerRequest: pageRowsWritten / pageRuns,
      },
    };
  } finally {
    await bench.close();
  }
}
