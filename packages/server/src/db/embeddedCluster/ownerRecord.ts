// `<DATA_DIR>/postgres-owner.json`: which Osteopad process started the running postmaster. It tells
// a postmaster whose Osteopad died (an orphan, to be replaced) from one that a live Osteopad runs
// (to connect to) and from one that someone else started by hand (to use, never to stop).
import { randomBytes } from 'node:crypto';
import { readFile, rename, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';

const ownerRecordSchema = z.object({
  ownerPid: z.number().int().positive(),
  postmasterPid: z.number().int().positive(),
  port: z.number().int().min(1).max(65535),
  command: z.string(),
  startedAt: z.string(),
});

export type OwnerRecord = z.infer<typeof ownerRecordSchema>;

export function ownerRecordPath(dataDir: string): string {
  return join(dataDir, 'postgres-owner.json');
}

/** Null when there is no record or it cannot be read as one (then nobody is known to own it). */
export async function readOwnerRecord(dataDir: string): Promise<OwnerRecord | null> {
  let text: string;
  try {
    text = await readFile(ownerRecordPath(dataDir), 'utf8');
  } catch {
    return null;
  }
  try {
    const parsed = ownerRecordSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Written to a temporary name and renamed, so a reader never sees half a record. */
export async function writeOwnerRecord(dataDir: string, record: OwnerRecord): Promise<void> {
  const temporary = `${ownerRecordPath(dataDir)}.${randomBytes(4).toString('hex')}.tmp`;
  await writeFile(temporary, JSON.stringify(record, null, 2) + '\n', { mode: 0o644 });
  await rename(temporary, ownerRecordPath(dataDir));
}

/** Removes the record if it still names this postmaster (a successor's record stays). */
export async function removeOwnerRecord(dataDir: string, postmasterPid: number): Promise<void> {
  const current = await readOwnerRecord(dataDir);
  if (current?.postmasterPid !== postmasterPid) return;
  await unlink(ownerRecordPath(dataDir)).catch(() => undefined);
}
