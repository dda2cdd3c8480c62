import { describe, expect, it } from 'vitest';
import { parseClinicalConfig } from './config';
import { nhg2012RiskLevel, nhgAgePoints, nhgRiskGroups, type RiskGroupInput } from './riskGroups';

const none: RiskGroupInput = {
  ageYears: 65,
  fractureMonthsAgo: null,
  gcBurstsPerYear: 0,
  systemicGcMonths: 0,
  hasFractureRiskQuestionOrRiskFactor: false,
};

describe('R2.1 NHG risk groups', () => {
  it('group 1: age ≥ 50 and fracture < 24 months', () => {
    expect(nhgRiskGroups({ ...none, ageYears: 50, fractureMonthsAgo: 23 }).riskGroups).toEqual([1]);
    expect(nhgRiskGroups({ ...none, ageYears: 49, fractureMonthsAgo: 1 }).riskGroups).toEqual([]);
    expect(nhgRiskGroups({ ...none, fractureMonthsAgo: 24 }).riskGroups).toEqual([]);
    expect(nhgRiskGroups({ ...none, fractureMonthsAgo: 0 }).riskGroups).toEqual([1]);
  });

  it('group 2: age ≥ 40 with ≥ 4 bursts a year or ≥ 3 months systemic use', () => {
    expect(nhgRiskGroups({ ...none, ageYears: 40, gcBurstsPerYear: 4 }).riskGroups).toEqual([2]);
    expect(nhgRiskGroups({ ...none, ageYears: 40, gcBurstsPerYear: 3 }).riskGroups).toEqual([]);
    expect(nhgRiskGroups({ ...none, ageYears: 40, systemicGcMonths: 3 }).riskGroups).toEqual([2]);
    expect(nhgRiskGroups({ ...none, ageYears: 40, systemicGcMonths: 2.9 }).riskGroups).toEqual([]);
    expect(
      nhgRiskGroups({ ...none, ageYears: 39, gcBurstsPerYear: 6, systemicGcMonths: 12 }).riskGroups,
    ).toEqual([]);
  });

  it('group 2 reports the subgroup dose cut-off as not covered', () => {
    const result = nhgRiskGroups({ ...none, gcBurstsPerYear: 5 });
    expect(result.group2Subgroup).toMatchObject({ status: 'notCovered', ruleId: 'R2.1' });
    expect(nhgRiskGroups(none).group2Subgroup).toBeNull();
  });

  it('group 3: age ≥ 60 with a question or risk factor', () => {
    expect(
      nhgRiskGroups({ ...none, ageYears: 60, hasFractureRiskQuestionOrRiskFactor: true }).riskGroups,
    ).toEqual([3]);
    expect(
      nhgRiskGroups({ ...none, ageYears: 59, hasFractureRiskQuestionOrRiskFactor: true }).riskGroups,
    ).toEqual([]);
    expect(nhgRiskGroups({ ...none, ageYears: 80 })).toMatchObject({
      riskGroups: [],
      estimateFractureRisk: false,
    });
  });

  it('lists several groups ascending', () => {
    expect(
      nhgRiskGroups({
        ageYears: 72,
        fractureMonthsAgo: 3,
        gcBurstsPerYear: 0,
        systemicGcMonths: 12,
        hasFractureRiskQuestionOrRiskFactor: true,
      }),
    ).toMatchObject({
      riskGroups: [1, 2, 3],
      estimateFractureRisk: true,
    });
  });

  it('follows configured thresholds', () => {
    const config = parseClinicalConfig({
      version: 't',
      values: { 'riskGroups.group1FractureWindowMonths': 12 },
    });
    expect(nhgRiskGroups({ ...none, fractureMonthsAgo: 12 }, config).riskGroups).toEqual([]);
    expect(nhgRiskGroups({ ...none, fractureMonthsAgo: 11 }, config).riskGroups).toEqual([1]);
  });

  it('rejects negative months', () => {
    expect(() => nhgRiskGroups({ ...none, fractureMonthsAgo: -1 })).toThrow(
      expect.objectContaining({ field: 'fractureMonthsAgo' }) as Error,
    );
  });
});

describe('R2.4 / R3.1 age points (C3)', () => {
  it.each([
    [49, 0, 0],
    [59, 0, 0],
    [60, 1, 0],
    [61, 1, 1],
    [69, 1, 1],
    [70, 2, 1],
    [71, 2, 2],
    [75, 2, 2],
  ])('age %i → NHG %i, CBO %i', (ageYears, nhg, cbo) => {
    expect(nhgAgePoints({ ageYears })).toMatchObject({ agePointsNhg: nhg, agePointsCbo2011: cbo });
  });
});

describe('R2.5 NHG 2012 risk levels (historic)', () => {
  it('is high with a vertebral fracture, or a recent fracture or score ≥ 4 with T ≤ −2.5', () => {
    expect(
      nhg2012RiskLevel({
        riskScore: 0,
        vertebralFracture: true,
        recentNonVertebralFracture: false,
        lowestTScore: null,
      }).riskLevel,
    ).toBe('high');
    expect(
      nhg2012RiskLevel({
        riskScore: 1,
        vertebralFracture: false,
        recentNonVertebralFracture: true,
        lowestTScore: -2.5,
      }).riskLevel,
    ).toBe('high');
    expect(
      nhg2012RiskLevel({
        riskScore: 4,
        vertebralFracture: false,
        recentNonVertebralFracture: false,
        lowestTScore: -2.6,
      }).riskLevel,
    ).toBe('high');
  });

  it('is moderate without osteoporosis and low below a score of 4', () => {
    expect(
      nhg2012RiskLevel({
        riskScore: 1,
        vertebralFracture: false,
        recentNonVertebralFracture: true,
        lowestTScore: -2.4,
      }).riskLevel,
    ).toBe('moderate');
    expect(
      nhg2012RiskLevel({
        riskScore: 4,
        vertebralFracture: false,
        recentNonVertebralFracture: false,
        lowestTScore: null,
      }).riskLevel,
    ).toBe('moderate');
    expect(
      nhg2012RiskLevel({
        riskScore: 3,
        vertebralFracture: false,
        recentNonVertebralFracture: false,
        lowestTScore: -3,
      }).riskLevel,
    ).toBe('low');
  });
});
