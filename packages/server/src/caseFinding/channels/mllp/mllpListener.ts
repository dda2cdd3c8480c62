import { createServer, type Server, type Socket } from 'node:net';
import { randomUUID } from 'node:crypto';
import type { Hl7Message } from '@medplum/core';
import type { ClinicalConfigs } from '../../../clinicalConfig/clinicalConfigs';
import type { Database } from '../../../db/connection';
import type { AuditSubject } from '../../../audit/auditLog';
import { parseAdtMessage } from '../../parsers/hl7v2/parseAdt';
import { buildAck, buildAckForResult, formatHl7Timestamp } from './ack';
import type { ImportItem, ImportRowError } from '../../parsers/types';
import { localIsoDate } from '../../../time/localDate';
import { MllpFrameReader, frameMessage, type FrameEvent } from './mllpFrames';
import { importRegistrations } from '../../pipeline/importRegistrations';
import { DomainError } from '../../../domain/errors';
import { answerFrameProblem, answerFrameText, decodeFrame, failure, type Hl7Batch } from './mllpFrameAnswer';

export interface MllpDeps {
  db: Database;
  organizationId: string;
  subject: AuditSubject;
  /** The organisation's clinical configuration, read for each message (a new version applies at once). */
  clinicalConfigs: ClinicalConfigs;
  clock: () => Date;
  log: (line: string) => void;
}

async function* only(rows: readonly ImportItem[]): AsyncGenerator<ImportItem> {
  for (const row of rows) yield row;
  await Promise.resolve();
}

/**
 * Answers one ADT message: AR when it is not a message Osteopad takes (type, event, version), AE
 * with the reasons when its content is wrong or it cannot be stored, AA when it was imported (or was
 * already there — resending a message is harmless). A message refused for its content is kept in the
 * import history and the audit log like a refused file; one of a type Osteopad does not take is not.
 */
export async function answerAdtMessage(text: string, deps: MllpDeps): Promise<Hl7Message> {
  const now = deps.clock();
  const today = localIsoDate(now);
  const result = parseAdtMessage(text, { today, messageNumber: 1 });
  const ackBase = {
    timestamp: formatHl7Timestamp(now),
    controlId: randomUUID().replace(/-/g, '').slice(0, 20),
    ...(result.controlId === undefined ? {} : { originalControlId: result.controlId }),
  };
  if (result.status === 'rejected') return buildAckForResult(result, ackBase);
  const items: ImportItem[] = [...result.rows];
  if (result.patientUpdate !== undefined) items.push(result.patientUpdate);
  // Most ADT traffic is about people without a fracture: nothing to store, nothing to look up.
  if (items.length === 0) return buildAck(result.message ?? null, 'AA', { ...ackBase, text: 'no fracture' });
  try {
    const summary = await importRegistrations(deps.db, only(items), {
      organizationId: deps.organizationId,
      subject: deps.subject,
      format: 'hl7v2',
      channel: 'mllp',
      fileName: `MLLP ${result.controlId ?? ''} ${result.messageType ?? ''}`.trim(),
      skipInvalid: false,
      today,
      clock: deps.clock,
      config: await deps.clinicalConfigs.forOrganization(deps.organizationId),
      discardIfNothingChanged: true,
    });
    if (summary.status === 'rejected') {
      return buildAck(result.message ?? null, 'AE', { ...ackBase, errors: summary.errors });
    }
    return buildAck(result.message ?? null, 'AA', {
      ...ackBase,
      text: `imported ${summary.imported}, duplicates ${summary.duplicates}, patients updated ${summary.patientsUpdated}${summary.deathsRecorded > 0 ? `, deaths recorded ${summary.deathsRecorded}` : ''}`,
      warnings: summary.warnings,
    });
  } catch (error) {
    deps.log(
      `MLLP: storing message ${result.controlId ?? '?'} failed: ${error instanceof Error ? error.name : 'error'}`,
    );
    return buildAck(result.message ?? null, 'AE', { ...ackBase, ...ackForFailure(error) });
  }
}

