import { describe, expect, it } from 'vitest';
import { conflict, invalid, notFound, transitionRefused, unprocessable } from '../domain/errors';
import { ImportBusyError } from '../caseFinding/pipeline/importRegistrations';
import { ackForFailure } from '../caseFinding/channels/mllp/mllpListener';
import { HTTP_STATUS_OF } from '../http/app';
import { domainErrorLines, exitCodeFor } from './exitCodes';

describe('one domain error, mapped once at each edge', () => {
  it.each([
    [notFound('Patient'), 404, 2],
    [invalid('body.sentOn', 'This date lies in the future.', 'future_date'), 400, 2],
    [unprocessable('letters_not_printable', 'Some letters cannot be printed.'), 422, 2],
    [conflict('already_reviewed', 'This finding was already reviewed.'), 409, 2],
    [transitionRefused('transition_not_allowed', 'An episode cannot go from declined to invited.'), 409, 2],
    [new ImportBusyError(5_000), 409, 3],
  ])('%s → HTTP %i, exit code %i', (error, status, exit) => {
    expect(HTTP_STATUS_OF[error.kind]).toBe(status);
    expect(exitCodeFor(error)).toBe(exit);
  });

  it('over MLLP: busy asks to resend later, a refusal gives its reasons, anything else is temporary', () => {
    expect(ackForFailure(new ImportBusyError(5_000)).text).toMatch(/send the message again later/);
    expect(ackForFailure(invalid('PID-7', 'the birth date is wrong', 'date.format'))).toEqual({
      text: 'the birth date is wrong',
      errors: [{ row: 1, field: 'PID-7', code: 'date.format', message: 'the birth date is wrong' }],
    });
    expect(ackForFailure(new Error('connection reset')).text).toMatch(/Temporary failure/);
  });

  it('tells the terminal the message and each field', () => {
    expect(domainErrorLines(invalid('--org', 'No organisation "X".', 'unknown_organization'))).toEqual([
      'No organisation "X".',
      '  --org: No organisation "X".',
    ]);
  });
});
