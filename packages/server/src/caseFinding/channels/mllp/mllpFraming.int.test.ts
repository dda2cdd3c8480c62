// The MLLP listener on a real socket, fed the way interface engines and attackers feed it: frames merged
// in one write, split over many, pipelined, unframed, oversized, never-ending, idle.
import { connect, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../../test/testDatabase';
import { createOrganization, type TestOrganization } from '../../../../test/appHarness';
import { CR, FS, MllpFrameReader, VT, frameMessage } from './mllpFrames';
import type { MllpListener } from './mllpListener';
import { startTestMllpListener } from '../../../../test/mllpTestListener';

let db: TestDatabase;
let org: TestOrganization;
let listener: MllpListener;
const logged: string[] = [];

const LIMITS = { maxFrameBytes: 64 * 1024, quietMs: 150, frameTimeoutMs: 600, idleTimeoutMs: 60_000 };

beforeAll(async () => {
  db = await createTestDatabase();
  org = await createOrganization(db, 'Framing Hospital', 0);
  listener = await startTestMllpListener(db.app.db, org.id, {
    now: new Date('2026-11-10T10:00:00Z'),
    log: (line) => logged.push(line),
    limits: LIMITS,
  });
});

afterAll(async () => {
  await listener.close();
  await db.drop();
});

/** Patient n: hospital number 70000+n, a wrist fracture on a date that encodes n, so attribution can be checked. */
function adt(n: number, controlId = `F${n}`): string {
  const day = new Date(Date.UTC(2026, 0, 1) + (n % 300) * 86_400_000)
    .toISOString()
    .slice(0, 10)
    .replace(/-/g, '');
  return [
    `MSH|^~\\&|HIX|ZKH|OSTEOPAD|FLS|20261101101500||ADT^A01^ADT_A01|${controlId}|P|2.5`,
    `PID|1||${70000 + n}^^^ZKH^PI||Patient${n}^Test||19500101|F`,
    'PV1|1|E',
    `DG1|1|I10|S52.5^Pols^I10||${day}`,
  ].join('\r');
}

function expectedDate(n: number): string {
  return new Date(Date.UTC(2026, 0, 1) + (n % 300) * 86_400_000).toISOString().slice(0, 10);
}

interface Ack {
  code: string;
  controlId: string;
  text: string;
  raw: string;
}

function parseAck(raw: string): Ack {
  const msa = raw.split('\r').find((s) => s.startsWith('MSA')) ?? '';
  const [, code = '', controlId = '', text = ''] = msa.split('|');
  return { code, controlId, text, raw };
}

/** A raw MLLP peer: writes bytes as told and collects every framed answer. */
class Peer {
  readonly acks: Ack[] = [];
  private readonly reader = new MllpFrameReader({ maxFrameBytes: 16 * 1024 * 1024 });
  private waiters: (() => void)[] = [];
  closed = false;
  private constructor(readonly socket: Socket) {
    socket.on('data', (chunk: Buffer) => {
      for (const e of this.reader.push(chunk)) {
        if (e.kind === 'frame') this.acks.push(parseAck(e.payload.toString('utf8')));
      }
      this.wake();
    });
    socket.on('close', () => {
      this.closed = true;
      this.wake();
    });
    socket.on('error', () => undefined);
  }

  static async open(port = listener.port): Promise<Peer> {
    const socket = connect(port, '127.0.0.1');
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', resolve);
      socket.once('error', reject);
    });
    socket.setNoDelay(true);
    return new Peer(socket);
  }

  private wake(): void {
    const waiting = this.waiters;
    this.waiters = [];
    for (const w of waiting) w();
  }

  async write(bytes: Buffer): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      this.socket.write(bytes, (e) => {
        if (e) reject(e);
        else resolve();
      });
    });
  }

  async until(predicate: () => boolean, ms = 20_000): Promise<void> {
    const deadline = Date.now() + ms;
    while (!predicate()) {
      if (Date.now() > deadline) throw new Error(`timed out; acks so far: ${this.acks.length}`);
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, 50);
      });
    }
  }

  async acksAfter(count: number, ms?: number): Promise<Ack[]> {
    await this.until(() => this.acks.length >= count, ms);
    return this.acks.slice(0, count);
  }

  close(): void {
    this.socket.destroy();
  }
}

