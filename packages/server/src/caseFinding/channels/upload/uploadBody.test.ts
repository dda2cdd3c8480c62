import { EventEmitter } from 'node:events';
import { createHash } from 'node:crypto';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { guardUploadBody, type ResponseLifetime } from './uploadBody';

function response(): ResponseLifetime & { finish: () => void } {
  const emitter = new EventEmitter() as EventEmitter & { writableFinished: boolean; finish: () => void };
  emitter.writableFinished = false;
  emitter.finish = () => {
    emitter.writableFinished = true;
  };
  return emitter;
}

async function readAll(chunks: AsyncIterable<Buffer>): Promise<string> {
  let text = '';
  for await (const chunk of chunks) text += chunk.toString('utf8');
  return text;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('guardUploadBody', () => {
  it('passes the bytes on and gives their SHA-256 once the body has ended', async () => {
    const body = new PassThrough();
    const upload = guardUploadBody(body, response(), { maxBytes: 100, idleTimeoutMs: 5_000 });
    body.write('patient_id\n');
    body.end('Z1\n');
    expect(upload.sha256()).toBe('');
    expect(await readAll(upload.chunks)).toBe('patient_id\nZ1\n');
    expect(upload.sha256()).toBe(createHash('sha256').update('patient_id\nZ1\n').digest('hex'));
    expect(upload.signal.aborted).toBe(false);
  });

  it('refuses a body larger than the limit', async () => {
    const body = new PassThrough();
    const upload = guardUploadBody(body, response(), { maxBytes: 10, idleTimeoutMs: 5_000 });
    body.end('01234567890');
    await expect(readAll(upload.chunks)).rejects.toMatchObject({
      name: 'ImportInterrupted',
      code: 'upload.tooLarge',
    });
  });

  it('stops a body that sends nothing while it is being read', async () => {
    const body = new PassThrough();
    const upload = guardUploadBody(body, response(), { maxBytes: 100, idleTimeoutMs: 50 });
    body.write('patient_id\n');
    await expect(readAll(upload.chunks)).rejects.toMatchObject({ code: 'upload.stalled' });
    expect(upload.signal.aborted).toBe(true);
    expect(upload.signal.reason).toMatchObject({ code: 'upload.stalled' });
  });

  it('does not count time in which nobody reads', async () => {
    const body = new PassThrough();
    const upload = guardUploadBody(body, response(), { maxBytes: 100, idleTimeoutMs: 50 });
    await sleep(200);
    body.end('late but fine\n');
    expect(await readAll(upload.chunks)).toBe('late but fine\n');
  });

  it('aborts when the response closes before it was sent: the client went away', async () => {
    const body = new PassThrough();
    const res = response();
    const upload = guardUploadBody(body, res, { maxBytes: 100, idleTimeoutMs: 5_000 });
    const reading = readAll(upload.chunks);
    res.emit('close');
    await expect(reading).rejects.toMatchObject({ code: 'upload.aborted' });
    expect(upload.signal.reason).toMatchObject({ code: 'upload.aborted' });
  });

  it('ignores the close of a response that was sent, and detaches when stopped', async () => {
    const body = new PassThrough();
    const res = response();
    const upload = guardUploadBody(body, res, { maxBytes: 100, idleTimeoutMs: 5_000 });
    body.end('x\n');
    expect(await readAll(upload.chunks)).toBe('x\n');
    res.finish();
    res.emit('close');
    expect(upload.signal.aborted).toBe(false);
    expect(res.listenerCount('close')).toBe(0);
    expect(body.listenerCount('readable')).toBe(0);
  });
});
