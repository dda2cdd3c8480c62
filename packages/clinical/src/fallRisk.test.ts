import { describe, expect, it } from 'vitest';
import { parseClinicalConfig } from './config';
import { fallRisk } from './fallRisk';

const quiet = { fallsPastYear: 0, worriedAboutFalling: false, difficultyWalkingOrBalance: false };

describe('R7 fall risk (C16: both screens)', () => {
  it('starts the NHG inventory at 2 falls, not at 1', () => {
    expect(fallRisk({ ...quiet, fallsPastYear: 2 })).toMatchObject({
      nhgFallRiskInventory: true,
      threeQuestionScreenPositive: true,
    });
    expect(fallRisk({ ...quiet, fallsPastYear: 1 })).toMatchObject({
      nhgFallRiskInventory: false,
      threeQuestionScreenPositive: true,
    });
  });

  it('makes the three-question screen positive on worry or difficulty alone', () => {
    expect(fallRisk({ ...quiet, worriedAboutFalling: true }).threeQuestionScreenPositive).toBe(true);
    expect(fallRisk({ ...quiet, difficultyWalkingOrBalance: true }).threeQuestionScreenPositive).toBe(true);
    expect(fallRisk(quiet)).toMatchObject({
      nhgFallRiskInventory: false,
      threeQuestionScreenPositive: false,
      fallPreventionIndicated: false,
      interventions: [],
    });
  });

  it('selects interventions per R7.3', () => {
    expect(
      fallRisk({
        ...quiet,
        fallsPastYear: 2,
        difficultyWalkingOrBalance: true,
        fallRiskIncreasingMedication: false,
      }).interventions,
    ).toEqual([
      'professionalFallAssessment',
      'homeSafety',
      'physiotherapyStrengthAndBalance',
      'observeRisingAndWalking',
    ]);
    expect(fallRisk({ ...quiet, worriedAboutFalling: true }).interventions).toContain('medicationReview');
  });

  it('lets the clinic choose which screen drives advice', () => {
    const nhg = parseClinicalConfig({ version: 't', values: { 'fallRisk.adviceTrigger': 'nhgInventory' } });
    expect(fallRisk({ ...quiet, fallsPastYear: 1 }, nhg).fallPreventionIndicated).toBe(false);
    expect(fallRisk({ ...quiet, fallsPastYear: 1 }).fallPreventionIndicated).toBe(true);
  });

  it('answers the fall-clinic criteria as not covered', () => {
    expect(fallRisk(quiet).fallClinicReferral).toMatchObject({ status: 'notCovered', ruleId: 'R7.3' });
  });

  it('rejects a negative or fractional number of falls', () => {
    expect(() => fallRisk({ ...quiet, fallsPastYear: -1 })).toThrow(
      expect.objectContaining({ field: 'fallsPastYear' }) as Error,
    );
    expect(() => fallRisk({ ...quiet, fallsPastYear: 1.5 })).toThrow(
      expect.objectContaining({ reason: 'notInteger' }) as Error,
    );
  });
});