async function storedFractures(sourceIds: readonly number[]) {
  const r = await db.owner.query<{ source_id: string; fracture_date: string; n: number }>(
    `SELECT p.source_id, f.fracture_date::text AS fracture_date, count(*) OVER (PARTITION BY p.id)::int AS n
       FROM patients p JOIN fracture_events f ON f.patient_id = p.id
      WHERE p.organization_id = $1 AND p.source_id = ANY($2::text[])`,
    [org.id, sourceIds.map((n) => String(70000 + n))],
  );
  return r.rows;
}

describe('MLLP framing: one frame, one message, one ACK', () => {
  it('answers two frames that arrive in one write separately and stores each on its own patient', async () => {
    const peer = await Peer.open();
    await peer.write(Buffer.concat([frameMessage(adt(1)), frameMessage(adt(2))]));
    const acks = await peer.acksAfter(2);
    expect(acks.map((a) => [a.code, a.controlId])).toEqual([
      ['AA', 'F1'],
      ['AA', 'F2'],
    ]);
    const rows = await storedFractures([1, 2]);
    expect(rows.map((r) => [r.source_id, r.fracture_date, r.n]).sort()).toEqual([
      ['70001', expectedDate(1), 1],
      ['70002', expectedDate(2), 1],
    ]);
    peer.close();
  });

  it('reads a message whose final CR comes in a packet of its own', async () => {
    const peer = await Peer.open();
    const bytes = frameMessage(adt(3));
    await peer.write(bytes.subarray(0, bytes.length - 1));
    await new Promise((resolve) => setTimeout(resolve, 30));
    await peer.write(bytes.subarray(bytes.length - 1));
    expect((await peer.acksAfter(1)).map((a) => a.code)).toEqual(['AA']);
    peer.close();
  });

  it('answers every message of a pipelined burst of 1,000 and attributes each to its own patient', async () => {
    const peer = await Peer.open();
    const ns = Array.from({ length: 1000 }, (_, i) => 1000 + i);
    // One write of all frames: TCP delivers them in whatever chunks it likes.
    await peer.write(Buffer.concat(ns.map((n) => frameMessage(adt(n)))));
    const acks = await peer.acksAfter(1000, 240_000);
    expect(acks.filter((a) => a.code !== 'AA')).toEqual([]);
    expect(acks.map((a) => a.controlId)).toEqual(ns.map((n) => `F${n}`));
    const rows = await storedFractures(ns);
    expect(rows).toHaveLength(1000);
    for (const row of rows) {
      const n = Number(row.source_id) - 70000;
      expect([row.fracture_date, row.n]).toEqual([expectedDate(n), 1]);
    }
    peer.close();
  }, 300_000);

  it('refuses a frame that holds two messages, storing neither, and stays usable', async () => {
    const peer = await Peer.open();
    await peer.write(frameMessage(`${adt(10)}\r${adt(11)}`));
    const [refused] = await peer.acksAfter(1);
    expect(refused).toMatchObject({ code: 'AR', controlId: 'F10' });
    expect(refused?.raw).toMatch(/mllp\.severalMessages/);
    expect(await storedFractures([10, 11])).toEqual([]);
    await peer.write(frameMessage(adt(12)));
    expect((await peer.acksAfter(2))[1]?.code).toBe('AA');
    peer.close();
  });

  it('refuses a message with a VT inside it and reads the frame that the VT began', async () => {
    const peer = await Peer.open();
    await peer.write(Buffer.concat([Buffer.from([VT]), Buffer.from(adt(13)), frameMessage(adt(14))]));
    const acks = await peer.acksAfter(2);
    expect(acks.map((a) => [a.code, a.controlId])).toEqual([
      ['AR', 'F13'],
      ['AA', 'F14'],
    ]);
    expect(acks[0]?.raw).toMatch(/mllp\.vtInsideFrame/);
    expect((await storedFractures([13, 14])).map((r) => r.source_id)).toEqual(['70014']);
    peer.close();
  });
});

