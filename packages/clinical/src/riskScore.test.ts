import { describe, expect, it } from 'vitest';
import { parseClinicalConfig } from './config';
import {
  alcoholIsRiskFactor,
  bodyMassIndex,
  riskScoreCbo2011,
  riskScoreNhg2005,
  type RiskScoreCbo2011Input,
} from './riskScore';

const base: RiskScoreCbo2011Input = {
  ageYears: 55,
  weightKg: 75,
  heightM: 1.75,
  priorFractureAfter50: false,
  parentHipFracture: false,
  reducedMobility: false,
  rheumatoidArthritis: false,
  secondaryOsteoporosisCondition: false,
  glucocorticoidMgPerDay: 0,
  glucocorticoidMonths: 0,
  recentFractureMonthsAgo: null,
};

describe('R3.1 CBO 2011 score', () => {
  it('computes BMI to one decimal', () => {
    expect(bodyMassIndex(58, 1.78)).toBe(18.3);
    expect(bodyMassIndex(70, 1.65)).toBe(25.7);
  });

  it('low weight from 1.73 m: weight < 60 kg or BMI < 20', () => {
    expect(riskScoreCbo2011({ ...base, heightM: 1.73, weightKg: 59.9 }).points.lowWeight).toBe(1);
    expect(riskScoreCbo2011({ ...base, heightM: 1.73, weightKg: 60 }).points.lowWeight).toBe(0);
  });

  it('low weight below 1.73 m: BMI < 20 only', () => {
    // 59 kg at 1.72 m is BMI 19.9 → point; 55 kg at 1.60 m is BMI 21.5 → no point although < 60 kg.
    expect(riskScoreCbo2011({ ...base, heightM: 1.72, weightKg: 59 }).points.lowWeight).toBe(1);
    expect(riskScoreCbo2011({ ...base, heightM: 1.6, weightKg: 55 }).points.lowWeight).toBe(0);
  });

  it('compares the computed BMI by default, the reported (rounded) BMI when configured', () => {
    // 51.15 kg at 1.60 m is BMI 19.98, reported as 20.0.
    expect(riskScoreCbo2011({ ...base, heightM: 1.6, weightKg: 51.15 })).toMatchObject({
      bmi: 20,
      points: { lowWeight: 1 },
    });
    const rounded = parseClinicalConfig({
      version: 't',
      values: { 'riskScore.bmiRoundedBeforeComparison': true },
    });
    expect(riskScoreCbo2011({ ...base, heightM: 1.6, weightKg: 51.15 }, rounded).points.lowWeight).toBe(0);
    expect(riskScoreCbo2011({ ...base, heightM: 1.6, weightKg: 51.0 }, rounded).points.lowWeight).toBe(1);
  });

  it('does not count a BMI of exactly 20 as below 20 (binary rounding guard)', () => {
    expect(45 / (1.5 * 1.5)).toBe(20);
    expect(riskScoreCbo2011({ ...base, heightM: 1.5, weightKg: 45 }).points.lowWeight).toBe(0);
    expect(riskScoreCbo2011({ ...base, heightM: 1.6, weightKg: 51.2 }).points.lowWeight).toBe(0);
    expect(riskScoreCbo2011({ ...base, heightM: 1.7, weightKg: 57.8 }).points.lowWeight).toBe(0);
    expect(riskScoreCbo2011({ ...base, heightM: 1.6, weightKg: 51.19 }).points.lowWeight).toBe(1);
  });

  it.each([
    [60, 0],
    [61, 1],
    [70, 1],
    [71, 2],
    [90, 2],
  ])('age %i → %i points', (ageYears, points) => {
    expect(riskScoreCbo2011({ ...base, ageYears }).points.age).toBe(points);
  });

  it('glucocorticoids: ≥ 7.5 mg (C4) for more than 3 months → 4 points', () => {
    expect(
      riskScoreCbo2011({ ...base, glucocorticoidMgPerDay: 7.5, glucocorticoidMonths: 3.5 }).points
        .glucocorticoids,
    ).toBe(4);
    expect(
      riskScoreCbo2011({ ...base, glucocorticoidMgPerDay: 7.5, glucocorticoidMonths: 3 }).points
        .glucocorticoids,
    ).toBe(0);
    expect(
      riskScoreCbo2011({ ...base, glucocorticoidMgPerDay: 7.4, glucocorticoidMonths: 12 }).points
        .glucocorticoids,
    ).toBe(0);
    const strict = parseClinicalConfig({
      version: 't',
      values: { 'riskScore.glucocorticoidDoseComparison': '>' },
    });
    expect(
      riskScoreCbo2011({ ...base, glucocorticoidMgPerDay: 7.5, glucocorticoidMonths: 4 }, strict).points
        .glucocorticoids,
    ).toBe(0);
  });

  it('indicates DXA at 4 points, not at 3, and always after a fracture < 3 months ago', () => {
    const three = {
      ...base,
      ageYears: 72,
      parentHipFracture: true,
      reducedMobility: false,
      rheumatoidArthritis: false,
      priorFractureAfter50: false,
    };
    expect(riskScoreCbo2011(three)).toMatchObject({ score: 3, dxaIndicated: false, dxaIndicatedBy: [] });
    expect(riskScoreCbo2011({ ...three, rheumatoidArthritis: true })).toMatchObject({
      score: 4,
      dxaIndicated: true,
      dxaIndicatedBy: ['score'],
    });
    expect(riskScoreCbo2011({ ...base, recentFractureMonthsAgo: 2 })).toMatchObject({
      score: 0,
      dxaIndicated: true,
      dxaIndicatedBy: ['recentFracture'],
    });
    expect(riskScoreCbo2011({ ...base, recentFractureMonthsAgo: 3 }).dxaIndicated).toBe(false);
  });

  it('adds every risk factor once', () => {
    const all = riskScoreCbo2011({
      ageYears: 75,
      weightKg: 50,
      heightM: 1.75,
      priorFractureAfter50: true,
      parentHipFracture: true,
      reducedMobility: true,
      rheumatoidArthritis: true,
      secondaryOsteoporosisCondition: true,
      glucocorticoidMgPerDay: 10,
      glucocorticoidMonths: 6,
      recentFractureMonthsAgo: null,
    });
    expect(all.points).toEqual({
      lowWeight: 1,
      age: 2,
      priorFractureAfter50: 1,
      parentHipFracture: 1,
      reducedMobility: 1,
      rheumatoidArthritis: 1,
      secondaryOsteoporosisCondition: 1,
      glucocorticoids: 4,
    });
    expect(all.score).toBe(12);
  });

  it('rejects a negative weight and an unknown field', () => {
    expect(() => riskScoreCbo2011({ ...base, weightKg: -5 })).toThrow(
      expect.objectContaining({ field: 'weightKg', reason: 'outOfRange' }) as Error,
    );
    expect(() => riskScoreCbo2011({ ...base, fallsPastYear: 2 } as unknown as RiskScoreCbo2011Input)).toThrow(
      expect.objectContaining({ field: 'fallsPastYear' }) as Error,
    );
  });
});

