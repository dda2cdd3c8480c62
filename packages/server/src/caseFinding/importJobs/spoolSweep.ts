// The spool sweep: a spooled upload whose job is not waiting or running any more is removed. A job
// removes its file when it ends; a file stays behind only when that removal failed, or when the server
// stopped between spooling the file and committing its job (no job row at all). Files younger than the
// grace period are left alone: an upload's file is written before its job row is committed.
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { and, inArray, notInArray } from 'drizzle-orm';
import { FINISHED_IMPORT_JOB_STATUSES } from '@osteopad/contract';
import type { Database } from '../../db/connection';
import { importJobs } from '../../db/schema';
import { inOrganization } from '../../audit/auditedTransaction';
import { allOrganizationIds } from '../../organizations/organizationIds';
import { removeSpoolFile } from '../channels/upload/spoolFile';

/** How old a spooled file without a live job must be before the sweep removes it. */
export const SPOOL_GRACE_MS = 60 * 60 * 1000;

const SPOOLED = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\.upload$/i;

export interface SpoolSweepResult {
  /** The job ids whose files were removed. */
  readonly removed: readonly string[];
  /** Spooled files left: their job is queued, running or retrying, or the file is too young. */
  readonly kept: number;
}

async function spooledFiles(spoolDir: string): Promise<{ jobId: string; modifiedMs: number }[]> {
  let names: string[];
  try {
    names = await readdir(spoolDir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const files: { jobId: string; modifiedMs: number }[] = [];
  for (const name of names) {
    const jobId = SPOOLED.exec(name)?.[1];
    if (jobId === undefined) continue;
    try {
      const info = await stat(join(spoolDir, name));
      if (info.isFile()) files.push({ jobId: jobId.toLowerCase(), modifiedMs: info.mtimeMs });
    } catch {
      // Removed meanwhile by its job: nothing to sweep.
    }
  }
  return files;
}

/** The ids among `jobIds` whose job, in whichever organisation, has not ended. */
async function liveJobIds(db: Database, jobIds: readonly string[]): Promise<Set<string>> {
  const live = new Set<string>();
  if (jobIds.length === 0) return live;
  for (const organizationId of await allOrganizationIds(db)) {
    const rows = await inOrganization(db, organizationId, (tx) =>
      tx
        .select({ id: importJobs.id })
        .from(importJobs)
        .where(
          and(
            inArray(importJobs.id, [...jobIds]),
            notInArray(importJobs.status, [...FINISHED_IMPORT_JOB_STATUSES]),
          ),
        ),
    );
    for (const row of rows) live.add(row.id);
  }
  return live;
}

export async function sweepSpool(
  db: Database,
  spoolDir: string,
  now: Date,
  graceMs: number = SPOOL_GRACE_MS,
): Promise<SpoolSweepResult> {
  const files = await spooledFiles(spoolDir);
  const old = files.filter((f) => f.modifiedMs <= now.getTime() - graceMs).map((f) => f.jobId);
  const live = await liveJobIds(db, old);
  const removed = old.filter((id) => !live.has(id));
  for (const id of removed) await removeSpoolFile(spoolDir, id);
  return { removed, kept: files.length - removed.length };
}
