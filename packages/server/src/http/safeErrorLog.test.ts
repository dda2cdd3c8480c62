import { describe, expect, it } from 'vitest';
import { safeErrorSummary } from './safeErrorLog';

describe('safeErrorSummary', () => {
  it('keeps structure but drops messages that may quote patient data', () => {
    const driver = Object.assign(new Error('duplicate key value (bsn)=(999990019) Jansen'), {
      code: '23505',
      constraint: 'patients_org_bsn_key',
      table: 'patients',
    });
    const wrapped = new Error('Failed query: insert ... params: 999990019,Jansen', { cause: driver });
    const summary = safeErrorSummary(wrapped);
    expect(summary).toMatchObject({
      name: 'Error',
      code: '23505',
      constraint: 'patients_org_bsn_key',
      table: 'patients',
    });
    const text = JSON.stringify(summary);
    expect(text).not.toContain('999990019');
    expect(text).not.toContain('Jansen');
    expect(summary.frames.length).toBeGreaterThan(0);
  });

  it('handles non-Error throws', () => {
    expect(safeErrorSummary('boom')).toEqual({ name: 'string', frames: [] });
  });
});
