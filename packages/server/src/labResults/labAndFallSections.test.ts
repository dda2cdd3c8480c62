import { describe, expect, it } from 'vitest';
import { LAB_ANALYTES } from '@osteopad/contract';
import { labFlag, LAB_ANALYTE_DEFINITIONS } from './labAnalytes';
import {
  labAndFallSectionsOf,
  labAndFallTimelineEntries,
  labInputOf,
  type StoredLabResult,
} from './labAndFallSections';
import { fallsIssues, labResultIssues } from './labValidation';

const at = (iso: string) => new Date(iso);
const result = (
  p: Partial<StoredLabResult> & Pick<StoredLabResult, 'analyte' | 'value'>,
): StoredLabResult => ({
  rangeLow: null,
  rangeHigh: null,
  sampledOn: '2026-11-01',
  recordedAt: at('2026-11-01T10:00:00Z'),
  ...p,
});

describe('labFlag', () => {
  it('flags against either limit and says nothing without a range', () => {
    expect(labFlag(2.1, 2.2, 2.6)).toBe('low');
    expect(labFlag(2.2, 2.2, 2.6)).toBe('normal');
    expect(labFlag(2.61, 2.2, 2.6)).toBe('high');
    expect(labFlag(25, 30, null)).toBe('low');
    expect(labFlag(5, null, null)).toBeNull();
  });
});

describe('labInputOf', () => {
  it('maps the latest eGFR, 25(OH)D and corrected calcium with its flag', () => {
    expect(
      labInputOf([
        result({ analyte: 'eGFR', value: 40, sampledOn: '2026-10-01' }),
        result({ analyte: 'eGFR', value: 55, sampledOn: '2026-11-01' }),
        result({ analyte: '25OHD', value: 24 }),
        result({ analyte: 'albuminCorrectedCalcium', value: 2.7, rangeLow: 2.2, rangeHigh: 2.6 }),
        result({ analyte: 'TSH', value: 1 }),
      ]),
    ).toEqual({
      eGFRMlMin: 55,
      serum25OHDNmolL: 24,
      albuminCorrectedCalciumMmolL: 2.7,
      albuminCorrectedCalciumFlag: 'high',
    });
  });

  it('leaves the calcium flag out without a range, and answers nothing without these analytes', () => {
    expect(labInputOf([result({ analyte: 'albuminCorrectedCalcium', value: 2.4 })])).toEqual({
      albuminCorrectedCalciumMmolL: 2.4,
    });
    expect(labInputOf([result({ analyte: 'TSH', value: 1 })])).toBeUndefined();
  });

  it('of two results of one day takes the one recorded last', () => {
    expect(
      labInputOf([
        result({ analyte: 'eGFR', value: 70, recordedAt: at('2026-11-01T12:00:00Z') }),
        result({ analyte: 'eGFR', value: 60, recordedAt: at('2026-11-01T09:00:00Z') }),
      ]),
    ).toEqual({ eGFRMlMin: 70 });
  });
});

describe('labAndFallSectionsOf', () => {
  it('answers falls from the latest screening, leaving unknown medication out', () => {
    expect(
      labAndFallSectionsOf([], {
        fallsPastYear: 1,
        worriedAboutFalling: true,
        difficultyWalkingOrBalance: false,
        fallRiskIncreasingMedication: null,
      }),
    ).toEqual({ falls: { fallsPastYear: 1, worriedAboutFalling: true, difficultyWalkingOrBalance: false } });
    expect(labAndFallSectionsOf([], null)).toEqual({});
  });
});

describe('labAndFallTimelineEntries', () => {
  it('gives one entry per result and per screening, with codes and numbers only', () => {
    const entries = labAndFallTimelineEntries(
      [
        {
          ...result({ analyte: 'calcium', value: 2.8, rangeLow: 2.2, rangeHigh: 2.6 }),
          unit: 'mmol/L',
          recordedBy: 'N',
        },
      ],
      [
        {
          fallsPastYear: 0,
          worriedAboutFalling: false,
          difficultyWalkingOrBalance: false,
          fallRiskIncreasingMedication: false,
          assessedOn: '2026-11-01',
          recordedAt: at('2026-11-02T08:00:00Z'),
          recordedBy: null,
        },
      ],
    );
    expect(entries.map((e) => e.kind)).toEqual(['lab_result_recorded', 'fall_risk_assessed']);
    expect(entries[0]?.details).toMatchObject({ analyte: 'calcium', flag: 'high', unit: 'mmol/L' });
  });
});

describe('validation', () => {
  it('names each wrong field with its reason', () => {
    const codes = labResultIssues(
      'body',
      { analyte: 'calcium', value: -0.1, rangeLow: 3, rangeHigh: 2, sampledOn: '2026-11-22' },
      '2026-11-21',
      '1950-01-01',
    ).map((i) => `${i.field}:${i.code}`);
    expect(codes).toEqual([
      'body.value:negative_value',
      'body.rangeLow:range_inverted',
      'body.sampledOn:future_date',
    ]);
    expect(fallsIssues('body', 1001)[0]?.code).toBe('falls_out_of_range');
    expect(fallsIssues('body', 0)).toEqual([]);
  });

  it('has one definition per analyte of the contract', () => {
    expect(LAB_ANALYTE_DEFINITIONS.map((a) => a.code).sort()).toEqual([...LAB_ANALYTES].sort());
  });
});
