import { describe, expect, it } from 'vitest';
import { DRUG_CODES } from './codes';
import { parseClinicalConfig } from './config';
import {
  careAfterDiagnosis,
  denosumabStopPlan,
  drugHolidayCriteria,
  followUpOnStart,
  followUpSchedule,
  newFractureDuringTreatment,
  type FollowUpItem,
} from './followUp';

describe('R11.1–R11.2 on start', () => {
  it.each([
    ['alendronate', 5, false],
    ['risedronate', 5, false],
    ['zoledronicAcid', 3, false],
    ['denosumab', 3, false],
    ['teriparatide', 2, true],
    ['romosozumab', 1, true],
  ] as const)('%s: evaluate at 3 months, yearly, re-evaluate after %i years', (drug, years, followOn) => {
    expect(followUpOnStart(drug)).toMatchObject({
      evaluationMonths: [3],
      thenEveryMonths: 12,
      standardReevaluationAfterYears: years,
      reevaluationContents: ['newFracturesAndRiskFactors', 'DXA', 'VFA', 'boneMarkersIfAvailable'],
      followWithAntiresorptive: followOn,
    });
  });

  it('uses the NHG-summary visits when configured (C17)', () => {
    const nhg = parseClinicalConfig({ version: 't', values: { 'followUp.visitScheme': 'NHGsummary' } });
    expect(followUpOnStart('alendronate', nhg)).toMatchObject({
      evaluationMonths: [],
      evaluationWeeks: [4, 13, 26],
    });
  });
});

describe('R11.4 stopping denosumab', () => {
  it('starts the follow-on 6 calendar months after the last injection', () => {
    expect(denosumabStopPlan('2024-01-15')).toMatchObject({
      startAlternativeAntiresorptiveOn: '2024-07-15',
      neverStopWithoutFollowOn: true,
    });
    expect(denosumabStopPlan('2024-08-31').startAlternativeAntiresorptiveOn).toBe('2025-02-28');
    expect(denosumabStopPlan('2024-02-29').startAlternativeAntiresorptiveOn).toBe('2024-08-29');
  });

  it('leaves the bisphosphonate drug holiday as a gap', () => {
    expect(drugHolidayCriteria()).toMatchObject({ status: 'notCovered', ruleId: 'R11.2' });
  });
});

describe('R11.1 new fracture during treatment', () => {
  it('re-evaluates from 12 months of antiresorptive treatment', () => {
    expect(newFractureDuringTreatment(11.9)).toMatchObject({
      checkAdherenceBoneLossNewRiskFactors: true,
      standardReevaluation: false,
    });
    expect(newFractureDuringTreatment(12)).toMatchObject({ standardReevaluation: true });
  });
});

describe('R11.3 who follows up', () => {
  it.each([
    [{ diagnosis: 'osteopenia', treatmentStarted: false, secondaryOsteoporosis: false }, false, 'none'],
    [{ diagnosis: 'normal', treatmentStarted: false, secondaryOsteoporosis: false }, false, 'none'],
    [{ diagnosis: 'osteoporosis', treatmentStarted: true, secondaryOsteoporosis: false }, true, 'gp'],
    [{ diagnosis: 'osteopenia', treatmentStarted: true, secondaryOsteoporosis: false }, true, 'gp'],
    [
      { diagnosis: 'osteoporosis', treatmentStarted: true, secondaryOsteoporosis: true },
      true,
      'hospitalSpecialist',
    ],
    [
      { diagnosis: 'osteoporosis', treatmentStarted: false, secondaryOsteoporosis: true },
      true,
      'hospitalSpecialist',
    ],
  ] as const)('%j → %s / %s', (input, furtherFollowUp, careOwner) => {
    expect(careAfterDiagnosis(input)).toMatchObject({ status: 'ok', furtherFollowUp, careOwner });
  });

  it('leaves untreated primary osteoporosis as not covered', () => {
    expect(
      careAfterDiagnosis({
        diagnosis: 'osteoporosis',
        treatmentStarted: false,
        secondaryOsteoporosis: false,
      }),
    ).toMatchObject({ status: 'notCovered' });
  });

  it('keeps vitamin-D and glucocorticoid causes with the GP when configured (NHG 2012)', () => {
    const input = {
      diagnosis: 'osteoporosis',
      treatmentStarted: true,
      secondaryOsteoporosis: true,
      secondaryCause: 'longTermGlucocorticoids',
    } as const;
    expect(careAfterDiagnosis(input)).toMatchObject({ careOwner: 'hospitalSpecialist' });
    const nhg = parseClinicalConfig({
      version: 't',
      values: { 'followUp.gpKeepsVitaminDAndGlucocorticoidCauses': true },
    });
    expect(careAfterDiagnosis(input, nhg)).toMatchObject({ careOwner: 'gp' });
  });
});

