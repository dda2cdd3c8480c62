import { describe, expect, it } from 'vitest';
import { describeError } from './describeError';
import { interruptedExitCode } from './stopSignals';

describe('describeError', () => {
  it('never answers just "undefined": a rejection without a reason is named as a fault', () => {
    for (const reason of [undefined, null, '', {}, 42]) {
      const text = describeError(reason);
      expect(text).not.toBe('undefined');
      expect(text).toContain('without a description');
      expect(text).toContain('please report it');
    }
    expect(describeError(undefined)).toContain('the value was undefined');
  });

  it('gives the message of an Error, and a string as it is', () => {
    expect(describeError(new Error('Port 5432 is in use.'))).toBe('Port 5432 is in use.');
    expect(describeError('plain words')).toBe('plain words');
  });

  it('names an Error without a message by its name and code', () => {
    const error = Object.assign(new Error(''), { code: 'ECONNRESET' });
    expect(describeError(error)).toBe('Error ECONNRESET');
  });

  it('spells out the errors inside an AggregateError, whose own message is often empty', () => {
    const error = new AggregateError(
      [new Error('connect ECONNREFUSED ::1:5432'), new Error('connect ECONNREFUSED 127.0.0.1:5432')],
      '',
    );
    expect(describeError(error)).toBe('connect ECONNREFUSED ::1:5432; connect ECONNREFUSED 127.0.0.1:5432');
  });
});

describe('interruptedExitCode', () => {
  it('is 128 + the signal number, as shells report it', () => {
    expect(interruptedExitCode('SIGINT')).toBe(130);
    expect(interruptedExitCode('SIGTERM')).toBe(143);
    expect(interruptedExitCode('SIGHUP')).toBe(129);
  });
});
