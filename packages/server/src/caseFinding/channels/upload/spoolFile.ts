// The spool: an upload that runs as a job is written to a file first (readable by Osteopad's user only),
// and the job's worker imports that file. One file per job, named by the job's id; removed once the job
// has ended. The directory must be shared by the web server and the worker (DATA_DIR/spool by default).
import { createWriteStream } from 'node:fs';
import { mkdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

const JOB_ID = /^[0-9a-f-]{36}$/i;

/** The spooled file of the job `jobId` in `spoolDir`. */
export function spoolPath(spoolDir: string, jobId: string): string {
  if (!JOB_ID.test(jobId)) throw new Error(`Not a job id: ${jobId}`);
  return join(spoolDir, `${jobId}.upload`);
}

/**
 * Writes `chunks` to the job's spool file, which must not exist yet. On any failure (the upload broke
 * off, the disk is full) the partial file is removed and the error thrown.
 */
export async function writeSpoolFile(
  spoolDir: string,
  jobId: string,
  chunks: AsyncIterable<Buffer>,
): Promise<{ path: string; bytes: number }> {
  await mkdir(spoolDir, { recursive: true, mode: 0o700 });
  const path = spoolPath(spoolDir, jobId);
  try {
    await pipeline(Readable.from(chunks), createWriteStream(path, { flags: 'wx', mode: 0o600 }));
  } catch (error) {
    await removeSpoolFile(spoolDir, jobId);
    throw error;
  }
  return { path, bytes: (await stat(path)).size };
}

export async function spoolFileExists(spoolDir: string, jobId: string): Promise<boolean> {
  try {
    return (await stat(spoolPath(spoolDir, jobId))).isFile();
  } catch {
    return false;
  }
}

export async function removeSpoolFile(spoolDir: string, jobId: string): Promise<void> {
  await rm(spoolPath(spoolDir, jobId), { force: true });
}