describe('MLLP framing: a peer always gets an answer', () => {
  it('answers a frame without MSH with AR and then answers the next message', async () => {
    const peer = await Peer.open();
    await peer.write(frameMessage('PID|1||1^^^ZKH^PI||X^Y||19500101|F'));
    await peer.write(frameMessage(adt(20)));
    const acks = await peer.acksAfter(2);
    expect(acks.map((a) => a.code)).toEqual(['AR', 'AA']);
    expect(acks[0]?.raw).toMatch(/hl7\.missingMsh/);
    peer.close();
  });

  it('answers an unframed message with AR naming MLLP, then takes a framed one', async () => {
    const peer = await Peer.open();
    await peer.write(Buffer.from(`${adt(21)}\r`));
    const [refused] = await peer.acksAfter(1);
    expect(refused).toMatchObject({ code: 'AR', controlId: 'F21' });
    expect(refused?.raw).toMatch(/mllp\.unframed/);
    await peer.write(frameMessage(adt(22)));
    expect((await peer.acksAfter(2))[1]).toMatchObject({ code: 'AA', controlId: 'F22' });
    expect((await storedFractures([21, 22])).map((r) => r.source_id)).toEqual(['70022']);
    peer.close();
  });

  it('refuses an unfinished frame when the sender goes quiet, and the connection stays usable', async () => {
    const peer = await Peer.open();
    await peer.write(Buffer.concat([Buffer.from([VT]), Buffer.from(adt(23))]));
    const [refused] = await peer.acksAfter(1, 5_000);
    expect(refused).toMatchObject({ code: 'AR', controlId: 'F23' });
    expect(refused?.raw).toMatch(/mllp\.incompleteFrame/);
    await peer.write(frameMessage(adt(24)));
    expect((await peer.acksAfter(2))[1]?.code).toBe('AA');
    peer.close();
  });

  it('refuses a frame over the size limit without growing, and answers the next message', async () => {
    const peer = await Peer.open();
    await peer.write(Buffer.from([VT]));
    const filler = Buffer.from(`${adt(25)}\rNTE|1||${'x'.repeat(16 * 1024)}\r`);
    for (let i = 0; i < 64; i++) await peer.write(filler); // 1 MiB into a 64 KiB limit
    await peer.write(Buffer.from([FS, CR]));
    await peer.write(frameMessage(adt(26)));
    const acks = await peer.acksAfter(2);
    expect(acks.map((a) => [a.code, a.controlId])).toEqual([
      ['AR', 'F25'],
      ['AA', 'F26'],
    ]);
    expect(acks[0]?.raw).toMatch(/mllp\.frameTooLarge/);
    peer.close();
  });

  it('reads an HL7 batch in one frame and answers with a batch of ACKs', async () => {
    const peer = await Peer.open();
    const batch = [
      'FHS|^~\\&|HIX|ZKH|OSTEOPAD|FLS|20261101101500',
      'BHS|^~\\&|HIX|ZKH|OSTEOPAD|FLS|20261101101500',
      adt(30, 'B30'),
      adt(31, 'B31'),
      'BTS|2',
      'FTS|1',
    ].join('\r');
    await peer.write(frameMessage(batch));
    await peer.until(() => peer.acks.length >= 1);
    const raw = peer.acks[0]?.raw ?? '';
    const segments = raw.split('\r').map((s) => s.slice(0, 3));
    expect(segments[0]).toBe('FHS');
    expect(segments[1]).toBe('BHS');
    expect(segments.slice(-2)).toEqual(['BTS', 'FTS']);
    const msas = raw.split('\r').filter((s) => s.startsWith('MSA'));
    expect(msas.map((s) => s.split('|').slice(1, 3))).toEqual([
      ['AA', 'B30'],
      ['AA', 'B31'],
    ]);
    expect((await storedFractures([30, 31])).length).toBe(2);
    peer.close();
  });
});

describe('MLLP framing: peers that close their side early', () => {
  it('still answers every message of a peer that half-closes the connection after sending', async () => {
    const peer = await Peer.open();
    peer.socket.end(Buffer.concat([frameMessage(adt(40)), frameMessage(adt(41))]));
    const acks = await peer.acksAfter(2);
    expect(acks.map((a) => [a.code, a.controlId])).toEqual([
      ['AA', 'F40'],
      ['AA', 'F41'],
    ]);
    await peer.until(() => peer.closed);
  });
});

describe('MLLP listener limits', () => {
  it('closes a connection that stays idle, and caps the number of connections', async () => {
    const small = await startTestMllpListener(db.app.db, org.id, {
      now: new Date('2026-11-10T10:00:00Z'),
      log: (line) => logged.push(line),
      limits: { idleTimeoutMs: 300, maxConnections: 2 },
    });
    try {
      const a = await Peer.open(small.port);
      const b = await Peer.open(small.port);
      const c = await Peer.open(small.port);
      await c.until(() => c.closed, 5_000);
      expect(c.closed).toBe(true);
      expect(logged.some((l) => /2 connections are open/.test(l))).toBe(true);
      await a.until(() => a.closed && b.closed, 5_000);
      expect([a.closed, b.closed]).toEqual([true, true]);
    } finally {
      await small.close();
    }
  });
});
