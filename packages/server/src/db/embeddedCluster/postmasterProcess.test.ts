import { describe, expect, it } from 'vitest';
import { classifyStartFailure, postgresMessages } from './postmasterProcess';

// Lines as PostgreSQL 18 writes them to stderr.
const at = (pid: number, text: string): string => `2026-12-01 21:46:07.471 UTC [${pid}] ${text}`;

describe('classifyStartFailure', () => {
  it('tells the failures apart that the caller handles differently', () => {
    expect(
      classifyStartFailure([
        at(5857, 'FATAL:  lock file "postmaster.pid" already exists'),
        at(5857, 'HINT:  Is another postmaster (PID 5529) running in data directory "/data/postgres"?'),
      ]),
    ).toBe('lock-conflict');
    expect(
      classifyStartFailure([
        at(9, 'LOG:  could not bind IPv4 address "127.0.0.1": Address already in use'),
        at(9, 'WARNING:  could not create listen socket for "127.0.0.1"'),
        at(9, 'FATAL:  could not create any TCP/IP sockets'),
      ]),
    ).toBe('port-in-use');
    expect(
      classifyStartFailure([
        at(9, 'FATAL:  pre-existing shared memory block (key 2149373, ID 9) is still in use'),
      ]),
    ).toBe('shared-memory-in-use');
    expect(classifyStartFailure([at(9, 'FATAL:  data directory "/data/postgres" has wrong ownership')])).toBe(
      'other',
    );
  });
});

describe('postgresMessages', () => {
  it('keeps the messages of the asked severities, without time and pid, newest last', () => {
    const output = [
      at(1, 'LOG:  starting PostgreSQL 18.4'),
      at(1, 'FATAL:  lock file "postmaster.pid" already exists'),
      at(1, 'HINT:  Is another postmaster (PID 5529) running?'),
    ];
    expect(postgresMessages(output, ['FATAL', 'HINT'], 5)).toEqual([
      'FATAL: lock file "postmaster.pid" already exists',
      'HINT: Is another postmaster (PID 5529) running?',
    ]);
    expect(postgresMessages(output, ['FATAL', 'HINT'], 1)).toEqual([
      'HINT: Is another postmaster (PID 5529) running?',
    ]);
  });
});
