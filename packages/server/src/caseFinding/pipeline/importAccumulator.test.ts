import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '@osteopad/clinical';
import type { FractureRegistration, ImportItem } from '../parsers/types';
import { FIRST_BATCH_SIZE, ImportAccumulator, MAX_LISTED_ERRORS, batchSizeAt } from './importAccumulator';

const TODAY = '2025-06-30';

function registration(row: number, familyName = 'Jansen'): ImportItem {
  const record: FractureRegistration = {
    source: { format: 'csv', row },
    patient: { sourceId: `P${row}`, familyName, birthDate: '1950-01-01', sex: 'female' },
    fracture: {
      date: '2025-05-01',
      siteCode: 'femur_proximal',
      encounterType: 'inpatient',
      traumaMechanism: 'low',
      pathological: false,
    },
  };
  return { ok: true, record, warnings: [] };
}

const invalid = (row: number): ImportItem => ({
  ok: false,
  row,
  errors: [{ row, field: 'bsn', code: 'bsn.elfproef', message: 'fails the elfproef' }],
});

const accumulator = (settings: Partial<{ batchSize: number; skipInvalid: boolean }> = {}) =>
  new ImportAccumulator('import-1', {
    batchSize: settings.batchSize ?? 2,
    skipInvalid: settings.skipInvalid ?? false,
    today: TODAY,
    config: DEFAULT_CONFIG,
  });

describe('ImportAccumulator', () => {
  it('starts with small batches and doubles them up to the batch size, so that writing starts early', () => {
    expect([0, 1, 2, 3, 4, 5, 6].map((i) => batchSizeAt(i, 10_000))).toEqual([
      1000, 2000, 4000, 8000, 10_000, 10_000, 10_000,
    ]);
    expect(batchSizeAt(0, 2)).toBe(2);
    expect(batchSizeAt(1_000, 10_000)).toBe(10_000);
    const a = accumulator({ batchSize: 10_000 });
    const sizes: number[] = [];
    for (let row = 1; row <= FIRST_BATCH_SIZE * 20; row++) {
      const full = a.take(registration(row));
      if (full !== undefined) sizes.push(full.registrations.length);
    }
    const rest = a.rest();
    if (rest !== undefined) sizes.push(rest.registrations.length);
    expect(sizes).toEqual([1000, 2000, 4000, 8000, 5000]);
  });

  it('hands out a batch each time one fills, and the rest at the end, with every registration classified', () => {
    const a = accumulator();
    expect(a.take(registration(1))).toBeUndefined();
    const first = a.take(registration(2));
    expect(first?.registrations.map((r) => [r.seq, r.classification.outcome])).toEqual([
      [0, 'eligible'],
      [1, 'eligible'],
    ]);
    expect(a.take(registration(3))).toBeUndefined();
    expect(a.rest()?.registrations).toHaveLength(1);
    expect(a.rest()).toBeUndefined();
    expect(a.summary.rows).toBe(3);
  });

  it('stops batching after an invalid row but keeps counting and listing errors, unless skipInvalid', () => {
    const strict = accumulator({ batchSize: 10 });
    strict.take(registration(1));
    strict.take(invalid(2));
    strict.take(registration(3));
    strict.take(invalid(4));
    expect(strict.acceptsRows()).toBe(false);
    expect(strict.summary).toMatchObject({ rows: 4, invalid: 2 });
    expect(strict.rest()?.registrations.map((r) => r.registration.source.row)).toEqual([1]);
    expect(strict.rejected()).toMatchObject({ status: 'rejected', imported: 0, invalid: 2 });

    const lenient = accumulator({ batchSize: 10, skipInvalid: true });
    lenient.take(invalid(1));
    lenient.take(registration(2));
    expect(lenient.rest()?.registrations.map((r) => r.registration.source.row)).toEqual([2]);
  });

  it('refuses text that cannot be stored, naming the field', () => {
    const a = accumulator();
    a.take(registration(1, 'Jan\u202Esen'));
    expect(a.summary.errors).toEqual([
      expect.objectContaining({ row: 1, field: 'patient.familyName', code: 'text.unstorable' }),
    ]);
    expect(a.rest()).toBeUndefined();
  });

  it('keeps the first thousand errors and counts the rest', () => {
    const a = accumulator({ batchSize: 10 });
    for (let row = 1; row <= MAX_LISTED_ERRORS + 5; row++) a.take(invalid(row));
    expect(a.summary.errors).toHaveLength(MAX_LISTED_ERRORS);
    expect(a.summary).toMatchObject({ errorsNotListed: 5, invalid: MAX_LISTED_ERRORS + 5 });
  });

  it('takes the warnings of skipped items and a file error at row 0', () => {
    const a = accumulator();
    a.take({
      kind: 'skipped',
      row: 1,
      warnings: [{ row: 1, field: 'MSH-9', code: 'hl7.messageSkipped', message: 'x' }],
    });
    expect(a.summary.warnings).toHaveLength(1);
    expect(a.changedNothing()).toBe(true);
  });
});
