import { createServer, type Server } from 'node:net';
import { randomUUID } from 'node:crypto';
import { Hl7Connection, type Hl7MessageEvent } from '@medplum/hl7';
import type { Hl7Message } from '@medplum/core';
import type { ClinicalConfig } from '@osteopad/clinical';
import type { Database } from '../db/connection';
import type { AuditSubject } from '../audit/auditLog';
import { parseAdtMessage } from '../imports/hl7v2/parseAdt';
import { buildAck, buildAckForResult, formatHl7Timestamp } from '../imports/hl7v2/ack';
import type { ImportItem } from '../imports/types';
import { localIsoDate } from '../time/localDate';
import { ImportBusyError, importRegistrations } from './importRegistrations';

export interface MllpDeps {
  db: Database;
  organizationId: string;
  subject: AuditSubject;
  config: ClinicalConfig;
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
 * already there — resending a message is harmless).
 */
export async function answerAdtMessage(text: string, deps: MllpDeps): Promise<Hl7Message> {
  const now = deps.clock();
  const ackBase = {
    timestamp: formatHl7Timestamp(now),
    controlId: randomUUID().replace(/-/g, '').slice(0, 20),
  };
  const today = localIsoDate(now);
  const result = parseAdtMessage(text, { today, messageNumber: 1 });
  if (result.status !== 'accepted') return buildAckForResult(result, ackBase);
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
      config: deps.config,
      discardIfNothingChanged: true,
    });
    if (summary.status === 'rejected') {
      return buildAck(result.message ?? null, 'AE', { ...ackBase, errors: summary.errors });
    }
    return buildAck(result.message ?? null, 'AA', {
      ...ackBase,
      text: `imported ${summary.imported}, duplicates ${summary.duplicates}, patients updated ${summary.patientsUpdated}`,
      warnings: summary.warnings,
    });
  } catch (error) {
    deps.log(
      `MLLP: storing message ${result.controlId ?? '?'} failed: ${error instanceof Error ? error.name : 'error'}`,
    );
    return buildAck(result.message ?? null, 'AE', {
      ...ackBase,
      text:
        error instanceof ImportBusyError
          ? 'Another import of this organisation is running; send the message again later.'
          : 'Temporary failure while storing the message; send it again.',
    });
  }
}

export interface MllpListener {
  server: Server;
  port: number;
  close: () => Promise<void>;
}

/**
 * Listens for MLLP on host:port. The socket is ours so it can bind to one interface and refuse
 * addresses outside the allow-list; framing and parsing are @medplum/hl7's.
 */
export async function startMllpListener(
  deps: MllpDeps,
  options: { host: string; port: number; allow?: readonly string[] },
): Promise<MllpListener> {
  const connections = new Set<Hl7Connection>();
  const server = createServer((socket) => {
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
    const connection = new Hl7Connection(socket, 'utf-8');
    connections.add(connection);
    // One message at a time per connection, answered in the order received.
    let queue = Promise.resolve();
    connection.addEventListener('message', (event: Hl7MessageEvent) => {
      const text = event.message.toString();
      queue = queue.then(async () => {
        const ack = await answerAdtMessage(text, deps);
        if (!connection.isClosed()) connection.send(ack);
      });
    });
    connection.addEventListener('error', () => {
      deps.log(`MLLP: unreadable data from ${remote}`);
    });
    connection.addEventListener('close', () => {
      connections.delete(connection);
    });
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
      for (const c of connections) await c.close();
      await new Promise<void>((resolve) => {
        server.close(() => {
          resolve();
        });
      });
    },
  };
}
