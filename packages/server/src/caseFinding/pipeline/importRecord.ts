// The one mapping of an import run to its row in `imports` (the import history) and back to what the
// history API answers: fracture imports, report imports and refused or failed attempts all use it.
import { count, desc, eq } from 'drizzle-orm';
import type { Database } from '../../db/connection';
import { imports } from '../../db/schema';
import type { ImportStatus } from '@osteopad/contract';
import { inOrganization } from '../../audit/auditedTransaction';

export type ImportRow = typeof imports.$inferInsert;
export type StoredImport = typeof imports.$inferSelect;
export type { ImportStatus };

/** What an import run is: who ran it, through which channel, on what. */
export interface ImportRun {
  id: string;
  organizationId: string;
  format: ImportRow['format'];
  channel: string;
  fileName: string;
  fileSha256?: string;
  skipInvalid: boolean;
  userId: string | null;
  startedAt: Date;
}

/** What it came to; counts left out are 0. */
export interface ImportOutcome {
  status: ImportStatus;
  finishedAt: Date;
  rows: number;
  imported: number;
  eligible?: number;
  excluded?: number;
  manualReview?: number;
  duplicates: number;
  patientsUpdated?: number;
  deathsRecorded?: number;
  invalid: number;
  errors: readonly unknown[];
  warnings?: readonly unknown[];
  warningsCount?: number;
}

export function importRecord(run: ImportRun, outcome: ImportOutcome): ImportRow {
  return {
    id: run.id,
    organizationId: run.organizationId,
    format: run.format,
    fileName: run.fileName.slice(0, 300),
    fileSha256: run.fileSha256 ?? '',
    channel: run.channel,
    status: outcome.status,
    skipInvalid: run.skipInvalid,
    rows: outcome.rows,
    imported: outcome.imported,
    eligible: outcome.eligible ?? 0,
    excluded: outcome.excluded ?? 0,
    manualReview: outcome.manualReview ?? 0,
    duplicates: outcome.duplicates,
    patientsUpdated: outcome.patientsUpdated ?? 0,
    deathsRecorded: outcome.deathsRecorded ?? 0,
    invalid: outcome.invalid,
    errors: outcome.errors,
    warnings: outcome.warnings ?? [],
    warningsCount: outcome.warningsCount ?? 0,
    userId: run.userId,
    startedAt: run.startedAt,
    finishedAt: outcome.finishedAt,
  };
}

/** A row of the import history as the API answers it (GET /api/imports). */
export function historyItem(r: StoredImport) {
  return {
    id: r.id,
    format: r.format,
    fileName: r.fileName,
    channel: r.channel,
    status: r.status,
    rows: r.rows,
    imported: r.imported,
    eligible: r.eligible,
    excluded: r.excluded,
    manualReview: r.manualReview,
    duplicates: r.duplicates,
    patientsUpdated: r.patientsUpdated,
    deathsRecorded: r.deathsRecorded,
    invalid: r.invalid,
    warnings: r.warningsCount,
    startedAt: r.startedAt.toISOString(),
    finishedAt: r.finishedAt.toISOString(),
  };
}

/** A page of the organisation's import history, newest first (no patient data: no read is audited). */
export async function importHistory(
  db: Database,
  organizationId: string,
  page: { limit: number; offset: number },
): Promise<{ items: ReturnType<typeof historyItem>[]; total: number }> {
  const [rows, totals] = await inOrganization(db, organizationId, (tx) =>
    Promise.all([
      tx
        .select()
        .from(imports)
        .where(eq(imports.organizationId, organizationId))
        .orderBy(desc(imports.startedAt))
        .limit(page.limit)
        .offset(page.offset),
      tx.select({ n: count() }).from(imports).where(eq(imports.organizationId, organizationId)),
    ]),
  );
  return { items: rows.map(historyItem), total: totals[0]?.n ?? 0 };
}
