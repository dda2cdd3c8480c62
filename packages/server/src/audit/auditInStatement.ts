// A read that is a whole unit of work in one statement, so one round trip: it scopes itself to the
// organisation (row-level security), checks the records the request names, reads its rows, and inserts
// one read event per row shown (NEN 7513) — all one statement, so one (implicit) transaction: the
// events are written exactly when the rows are read. For the pages that show records (the patient page,
// the worklists, the consult and follow-up pages); work of several statements goes through
// auditedTransaction.
import { createHash } from 'node:crypto';
import { sql, type SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import type { Database } from '../db/connection';
import type { Actor } from '../auth/actor';
import { DomainError, notFound } from '../domain/errors';
import { subjectOf, writeAudit, type AuditEntry, type AuditSubject } from './auditLog';
import { accessDeniedEntry, ownershipCondition, type NamedRecords } from './namedRecords';
import { pendingNamedRecords } from './auditedTransaction';

/** The read events of a statement: one per row of its answer. */
export interface ReadEvents {
  /** The answer's column that holds the id of the patient the row shows. */
  readonly patientIdColumn: string;
  /** What was read (`patient`); the object id is the patient's id. */
  readonly objectType: string;
  /** The same for every event of the request (`{ view: 'record' }`). */
  readonly details: Readonly<Record<string, unknown>>;
  /**
   * The answer's boolean column that says whether the row is shown. Rows where it is not true are
   * read to decide what the page says (the row after the last one, which says there is a next page;
   * the one row of an empty page that carries its count) and are not logged: they never reach the
   * user. Absent: every row is shown.
   */
  readonly shownColumn?: string;
}

export interface AuditedRead {
  /**
   * The rows of the answer: an ordinary SELECT (it may order and limit). It runs after the statement
   * has set the organisation and checked the named records, inside a subquery that cannot be merged
   * into the scope (so row-level security applies to it as it would in a transaction). Filter every
   * table on `organization_id = <the organisation>` as a parameter, as every query does: the planner
   * cannot know the organisation row-level security compares with (it is set by this very statement)
   * and plans well only with the parameter (see `ownershipCondition`).
   */
  readonly rows: SQL;
  readonly reads: ReadEvents;
  /** Logged as failed reads when the statement fails (the patient the page was asked for). */
  readonly attempted?: readonly AuditEntry[];
  /**
   * A read whose SQL text is always the same (only its parameters change) may name it: it runs as a
   * named prepared statement, parsed and planned once per connection instead of per request (the
   * patient page's statement took ~0.5 ms to plan). Only for a fixed text: each name is kept by every
   * connection of the pool (a variant of the text, such as without the ownership check, is prepared
   * under a name of its own).
   */
  readonly statementName?: string;
}

type MarkedRow = Record<string, unknown> & { osteopad_owned: boolean; osteopad_row: string | null };

const dialect = new PgDialect();

/** Runs `statement`, as the named prepared statement `name` when there is one. */
async function run(db: Database, statement: SQL, name: string | undefined): Promise<MarkedRow[]> {
  if (name === undefined) return (await db.execute<MarkedRow>(statement)).rows;
  const query = dialect.sqlToQuery(statement);
  // The text's hash in the name: a variant of the text (named records already checked) is a statement of its own.
  const named = `${name}_${createHash('sha1').update(query.sql).digest('hex').slice(0, 12)}`;
  return (await db.$client.query<MarkedRow>({ name: named, text: query.sql, values: query.params })).rows;
}

/**
 * The statement: the scope (the organisation set for row-level security, and whether the named
 * records are its own), the answer's rows read within it, then `events` — an INSERT over `answer`, or
 * null for a read that shows no patient data. It answers one row per answer row with the marker columns
 * `osteopad_owned` (false: a named record is not the organisation's; then no rows are read) and
 * `osteopad_row` (null on the one row answered when there are no rows).
 *
 * Why the order holds inside one statement: the organisation is set in a materialized CTE; the
 * ownership condition is a subquery of its row, and the rows are read in a lateral subquery over the
 * scope's row that is kept apart (OFFSET 0) — PostgreSQL cannot start either before it has that row.
 */
export function scopedStatement(
  organizationId: string,
  named: NamedRecords | null,
  rows: SQL,
  events: SQL | null,
): SQL {
  const owned =
    named === null ? sql`true` : ownershipCondition(named, organizationId, sql`s.organization_id`);
  return sql`
    WITH osteopad_setting AS MATERIALIZED (
      SELECT set_config('osteopad.organization_id', ${organizationId}, true)::uuid AS organization_id
    ),
    osteopad_scope AS MATERIALIZED (
      SELECT s.organization_id, ${owned} AS owned FROM osteopad_setting s
    ),
    answer AS MATERIALIZED (
      SELECT row_number() OVER () AS osteopad_row, r.*
      FROM osteopad_scope scope
      CROSS JOIN LATERAL (
        SELECT q.* FROM (${rows}) q WHERE scope.organization_id IS NOT NULL OFFSET 0
      ) r
      WHERE scope.owned
    )${events === null ? sql`` : sql`, osteopad_read_events AS (${events})`}
    SELECT scope.owned AS osteopad_owned, a.*
    FROM osteopad_scope scope LEFT JOIN answer a ON scope.owned
    ORDER BY a.osteopad_row`;
}

/** The INSERT of one read event per row of `answer`, for `subject` (used in `scopedStatement`). */
export function readEventsInsert(subject: AuditSubject, reads: ReadEvents): SQL {
  const patientId = sql`a.${sql.identifier(reads.patientIdColumn)}`;
  return sql`
    INSERT INTO audit_events (user_id, username, role, organization_id, client_address, reason,
      patient_id, action, object_type, object_id, outcome, details)
    SELECT ${subject.userId}::uuid, ${subject.username}, ${subject.role}, ${subject.organizationId}::uuid,
      ${subject.clientAddress}::inet, ${subject.reason},
      ${patientId}, 'read', ${reads.objectType}, ${patientId}::text, 'success', ${JSON.stringify(reads.details)}::jsonb
    FROM answer a${reads.shownColumn === undefined ? sql`` : sql` WHERE a.${sql.identifier(reads.shownColumn)} IS TRUE`}`;
}

/**
 * Runs `read` as one statement for a logged-in user: scoped to their organisation, the records their
 * request names checked (a record of another organisation: access_denied logged, DomainError
 * not_found), and a read event for every row answered, written by the same statement.
 */
export async function auditedRead<Row extends Record<string, unknown>>(
  db: Database,
  actor: Actor,
  read: AuditedRead,
): Promise<Row[]> {
  const subject = subjectOf(actor);
  const named = pendingNamedRecords(actor);
  let result: MarkedRow[];
  try {
    result = await run(
      db,
      scopedStatement(actor.organizationId, named, read.rows, readEventsInsert(subject, read.reads)),
      read.statementName,
    );
  } catch (error) {
    const attempted = read.attempted ?? [];
    if (attempted.length > 0) {
      const code = error instanceof DomainError ? error.code : 'error';
      await writeAudit(
        db,
        subject,
        attempted.map((e) => ({ ...e, outcome: 'failure', details: { ...e.details, error: code } })),
      );
    }
    throw error;
  }
  const first = result[0];
  if (first?.osteopad_owned !== true) {
    if (named !== null) await writeAudit(db, subject, [accessDeniedEntry(named)]);
    throw notFound('Record');
  }
  if (named !== null) named.checked = true;
  const rows: Row[] = [];
  for (const marked of result) {
    if (marked.osteopad_row === null) continue;
    const { osteopad_owned: _owned, osteopad_row: _row, ...row } = marked;
    rows.push(row as Row);
  }
  return rows;
}
