import { describe, expect, it } from 'vitest';
import { checkBsn } from '../../../patients/bsn';
import { collect } from '../testFixtures';
import { fractureCsvChunks, fractureCsvStream } from './generateFixture';
import { parseCsvFractures } from './parseCsvFractures';

describe('generated CSV fixture', () => {
  it('parses without a single error or warning, with unique valid BSNs', async () => {
    const rows = await collect(
      parseCsvFractures(fractureCsvStream(2000, { separator: ';' }), { today: '2025-06-30' }),
    );
    expect(rows).toHaveLength(2000);
    const bsns = new Set<string>();
    for (const row of rows) {
      if (!row.ok) throw new Error(JSON.stringify(row.errors));
      expect(row.warnings).toEqual([]);
      const bsn = row.record.patient.bsn ?? '';
      expect(checkBsn(bsn).ok).toBe(true);
      bsns.add(bsn);
    }
    expect(bsns.size).toBe(2000);
  });

  it('is the same for the same seed and differs for another', () => {
    const first = [...fractureCsvChunks(50, { seed: 1 })].join('');
    expect([...fractureCsvChunks(50, { seed: 1 })].join('')).toBe(first);
    expect([...fractureCsvChunks(50, { seed: 2 })].join('')).not.toBe(first);
  });
});