describe('R3.2 historic NHG 2005 / CBO 2002 instrument', () => {
  const woman = {
    sex: 'female' as const,
    ageYears: 65,
    establishedVertebralFracture: false,
    glucocorticoidMgPerDay: 0,
    glucocorticoidMonths: 0,
    fractureAfter50: true,
    firstDegreeRelativeHipFracture: false,
    weightKg: 70,
    severeImmobility: false,
  };

  it('gives a woman 4 for a fracture after 50 plus 1 for age > 60', () => {
    expect(riskScoreNhg2005(woman)).toMatchObject({ score: 5, dxaIndicated: true });
  });

  it('counts only vertebral fracture and glucocorticoids for men', () => {
    expect(riskScoreNhg2005({ ...woman, sex: 'male' })).toMatchObject({ score: 0, dxaIndicated: false });
    expect(riskScoreNhg2005({ ...woman, sex: 'male', establishedVertebralFracture: true }).score).toBe(4);
    expect(
      riskScoreNhg2005({ ...woman, sex: 'male', glucocorticoidMgPerDay: 7.5, glucocorticoidMonths: 6 }).score,
    ).toBe(0);
    expect(
      riskScoreNhg2005({ ...woman, sex: 'male', glucocorticoidMgPerDay: 7.6, glucocorticoidMonths: 6 }).score,
    ).toBe(4);
  });

  it('does not add the age points by default', () => {
    expect(riskScoreNhg2005({ ...woman, fractureAfter50: false, ageYears: 71 }).points.age).toBe(2);
    const cumulative = parseClinicalConfig({
      version: 't',
      values: { 'riskScore.nhg2005AgePointsCumulative': true },
    });
    expect(riskScoreNhg2005({ ...woman, fractureAfter50: false, ageYears: 71 }, cumulative).points.age).toBe(
      3,
    );
  });
});

describe('R3.4 alcohol (C13)', () => {
  it('counts more than 3 units a day by default', () => {
    expect(alcoholIsRiskFactor(3)).toBe(false);
    expect(alcoholIsRiskFactor(3.5)).toBe(true);
    const frax = parseClinicalConfig({ version: 't', values: { 'riskFactors.alcoholComparison': '>=' } });
    expect(alcoholIsRiskFactor(3, frax)).toBe(true);
  });
});
