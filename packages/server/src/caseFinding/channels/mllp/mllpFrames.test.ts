import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CR, FS, MllpFrameReader, VT, frameMessage, type FrameEvent } from './mllpFrames';

const reader = (maxFrameBytes = 1024) => new MllpFrameReader({ maxFrameBytes });
const frames = (events: FrameEvent[]) =>
  events.flatMap((e) => (e.kind === 'frame' ? [e.payload.toString('utf8')] : []));
const problems = (events: FrameEvent[]) =>
  events.flatMap((e) => (e.kind === 'problem' ? [{ code: e.code, head: e.head.toString('utf8') }] : []));

const MSG_A = 'MSH|^~\\&|A|B|C|D|20261101||ADT^A01|A1|P|2.5\rPID|1||1^^^Z^PI||Jansen||19500101|F';
const MSG_B = 'MSH|^~\\&|A|B|C|D|20261101||ADT^A01|B2|P|2.5\rPID|1||2^^^Z^PI||Bakker||19490101|M';

describe('MllpFrameReader', () => {
  it('reads one frame per message when two frames arrive in one read', () => {
    const r = reader();
    const events = r.push(Buffer.concat([frameMessage(MSG_A), frameMessage(MSG_B)]));
    expect(frames(events)).toEqual([MSG_A, MSG_B]);
    expect(r.pending).toBe(false);
  });

  it('reads a frame split over many reads, including the final CR alone', () => {
    const bytes = frameMessage(MSG_A);
    const r = reader();
    const events: FrameEvent[] = [];
    events.push(...r.push(bytes.subarray(0, 5)));
    events.push(...r.push(bytes.subarray(5, bytes.length - 1)));
    expect(frames(events)).toEqual([]);
    expect(r.pending).toBe(true);
    events.push(...r.push(bytes.subarray(bytes.length - 1)));
    expect(frames(events)).toEqual([MSG_A]);
    expect(r.pending).toBe(false);
  });

  it('gives the same messages whatever the chunking (property)', () => {
    const messages = fc.array(
      fc
        .string({ minLength: 1, maxLength: 60 })
        .map(
          (s) => `MSH|${s.replaceAll(String.fromCharCode(VT), '').replaceAll(String.fromCharCode(FS), '')}`,
        ),
      { minLength: 1, maxLength: 8 },
    );
    fc.assert(
      fc.property(messages, fc.array(fc.nat(), { maxLength: 12 }), (texts, cuts) => {
        const stream = Buffer.concat(texts.map(frameMessage));
        const points = [...new Set(cuts.map((c) => c % (stream.length + 1)))].sort((a, b) => a - b);
        const r = reader(10_000);
        const events: FrameEvent[] = [];
        let at = 0;
        for (const p of [...points, stream.length]) {
          events.push(...r.push(stream.subarray(at, p)));
          at = p;
        }
        expect(problems(events)).toEqual([]);
        expect(frames(events)).toEqual(texts);
      }),
    );
  });

  it('refuses unframed data once the line is quiet, then reads the next frame', () => {
    const r = reader();
    expect(r.push(Buffer.from(`${MSG_A}\r`))).toEqual([]);
    expect(r.pending).toBe(true);
    expect(problems(r.flush())).toEqual([{ code: 'mllp.unframed', head: `${MSG_A}\r` }]);
    expect(frames(r.push(frameMessage(MSG_B)))).toEqual([MSG_B]);
  });

  it('refuses unframed data as soon as a VT follows it, and keeps the frame', () => {
    const events = reader().push(Buffer.concat([Buffer.from('garbage'), frameMessage(MSG_B)]));
    expect(problems(events)).toEqual([{ code: 'mllp.unframed', head: 'garbage' }]);
    expect(frames(events)).toEqual([MSG_B]);
  });

  it('refuses unframed data that ends with FS CR (a message without its VT)', () => {
    const events = reader().push(Buffer.from(`${MSG_A}\u001c\r`));
    expect(problems(events).map((p) => p.code)).toEqual(['mllp.unframed']);
  });

  it('ignores blank bytes between frames', () => {
    const events = reader().push(
      Buffer.concat([frameMessage(MSG_A), Buffer.from('\r\n  \r'), frameMessage(MSG_B)]),
    );
    expect(events.map((e) => e.kind)).toEqual(['frame', 'frame']);
  });

  it('refuses the unfinished message when a VT begins a new frame inside it', () => {
    const events = reader().push(Buffer.concat([Buffer.from([VT]), Buffer.from(MSG_A), frameMessage(MSG_B)]));
    expect(problems(events)).toEqual([{ code: 'mllp.vtInsideFrame', head: MSG_A }]);
    expect(frames(events)).toEqual([MSG_B]);
  });

  it('refuses a frame larger than the limit without keeping it, and reads the next one', () => {
    const r = reader(100);
    const big = `MSH|^~\\&|${'x'.repeat(5000)}`;
    const bytes = frameMessage(big);
    const events: FrameEvent[] = [];
    for (let at = 0; at < bytes.length; at += 333) events.push(...r.push(bytes.subarray(at, at + 333)));
    expect(r.bufferedBytes).toBe(0);
    events.push(...r.push(frameMessage(MSG_A.slice(0, 60))));
    expect(problems(events).map((p) => p.code)).toEqual(['mllp.frameTooLarge']);
    expect(problems(events)[0]?.head.startsWith('MSH|^~\\&|xxx')).toBe(true);
    expect(frames(events)).toEqual([MSG_A.slice(0, 60)]);
  });

  it('never holds more than the limit while an endless frame streams in', () => {
    const r = reader(1000);
    r.push(Buffer.from([VT]));
    let refused = 0;
    for (let i = 0; i < 1000; i++) {
      refused += r.push(Buffer.alloc(4096, 0x41)).length;
      expect(r.bufferedBytes).toBeLessThanOrEqual(1000);
    }
    expect(refused).toBe(1);
  });

  it('closes a frame whose FS came but whose CR never did when the line goes quiet', () => {
    const r = reader();
    const bytes = frameMessage(MSG_A);
    expect(r.push(bytes.subarray(0, bytes.length - 1))).toEqual([]);
    expect(frames(r.flush())).toEqual([MSG_A]);
  });

  it('takes FS followed directly by the next VT as the end of the frame', () => {
    const events = reader().push(
      Buffer.concat([Buffer.from([VT]), Buffer.from(MSG_A), Buffer.from([FS]), frameMessage(MSG_B)]),
    );
    expect(frames(events)).toEqual([MSG_A, MSG_B]);
  });

  it('keeps an FS that is not followed by CR as message data', () => {
    const events = reader().push(Buffer.from([VT, 0x41, FS, 0x42, FS, CR]));
    expect(frames(events)).toEqual(['A\u001cB']);
  });

  it('refuses a frame cut off when the line goes quiet', () => {
    const r = reader();
    r.push(Buffer.concat([Buffer.from([VT]), Buffer.from(MSG_A)]));
    expect(problems(r.flush())).toEqual([{ code: 'mllp.incompleteFrame', head: MSG_A }]);
    expect(r.pending).toBe(false);
  });

  it('hands out frames that stay the same when the read buffer is reused', () => {
    const chunk = frameMessage(MSG_A);
    const [event] = reader().push(chunk);
    chunk.fill(0x20);
    expect(event?.kind === 'frame' ? event.payload.toString() : '').toBe(MSG_A);
  });
});