/**
 * The one place a failure to store a message becomes the text and errors of its AE: busy (send it again
 * later), a domain refusal (its reasons; do not resend as is), or a temporary fault (send it again).
 */
export function ackForFailure(error: unknown): { text: string; errors?: ImportRowError[] } {
  if (error instanceof DomainError) {
    if (error.kind === 'busy')
      return { text: 'Another import of this organisation is running; send the message again later.' };
    return {
      text: error.message,
      errors: error.issues.map((i) => ({ row: 1, field: i.field, code: i.code, message: i.message })),
    };
  }
  return { text: 'Temporary failure while storing the message; send it again.' };
}

/** Limits that keep one peer from exhausting the listener (docs/OPERATIONS.md, MLLP). */
export interface MllpLimits {
  /** Largest message accepted; a larger one is refused (AR) without being kept in memory. */
  maxFrameBytes: number;
  /** Connections at once; more are closed at once. */
  maxConnections: number;
  /** A connection that sends nothing for this long is closed. */
  idleTimeoutMs: number;
  /** A frame left unfinished this long is refused (AR) and dropped. */
  frameTimeoutMs: number;
  /** Unframed data, or an FS still waiting for its CR, is resolved after this much quiet. */
  quietMs: number;
  /** Messages waiting on one connection before reading from it pauses (a pipelining peer waits). */
  maxQueuedMessages: number;
}

export const DEFAULT_MLLP_LIMITS: MllpLimits = {
  maxFrameBytes: 1024 * 1024,
  maxConnections: 64,
  idleTimeoutMs: 10 * 60_000,
  frameTimeoutMs: 30_000,
  quietMs: 1_000,
  maxQueuedMessages: 100,
};

export interface MllpListener {
  server: Server;
  port: number;
  close: () => Promise<void>;
}

type Work = { kind: 'frame'; payload: Buffer } | { kind: 'reply'; reply: Hl7Message };

/**
 * One peer: bytes → frames → one answer per frame, in the order received. Messages are answered one at a
 * time; while too many wait, reading pauses so that a pipelining peer cannot fill the memory.
 */
