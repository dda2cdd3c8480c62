// An append-only log file of bounded size: when it reaches `maxBytes` it is renamed to `<path>.1`
// (the older ones move on to `.2` … `.<keep>`, the oldest is deleted) and a new one is started.
// Lines written within one turn of the event loop go to disk in one write, off the request's path;
// what is still buffered when the process exits is written synchronously on the way out.
import { closeSync, fstatSync, mkdirSync, openSync, renameSync, rmSync, write, writeSync } from 'node:fs';
import { dirname } from 'node:path';

export interface RotatingLogFileOptions {
  path: string;
  /** Size at which the file is rotated. */
  maxBytes: number;
  /** How many rotated files are kept beside the current one. */
  keep: number;
  /** Told once, in a plain sentence, when the file can no longer be written. */
  onError: (message: string) => void;
}

/** While the disk does not keep up, at most this much waits in memory; further lines are dropped (and counted). */
const MAX_PENDING_BYTES = 8 * 1024 * 1024;

function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export class RotatingLogFile {
  readonly path: string;
  readonly #options: RotatingLogFileOptions;
  #fd: number | null;
  #size: number;
  #pending: string[] = [];
  #pendingBytes = 0;
  #scheduled = false;
  /** The write under way, if any. */
  #inFlight: Promise<void> | null = null;
  #dropped = 0;
  #failed = false;
  readonly #onExit = (): void => {
    // The process ends now: what is buffered goes out synchronously (a write under way finishes
    // on its own or not at all).
    this.#writePendingSync();
  };

  private constructor(options: RotatingLogFileOptions, fd: number) {
    this.path = options.path;
    this.#options = options;
    this.#fd = fd;
    this.#size = fstatSync(fd).size;
    process.on('exit', this.#onExit);
  }

  /** Opens (creating its folder, mode 700, and the file, mode 600) or throws a plain error naming the file. */
  static open(options: RotatingLogFileOptions): RotatingLogFile {
    try {
      mkdirSync(dirname(options.path), { recursive: true, mode: 0o700 });
      return new RotatingLogFile(options, openSync(options.path, 'a', 0o600));
    } catch (error) {
      throw new Error(
        `Cannot open the request log ${options.path} (${reasonOf(error)}). ` +
          'Set REQUEST_LOG to a file that Osteopad may write, or REQUEST_LOG=off to keep no request log.',
        { cause: error },
      );
    }
  }

  write(line: string): void {
    if (this.#fd === null) return;
    if (this.#pendingBytes + line.length > MAX_PENDING_BYTES) {
      this.#dropped++;
      return;
    }
    this.#pending.push(line);
    this.#pendingBytes += line.length;
    if (this.#scheduled || this.#inFlight !== null) return;
    this.#scheduled = true;
    setImmediate(() => {
      this.#scheduled = false;
      this.#writeNext();
    });
  }

  /** Waits for the write under way, writes what is buffered, and closes the file. */
  async close(): Promise<void> {
    process.off('exit', this.#onExit);
    while (this.#inFlight !== null) await this.#inFlight;
    this.#writePendingSync();
    if (this.#fd === null) return;
    try {
      closeSync(this.#fd);
    } catch {
      // closing a file that failed already
    }
    this.#fd = null;
  }

  #writePendingSync(): void {
    const fd = this.#fd;
    if (fd === null) return;
    const chunk = this.#takePending();
    if (chunk === null) return;
    try {
      let offset = 0;
      while (offset < chunk.length) offset += writeSync(fd, chunk, offset);
      this.#written(chunk.length);
    } catch (error) {
      this.#fail(error);
    }
  }

  #takePending(): Buffer | null {
    if (this.#pending.length === 0 && this.#dropped === 0) return null;
    if (this.#dropped > 0) {
      const note = {
        level: 40,
        time: Date.now(),
        msg: `request log: ${this.#dropped} lines were dropped because the disk did not keep up`,
      };
      this.#pending.push(`${JSON.stringify(note)}\n`);
      this.#dropped = 0;
    }
    const chunk = Buffer.from(this.#pending.join(''), 'utf8');
    this.#pending = [];
    this.#pendingBytes = 0;
    return chunk;
  }

  #writeNext(): void {
    const fd = this.#fd;
    if (fd === null || this.#inFlight !== null) return;
    const chunk = this.#takePending();
    if (chunk === null) return;
    this.#inFlight = new Promise<void>((resolve) => {
      const writeFrom = (offset: number): void => {
        write(fd, chunk, offset, chunk.length - offset, null, (error, written) => {
          if (error === null && offset + written < chunk.length) {
            writeFrom(offset + written);
            return;
          }
          this.#inFlight = null;
          resolve();
          if (error !== null) this.#fail(error);
          else {
            this.#written(chunk.length);
            this.#writeNext();
          }
        });
      };
      writeFrom(0);
    });
  }

  #written(bytes: number): void {
    if (this.#fd === null) return;
    this.#size += bytes;
    if (this.#size >= this.#options.maxBytes) this.#rotate();
  }

  #rotate(): void {
    const { path, keep } = this.#options;
    try {
      if (this.#fd !== null) closeSync(this.#fd);
      this.#fd = null;
      rmSync(`${path}.${keep}`, { force: true });
      for (let n = keep - 1; n >= 1; n--) {
        try {
          renameSync(`${path}.${n}`, `${path}.${n + 1}`);
        } catch (error) {
          if (!(error instanceof Error && 'code' in error && error.code === 'ENOENT')) throw error;
        }
      }
      if (keep > 0) renameSync(path, `${path}.1`);
      else rmSync(path, { force: true });
      this.#fd = openSync(path, 'a', 0o600);
      this.#size = 0;
    } catch (error) {
      this.#fail(error);
    }
  }

  #fail(error: unknown): void {
    if (this.#failed) return;
    this.#failed = true;
    if (this.#fd !== null) {
      try {
        closeSync(this.#fd);
      } catch {
        // already unusable
      }
    }
    this.#fd = null;
    this.#pending = [];
    this.#pendingBytes = 0;
    this.#options.onError(
      `Osteopad can no longer write its request log ${this.#options.path} (${reasonOf(error)}); ` +
        'requests are not logged to the file until Osteopad is started again. Warnings and errors still appear here.',
    );
  }
}
