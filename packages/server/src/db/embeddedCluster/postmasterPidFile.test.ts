import { describe, expect, it } from 'vitest';
import { parsePostmasterPidFile } from './postmasterPidFile';

// As PostgreSQL 18 wrote it for a running embedded cluster (status padded with spaces).
const READY = '5529\n/data/postgres\n1796161545\n41745\n\n127.0.0.1\n  2149373         9\nready   \n';

describe('parsePostmasterPidFile', () => {
  it('reads pid, data directory, start time, port, listen address and status', () => {
    expect(parsePostmasterPidFile(READY)).toEqual({
      pid: 5529,
      dataDirectory: '/data/postgres',
      startTime: 1796161545,
      port: 41745,
      listenAddress: '127.0.0.1',
      status: 'ready',
      text: READY,
    });
  });

  it('reads a file that start-up has only begun to write: no port, no status yet', () => {
    const early = parsePostmasterPidFile('812\n/data/postgres\n1796161545\n');
    expect(early).toMatchObject({ pid: 812, port: null, listenAddress: null, status: null });
  });

  it('recognises every status PostgreSQL writes and nothing else', () => {
    for (const status of ['starting', 'ready', 'stopping', 'standby'] as const)
      expect(parsePostmasterPidFile(READY.replace('ready   ', status))?.status).toBe(status);
    expect(parsePostmasterPidFile(READY.replace('ready   ', 'bogus'))?.status).toBeNull();
  });

  it('is not a lock file when empty or when the first line is no process id', () => {
    expect(parsePostmasterPidFile('')).toBeNull();
    expect(parsePostmasterPidFile('-1\n/data\n')).toBeNull();
    expect(parsePostmasterPidFile('0\n/data\n')).toBeNull();
    expect(parsePostmasterPidFile('abc\n/data\n')).toBeNull();
  });
});
