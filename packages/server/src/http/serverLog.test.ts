// The server's log through a real Fastify (and so a real pino): which lines reach the console and
// which the request log file.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LogLevel } from './config';
import { openServerLog } from './serverLog';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'osteopad-serverlog-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

interface Line {
  level: number;
  msg: string;
}

async function serve(consoleLevel: LogLevel, withFile: boolean): Promise<{ shown: Line[]; file: Line[] }> {
  const printed: string[] = [];
  const path = join(dir, 'logs', 'requests.log');
  const log = openServerLog({
    consoleLevel,
    requestLog: withFile ? { path, maxBytes: 1_000_000, keep: 1 } : null,
    console: { write: (line: string) => printed.push(line) },
  });
  const app = Fastify({ logger: { level: log.level, stream: log.stream } });
  app.addHook('onClose', log.close);
  app.get('/ok', () => ({ ok: true }));
  app.get('/warns', (request) => {
    request.log.warn('something to look at');
    return {};
  });
  await app.inject({ method: 'GET', url: '/ok' });
  await app.inject({ method: 'GET', url: '/warns' });
  await app.close();
  const parse = (text: string): Line[] =>
    text
      .split('\n')
      .filter((l) => l !== '')
      .map((l) => JSON.parse(l) as Line);
  return { shown: parse(printed.join('')), file: withFile ? parse(await readFile(path, 'utf8')) : [] };
}

const messages = (lines: Line[]): string[] => lines.map((l) => l.msg);

describe('openServerLog', () => {
  it('by default: requests only in the file, warnings on the console and in the file', async () => {
    const { shown, file } = await serve('warn', true);
    expect(messages(shown)).toEqual(['something to look at']);
    expect(messages(file)).toEqual([
      'incoming request',
      'request completed',
      'incoming request',
      'something to look at',
      'request completed',
    ]);
  });

  it('LOG_LEVEL=info shows the requests on the console as well', async () => {
    const { shown, file } = await serve('info', true);
    expect(messages(shown)).toEqual(messages(file));
    expect(messages(shown)).toContain('request completed');
  });

  it('LOG_LEVEL=debug still gives the file only info and up', async () => {
    const log = openServerLog({
      consoleLevel: 'debug',
      requestLog: { path: join(dir, 'r.log'), maxBytes: 1000, keep: 1 },
      console: { write: () => undefined },
    });
    expect(log.level).toBe('debug');
    log.stream.lastLevel = 20;
    log.stream.write('{"level":20,"msg":"debug line"}\n');
    log.stream.lastLevel = 30;
    log.stream.write('{"level":30,"msg":"info line"}\n');
    await log.close();
    expect(await readFile(join(dir, 'r.log'), 'utf8')).toBe('{"level":30,"msg":"info line"}\n');
  });

  it('REQUEST_LOG=off and LOG_LEVEL=silent log nothing at all', async () => {
    const { shown } = await serve('silent', false);
    expect(shown).toEqual([]);
    expect(openServerLog({ consoleLevel: 'silent', requestLog: null }).level).toBe('silent');
  });

  it('without a file the console level is the logger level', () => {
    expect(openServerLog({ consoleLevel: 'warn', requestLog: null }).level).toBe('warn');
    expect(openServerLog({ consoleLevel: 'error', requestLog: null }).level).toBe('error');
  });
});
