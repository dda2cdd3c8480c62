import { describe, expect, it } from 'vitest';
import { likeContains, parsePatientQuery } from './patientSearch';

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
