import { describe, expect, it } from 'vitest';
import { explainReport } from './explainScan';
import { scanReportText } from './vertebralFindings';

describe('explainReport', () => {
  it('gives one line per finding and per ignored phrase, with the words that decided', () => {
    const scan = scanReportText(
      'Vraagstelling: wervelfractuur? Conclusie: mogelijk wigvorming Th12, Genant graad 1. Geen fractuur van L1.',
    );
    expect(
      explainReport({
        row: 3,
        reportId: 'R9',
        patientRef: { patientId: '1' },
        reportDate: '2025-01-01',
        ...scan,
      }),
    ).toEqual([
      'R9 (row 3): finding "wigvorming" — Th12; Genant 1; uncertain ("mogelijk") — "Conclusie: mogelijk wigvorming Th12, Genant graad 1."',
      'R9 (row 3): not a finding "wervelfractuur" — a question ("Vraagstelling:") — "Vraagstelling: wervelfractuur?"',
      'R9 (row 3): not a finding "fractuur" — negated by ("Geen") — "Geen fractuur van L1."',
    ]);
  });
});
