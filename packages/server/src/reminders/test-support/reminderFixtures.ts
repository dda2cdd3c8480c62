// Patients with one open task each, written set-based as the owner (tests and the bench).
import type pg from 'pg';
import { once } from 'node:events';
import { createServer, type Server } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface TaskFixture {
  readonly organizationId: string;
  readonly count: number;
  readonly kind: string;
  readonly dueDate: string;
  /** '' for patients without an e-mail address; `{i}` is replaced by the patient's number. */
  readonly email: string;
}

/** Creates `count` patients, each with a fracture, an episode in follow-up and one open task; returns the task ids. */
export async function seedTasks(owner: pg.Pool, f: TaskFixture): Promise<string[]> {
  const result = await owner.query<{ id: string }>(
    `WITH p AS (
       INSERT INTO patients (organization_id, source_system, source_id, family_name, given_names, birth_date, sex, portal_code, email)
       SELECT $1, 'fixture', gen_random_uuid()::text, 'Fixture' || i, 'Testa', '1950-01-01', 'female', 'fx-' || gen_random_uuid()::text,
              replace($5, '{i}', i::text)
         FROM generate_series(1, $2::int) i
       RETURNING id),
     f AS (
       INSERT INTO fracture_events (organization_id, patient_id, fracture_date, site_code, identity_key, eligibility, eligibility_reason)
       SELECT $1, p.id, '2025-01-01', 'femur_proximal', 'femur_proximal', 'eligible', 'eligibleLocation' FROM p
       RETURNING id, patient_id),
     e AS (
       INSERT INTO episodes (organization_id, patient_id, index_fracture_id, state, patient_group, opened_on)
       SELECT $1, f.patient_id, f.id, 'follow_up', 'hip', '2025-01-15' FROM f
       RETURNING id, patient_id)
     INSERT INTO tasks (organization_id, episode_id, patient_id, kind, due_date, assignee_role)
     SELECT $1, e.id, e.patient_id, $3, $4::date, 'nurse' FROM e
     RETURNING id`,
    [f.organizationId, f.count, f.kind, f.dueDate, f.email],
  );
  return result.rows.map((r) => r.id);
}

export interface ReceivedMail {
  readonly messageId: string;
  readonly to: string;
  readonly raw: string;
  readonly at: number;
}

export interface LoopbackSmtp {
  readonly url: string;
  readonly port: number;
  readonly received: ReceivedMail[];
  /** Errors of the server's connections other than a client's reset (those are expected after a kill). */
  readonly connectionErrors: Error[];
  close(): Promise<void>;
}

/** A real SMTP server (smtp-server) on 127.0.0.1 that keeps every message it accepted. */
export async function startLoopbackSmtp(port = 0): Promise<LoopbackSmtp> {
  const received: ReceivedMail[] = [];
  const connectionErrors: Error[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        const messageId = /^Message-ID:\s*(\S+)/im.exec(raw)?.[1] ?? '';
        received.push({
          messageId,
          to: session.envelope.rcptTo.map((r) => r.address).join(','),
          raw,
          at: Date.now(),
        });
        callback(null, `Ok: queued as ${received.length}`);
      });
    },
  });
  // A client killed mid-conversation (the kill -9 test) resets its connection: smtp-server reports that
  // as an 'error' event, which would otherwise be thrown in the test process. Anything else is a failure.
  server.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'ECONNRESET' && error.code !== 'EPIPE') connectionErrors.push(error);
  });
  server.listen(port, '127.0.0.1');
  await once(server.server, 'listening');
  const address = server.server.address();
  if (address === null || typeof address === 'string') throw new Error('no SMTP address');
  return {
    url: `smtp://127.0.0.1:${address.port}`,
    port: address.port,
    received,
    connectionErrors,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => {
          resolve();
        });
      }),
  };
}

/** A loopback port on which nothing listens (connection refused: SMTP down). */
export async function closedPort(): Promise<number> {
  const probe: Server = createServer();
  probe.listen(0, '127.0.0.1');
  await once(probe, 'listening');
  const address = probe.address();
  if (address === null || typeof address === 'string') throw new Error('no address');
  await new Promise<void>((resolve) =>
    probe.close(() => {
      resolve();
    }),
  );
  return address.port;
}
