import { describe, expect, it } from 'vitest';
import { parseFollowUpSearch } from './followUpSearch';

describe('parseFollowUpSearch', () => {
  it('keeps the codes it knows and leaves out the rest', () => {
    expect(
      parseFollowUpSearch({ tab: 'overdue', role: 'nurse', kind: 'denosumab_injection', sort: 'clock' }),
    ).toEqual({ tab: 'overdue', role: 'nurse', kind: 'denosumab_injection', sort: 'clock' });
    expect(parseFollowUpSearch({ tab: 'yesterday', role: 'patient', kind: '<script>', sort: 1 })).toEqual({});
    expect(parseFollowUpSearch({})).toEqual({});
  });
});
