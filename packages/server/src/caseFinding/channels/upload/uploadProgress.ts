// How far an upload through the import screen has come, so the browser can show a progress bar while
// its request is still open. Counts only — no patient data. Kept in this process's memory: one
// Osteopad server per organisation's imports (an import holds a per-organisation lock anyway).

export interface UploadProgress {
  rowsRead: number;
  bytesRead: number;
  /** From Content-Length; null when the client did not say. */
  totalBytes: number | null;
  done: boolean;
}

export interface UploadOwner {
  organizationId: string;
  userId: string;
}

interface Entry extends UploadProgress {
  finishedAt: number | null;
}

export class UploadAlreadyRunning extends Error {
  override readonly name = 'UploadAlreadyRunning';
}

/** Uploads in progress and recently finished, visible only to the user who started them. */
export class UploadProgressRegistry {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly now: () => number,
    /** How long a finished upload's last figures stay readable. */
    private readonly keepMs = 10 * 60_000,
  ) {}

  private key(owner: UploadOwner, uploadId: string): string {
    return `${owner.organizationId}|${owner.userId}|${uploadId}`;
  }

  private prune(): void {
    const now = this.now();
    for (const [key, entry] of this.entries) {
      if (entry.finishedAt !== null && now - entry.finishedAt > this.keepMs) this.entries.delete(key);
    }
  }

  start(owner: UploadOwner, uploadId: string, totalBytes: number | null): void {
    this.prune();
    const key = this.key(owner, uploadId);
    if (this.entries.get(key)?.done === false) throw new UploadAlreadyRunning(uploadId);
    this.entries.set(key, { rowsRead: 0, bytesRead: 0, totalBytes, done: false, finishedAt: null });
  }

  update(owner: UploadOwner, uploadId: string, change: { rowsRead?: number; bytesRead?: number }): void {
    const entry = this.entries.get(this.key(owner, uploadId));
    if (entry === undefined || entry.done) return;
    if (change.rowsRead !== undefined) entry.rowsRead = change.rowsRead;
    if (change.bytesRead !== undefined) entry.bytesRead = change.bytesRead;
  }

  finish(owner: UploadOwner, uploadId: string): void {
    const entry = this.entries.get(this.key(owner, uploadId));
    if (entry === undefined) return;
    entry.done = true;
    entry.finishedAt = this.now();
  }

  get(owner: UploadOwner, uploadId: string): UploadProgress | undefined {
    this.prune();
    const entry = this.entries.get(this.key(owner, uploadId));
    if (entry === undefined) return undefined;
    const { rowsRead, bytesRead, totalBytes, done } = entry;
    return { rowsRead, bytesRead, totalBytes, done };
  }
}