function dates(items: readonly FollowUpItem[], kind: FollowUpItem['kind']): string[] {
  return items.filter((i) => i.kind === kind).map((i) => i.dueDate);
}

describe('dated follow-up schedule', () => {
  it('alendronate from 2024-01-15', () => {
    const { items } = followUpSchedule({ drug: 'alendronate', startDate: '2024-01-15' });
    expect(dates(items, 'evaluation')).toEqual(['2024-04-15']);
    expect(dates(items, 'yearlyCheck')).toEqual(['2025-01-15', '2026-01-15', '2027-01-15', '2028-01-15']);
    // IOF windows: 16 weeks = 112 days, 52 weeks = 364 days.
    expect(dates(items, 'adherenceCheck')).toEqual(['2024-05-06', '2025-01-13']);
    expect(dates(items, 'standardReevaluation')).toEqual(['2029-01-15']);
    expect(items.find((i) => i.kind === 'adherenceCheck')).toMatchObject({
      marker: 'INFERRED',
      ruleId: 'IOF-KPI',
    });
    const sorted = [...items].map((i) => i.dueDate).sort();
    expect(items.map((i) => i.dueDate)).toEqual(sorted);
  });

  it('denosumab every 6 months until the 3-year re-evaluation, clamped at month ends', () => {
    const { items } = followUpSchedule({ drug: 'denosumab', startDate: '2024-08-31' });
    expect(dates(items, 'denosumabInjection')).toEqual([
      '2025-02-28',
      '2025-08-31',
      '2026-02-28',
      '2026-08-31',
      '2027-02-28',
    ]);
    expect(dates(items, 'standardReevaluation')).toEqual(['2027-08-31']);
    expect(dates(items, 'evaluation')).toEqual(['2024-11-30']);
  });

  it('zoledronic acid yearly infusions until the 3-year re-evaluation', () => {
    const { items } = followUpSchedule({ drug: 'zoledronicAcid', startDate: '2024-02-29' });
    expect(dates(items, 'zoledronicAcidInfusion')).toEqual(['2025-02-28', '2026-02-28']);
    expect(dates(items, 'standardReevaluation')).toEqual(['2027-02-28']);
  });

  it('romosozumab monthly for 12 months, then an antiresorptive', () => {
    const { items } = followUpSchedule({ drug: 'romosozumab', startDate: '2024-01-31' });
    expect(dates(items, 'romosozumabInjection')).toHaveLength(11);
    expect(dates(items, 'romosozumabInjection')[0]).toBe('2024-02-29');
    expect(dates(items, 'startFollowOnAntiresorptive')).toEqual(['2025-01-31']);
    expect(dates(items, 'yearlyCheck')).toEqual([]);
    expect(dates(items, 'standardReevaluation')).toEqual(['2025-01-31']);
  });

  it('teriparatide course end after 24 months', () => {
    const { items } = followUpSchedule({ drug: 'teriparatide', startDate: '2024-03-01' });
    expect(dates(items, 'anabolicCourseEnd')).toEqual(['2026-03-01']);
    expect(dates(items, 'yearlyCheck')).toEqual(['2025-03-01']);
  });

  it('counts adherence checks from the index fracture when configured', () => {
    const config = parseClinicalConfig({
      version: 't',
      values: { 'followUp.adherenceCheckAnchor': 'indexFracture' },
    });
    const { items } = followUpSchedule(
      { drug: 'alendronate', startDate: '2024-03-01', indexFractureDate: '2024-01-01' },
      config,
    );
    expect(dates(items, 'adherenceCheck')).toEqual(['2024-04-22', '2024-12-30']);
  });

  it('every item names a rule, sources and a marker', () => {
    for (const drug of DRUG_CODES) {
      for (const item of followUpSchedule({ drug, startDate: '2024-05-05' }).items) {
        expect(item.ruleId).toMatch(/^(R\d+\.\d+|IOF-KPI)$/);
        expect(item.sources.length).toBeGreaterThan(0);
        expect(item.dueDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      }
    }
  });

  it('rejects an invalid start date', () => {
    expect(() => followUpSchedule({ drug: 'alendronate', startDate: '2023-02-29' })).toThrow(
      expect.objectContaining({ field: 'startDate', reason: 'invalidDate' }) as Error,
    );
  });
});
