// The body of an upload as the import reads it: bytes pulled only as fast as the import takes them,
// a size cap, a digest, and a signal that fires when the uploader goes away or stops sending — so
// the import's transaction rolls back and its lock is free again at once, not at the next restart.
import { createHash } from 'node:crypto';
import type { EventEmitter } from 'node:events';
import type { Readable } from 'node:stream';
import { ImportInterrupted } from '../../pipeline/importRegistrations';

export interface UploadBodyLimits {
  maxBytes: number;
  /**
   * Longest wait for the next bytes while the import is ready for them. Time the import spends
   * writing does not count: the client cannot send while nobody reads.
   */
  idleTimeoutMs: number;
}

/** The response side of the request: `close` before `writableFinished` means the client went away. */
export type ResponseLifetime = EventEmitter & { readonly writableFinished: boolean };

export interface GuardedUploadBody {
  chunks: AsyncGenerator<Buffer>;
  /** Aborts with an `ImportInterrupted` when the uploader went away or stalled. */
  signal: AbortSignal;
  /** SHA-256 (hex) of the whole body; empty until the body has been read to its end. */
  sha256: () => string;
  /** Detaches from the request; a read still waiting fails. Call when the import is over. */
  stop: () => void;
}

const sizeMessage = (limit: number): string => `The file is larger than ${limit} bytes.`;

export function guardUploadBody(
  body: Readable,
  response: ResponseLifetime,
  limits: UploadBodyLimits,
): GuardedUploadBody {
  const controller = new AbortController();
  const hash = createHash('sha256');
  let digest = '';
  let seen = 0;
  let ended = false;
  let stopped = false;
  let wake = (): void => undefined;

  const interrupt = (code: string, message: string): void => {
    if (!controller.signal.aborted) controller.abort(new ImportInterrupted(code, message));
    wake();
  };
  const vanished = (): void => {
    interrupt(
      'upload.aborted',
      'The connection to the uploader was lost before the whole file arrived; nothing was imported.',
    );
  };
  const onReadable = (): void => {
    wake();
  };
  const onEnd = (): void => {
    ended = true;
    wake();
  };
  const onClose = (): void => {
    if (!ended) vanished();
  };
  const onResponseClose = (): void => {
    if (!response.writableFinished) vanished();
  };
  body.on('readable', onReadable);
  body.on('end', onEnd);
  body.on('error', vanished);
  body.on('aborted', vanished);
  body.on('close', onClose);
  response.on('close', onResponseClose);

  const stop = (): void => {
    if (stopped) return;
    stopped = true;
    body.off('readable', onReadable);
    body.off('end', onEnd);
    body.off('error', vanished);
    body.off('aborted', vanished);
    body.off('close', onClose);
    response.off('close', onResponseClose);
    wake();
  };

  const next = async (): Promise<Buffer | null> => {
    for (;;) {
      controller.signal.throwIfAborted();
      if (stopped) throw new ImportInterrupted('upload.aborted', 'The upload was no longer read.');
      const chunk = body.read() as Buffer | null;
      if (chunk !== null) return chunk;
      if (ended || body.readableEnded) return null;
      let timer: NodeJS.Timeout | undefined;
      await new Promise<void>((resolve) => {
        wake = resolve;
        timer = setTimeout(() => {
          interrupt(
            'upload.stalled',
            `No data arrived for ${Math.round(limits.idleTimeoutMs / 100) / 10} s; the upload was stopped and nothing was imported.`,
          );
        }, limits.idleTimeoutMs);
      });
      clearTimeout(timer);
      wake = () => undefined;
    }
  };

  async function* chunks(): AsyncGenerator<Buffer> {
    try {
      for (;;) {
        const chunk = await next();
        if (chunk === null) break;
        seen += chunk.length;
        if (seen > limits.maxBytes)
          throw new ImportInterrupted('upload.tooLarge', sizeMessage(limits.maxBytes));
        hash.update(chunk);
        yield chunk;
      }
      digest = hash.digest('hex');
    } finally {
      stop();
    }
  }

  return { chunks: chunks(), signal: controller.signal, sha256: () => digest, stop };
}
