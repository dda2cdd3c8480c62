// `npm run bench -- mllp`: a pipelined burst of HL7 ADT messages over one MLLP connection, as an
// interface engine sends them after an outage. Checks that every message gets its own ACK, in order, and
// that every fracture lands on its own patient; reports messages/s beside two baselines measured in the
// same run on the same database: the same number of minimal committed transactions (the durable-commit
// floor every stored message pays) and a burst of messages that need no storing (framing + parsing).
import { connect } from 'node:net';
import pg from 'pg';
import { DEFAULT_CONFIG } from '@osteopad/clinical';
import { startMllpListener } from '@osteopad/server/caseFinding/channels/mllp/mllpListener';
import { cliSubject } from '@osteopad/server/caseFinding/channels/cli/cliSubject';
import { MllpFrameReader, frameMessage } from '@osteopad/server/caseFinding/channels/mllp/mllpFrames';
import { storedClinicalConfigs } from '@osteopad/server/clinicalConfig/clinicalConfigs';
import { openBenchDatabase } from './_importHarness';

const MESSAGES = Number(process.env.BENCH_MLLP_MESSAGES ?? 1000);

function fractureMessage(n: number): string {
  const day = 1 + (n % 28);
  return [
    `MSH|^~\\&|HIX|ZKH|OSTEOPAD|FLS|20261101101500||ADT^A01^ADT_A01|B${n}|P|2.5`,
    `PID|1||${500000 + n}^^^ZKH^PI||Bench${n}^Test||19500101|F`,
    'PV1|1|E',
    `DG1|1|I10|S52.5^Pols^I10||202610${String(day).padStart(2, '0')}`,
  ].join('\r');
}

function noFractureMessage(n: number): string {
  return [
    `MSH|^~\\&|HIX|ZKH|OSTEOPAD|FLS|20261101101500||ADT^A01^ADT_A01|N${n}|P|2.5`,
    `PID|1||${900000 + n}^^^ZKH^PI||Nobody${n}^Test||19500101|F`,
    'PV1|1|E',
    'DG1|1|I10|I10^Hypertensie^I10||20261001',
  ].join('\r');
}

/** Sends all frames in one write and waits for as many ACKs; returns seconds and the ACKs' MSA-1/MSA-2. */
async function burst(port: number, texts: readonly string[]): Promise<{ seconds: number; acks: string[][] }> {
  const socket = connect(port, '127.0.0.1');
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('error', reject);
  });
  const reader = new MllpFrameReader({ maxFrameBytes: 1 << 20 });
  const acks: string[][] = [];
  const started = process.hrtime.bigint();
  const done = new Promise<void>((resolve, reject) => {
    socket.on('data', (chunk: Buffer) => {
      for (const e of reader.push(chunk)) {
        if (e.kind !== 'frame') continue;
        const msa =
          e.payload
            .toString()
            .split('\r')
            .find((s) => s.startsWith('MSA')) ?? '';
        acks.push(msa.split('|').slice(1, 3));
      }
      if (acks.length >= texts.length) resolve();
    });
    socket.once('close', () => {
      reject(new Error(`connection closed after ${acks.length} ACKs`));
    });
  });
  socket.write(Buffer.concat(texts.map(frameMessage)));
  await done;
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  socket.destroy();
  return { seconds, acks };
}

export async function run(): Promise<Record<string, unknown>> {
  const bench = await openBenchDatabase();
  const listener = await startMllpListener(
    {
      db: bench.app.db,
      organizationId: bench.organizationId,
      subject: cliSubject(bench.organizationId, 'mllp'),
      clinicalConfigs: storedClinicalConfigs(bench.app.db, DEFAULT_CONFIG),
      clock: () => new Date('2026-11-01T10:00:00Z'),
      log: () => undefined,
    },
    { host: '127.0.0.1', port: 0 },
  );
  try {
    const ns = Array.from({ length: MESSAGES }, (_, i) => i);
    const stored = await burst(listener.port, ns.map(fractureMessage));
    const notAa = stored.acks.filter(([code]) => code !== 'AA').length;
    const outOfOrder = stored.acks.filter(([, id], i) => id !== `B${i}`).length;
    const owner = new pg.Client({ connectionString: bench.ownerUrl });
    await owner.connect();
    const attribution = await owner.query<{ patients: number; wrong: number }>(
      `SELECT count(DISTINCT p.id)::int AS patients,
              count(*) FILTER (WHERE f.fracture_date <> make_date(2026, 10, 1 + ((p.source_id::int - 500000) % 28)))::int AS wrong
         FROM patients p JOIN fracture_events f ON f.patient_id = p.id
        WHERE p.organization_id = $1 AND p.source_id::int >= 500000 AND p.source_id::int < 900000`,
      [bench.organizationId],
    );

    // Baseline 1: as many minimal durable transactions, one after the other, on the application role.
    await owner.query('CREATE TABLE commit_baseline (n int)');
    await owner.query('GRANT INSERT ON commit_baseline TO osteopad_app');
    const app = await bench.app.pool.connect();
    const commitsStart = process.hrtime.bigint();
    for (const n of ns) {
      await app.query('BEGIN');
      await app.query('INSERT INTO commit_baseline VALUES ($1)', [n]);
      await app.query('COMMIT');
    }
    const commitSeconds = Number(process.hrtime.bigint() - commitsStart) / 1e9;
    app.release();
    await owner.end();

    // Baseline 2: framing, parsing and answering only (admissions without a fracture store nothing).
    const unstored = await burst(listener.port, ns.map(noFractureMessage));

    const messagesPerSecond = Math.round(MESSAGES / stored.seconds);
    const commitsPerSecond = Math.round(MESSAGES / commitSeconds);
    return {
      messages: MESSAGES,
      acks: stored.acks.length,
      acksNotAA: notAa,
      acksOutOfOrder: outOfOrder,
      patientsStored: attribution.rows[0]?.patients ?? 0,
      fracturesOnWrongPatient: attribution.rows[0]?.wrong ?? -1,
      seconds: Number(stored.seconds.toFixed(2)),
      messagesPerSecond,
      baselineCommitsPerSecond: commitsPerSecond,
      shareOfCommitFloor: Number((messagesPerSecond / commitsPerSecond).toFixed(3)),
      unstoredMessagesPerSecond: Math.round(MESSAGES / unstored.seconds),
      note: 'one import transaction per message (durable commit each); baselines measured in the same run',
    };
  } finally {
    await listener.close();
    await bench.close();
  }
}