function serveConnection(socket: Socket, deps: MllpDeps, limits: MllpLimits, remote: string): Promise<void> {
  const reader = new MllpFrameReader({ maxFrameBytes: limits.maxFrameBytes });
  const queue: Work[] = [];
  let working = false;
  let paused = false;
  let timer: NodeJS.Timeout | undefined;
  let settle: () => void = () => undefined;
  const finished = new Promise<void>((resolve) => {
    settle = resolve;
  });

  const send = (reply: Hl7Message | Hl7Batch): void => {
    if (!socket.destroyed && socket.writable) socket.write(frameMessage(reply.toString()));
  };
  const answerMessage = (text: string): Promise<Hl7Message> => answerAdtMessage(text, deps);
  const answerFrame = async (payload: Buffer): Promise<Hl7Message | Hl7Batch> => {
    const text = decodeFrame(payload);
    try {
      return await answerFrameText(text, answerMessage, deps.clock);
    } catch (error) {
      deps.log(
        `MLLP: answering a message from ${remote} failed: ${error instanceof Error ? error.name : 'error'}`,
      );
      return failure(text, deps.clock);
    }
  };
  const work = async (): Promise<void> => {
    if (working) return;
    working = true;
    try {
      for (let item = queue.shift(); item !== undefined; item = queue.shift()) {
        if (paused && queue.length <= limits.maxQueuedMessages / 2) {
          paused = false;
          socket.resume();
          arm();
        }
        if (item.kind === 'reply') send(item.reply);
        else send(await answerFrame(item.payload));
        // A peer that does not read its ACKs is not sent more: answering waits, then reading pauses.
        if (socket.writableNeedDrain) await drained(socket);
      }
    } finally {
      working = false;
      if (socket.readableEnded && queue.length === 0) socket.end();
      if (socket.destroyed) settle();
    }
  };
  const take = (events: readonly FrameEvent[]): void => {
    for (const event of events) {
      if (event.kind === 'frame') queue.push({ kind: 'frame', payload: event.payload });
      else {
        deps.log(`MLLP: ${event.code} from ${remote}`);
        queue.push({ kind: 'reply', reply: answerFrameProblem(event, deps.clock) });
      }
    }
    if (!paused && queue.length > limits.maxQueuedMessages) {
      paused = true;
      socket.pause();
      clearTimeout(timer);
    }
    void work();
  };
  /** Quiet on the line: resolve what is half-read, or close an idle connection. */
  const arm = (): void => {
    clearTimeout(timer);
    // While reading is paused the peer is not slow: we are. Its clock starts again on resume.
    if (paused) return;
    const waiting = reader.waiting;
    const delay =
      waiting === 'nothing'
        ? limits.idleTimeoutMs
        : waiting === 'frame'
          ? limits.frameTimeoutMs
          : limits.quietMs;
    timer = setTimeout(() => {
      if (!reader.pending) {
        if (queue.length > 0 || working) {
          arm();
          return;
        }
        deps.log(`MLLP: closing idle connection from ${remote}`);
        socket.end();
        return;
      }
      take(reader.flush());
      arm();
    }, delay);
    timer.unref();
  };

  socket.on('data', (chunk: Buffer) => {
    take(reader.push(chunk));
    arm();
  });
  socket.on('end', () => {
    take(reader.flush());
    if (queue.length === 0 && !working) socket.end();
  });
  socket.on('error', () => {
    deps.log(`MLLP: connection from ${remote} failed`);
  });
  socket.on('close', () => {
    clearTimeout(timer);
    queue.length = 0;
    if (!working) settle();
  });
  arm();
  return finished;
}

function drained(socket: Socket): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      socket.off('drain', done);
      socket.off('close', done);
      resolve();
    };
    socket.on('drain', done);
    socket.on('close', done);
  });
}

/**
 * Listens for MLLP on host:port, on a socket of our own so it can bind to one interface, refuse addresses
 * outside the allow-list, and frame every message itself (mllpFrames.ts).
 */
export async function startMllpListener(
  deps: MllpDeps,
  options: { host: string; port: number; allow?: readonly string[]; limits?: Partial<MllpLimits> },
): Promise<MllpListener> {
  const limits: MllpLimits = { ...DEFAULT_MLLP_LIMITS, ...options.limits };
  const open = new Map<Socket, Promise<void>>();
  // Half-open: a peer that sends its messages and then closes its side still gets every ACK.
  const server = createServer({ allowHalfOpen: true }, (socket) => {
    const remote = socket.remoteAddress ?? '';
    if (
      options.allow !== undefined &&
      options.allow.length > 0 &&
      !options.allow.includes(remote.replace(/^::ffff:/, ''))
    ) {
      deps.log(`MLLP: refused connection from ${remote}`);
      socket.destroy();
      return;
    }
    socket.setNoDelay(true);
    open.set(
      socket,
      serveConnection(socket, deps, limits, remote).finally(() => open.delete(socket)),
    );
  });
  server.maxConnections = limits.maxConnections;
  server.on('drop', (data) => {
    deps.log(
      `MLLP: refused connection from ${data?.remoteAddress ?? '?'}: ${limits.maxConnections} connections are open`,
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : options.port;
  return {
    server,
    port,
    close: async () => {
      const closed = new Promise<void>((resolve) => {
        server.close(() => {
          resolve();
        });
      });
      // Let each connection finish the message it is answering, then close it.
      for (const socket of open.keys()) socket.end();
      const ends = [...open.values()];
      await Promise.race([Promise.all(ends), new Promise((resolve) => setTimeout(resolve, 5_000).unref())]);
      for (const socket of open.keys()) socket.destroy();
      await closed;
    },
  };
}
