import { describe, expect, it } from 'vitest';
import { likeContains, parsePatientQuery } from './patientSearch';
import { isValidBsn, normaliseBsn } from './bsn';

describe('parsePatientQuery', () => {
  it.each([
    ['', { kind: 'all' }],
    ['999990019', { kind: 'bsn', bsn: '999990019' }],
    ['99999.0019', { kind: 'bsn', bsn: '999990019' }],
    ['12345674', { kind: 'bsn', bsn: '012345674' }],
    ['7-3-1944', { kind: 'birthDate', birthDate: '1944-03-07' }],
    ['07/03/1944', { kind: 'birthDate', birthDate: '1944-03-07' }],
    ['1944-03-07', { kind: 'birthDate', birthDate: '1944-03-07' }],
    ['31-02-1944', { kind: 'name', words: ['31-02-1944'] }],
    ['  de  Vries ', { kind: 'name', words: ['de', 'vries'] }],
  ])('%s', (q, expected) => {
    expect(parsePatientQuery(q)).toEqual(expected);
  });

  it('escapes LIKE wildcards', () => {
    expect(likeContains('50%_a\\')).toBe('%50\\%\\_a\\\\%');
  });
});

describe('BSN elfproef', () => {
  it.each(['111222333', '123456782', '999990019'])('%s is valid', (bsn) => {
    expect(isValidBsn(bsn)).toBe(true);
  });
  it.each(['123456789', '000000000', '12345678', '1234567890', 'abcdefghi'])('%s is invalid', (bsn) => {
    expect(isValidBsn(bsn)).toBe(false);
  });
  it('restores a dropped leading zero', () => {
    expect(normaliseBsn('12345674')).toBe('012345674');
    expect(normaliseBsn('1234 56 782')).toBe('123456782');
  });
});
