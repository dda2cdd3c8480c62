import { describe, expect, it } from 'vitest';
import { EXCLUDED_FRACTURE_SITE_CODES, FRACTURE_SITE_CODES } from './codes';
import { parseClinicalConfig } from './config';
import { assessEligibility, isFractureRecent, type EligibilityInput } from './eligibility';
import { ClinicalInputError } from './errors';

const base: EligibilityInput = {
  ageYears: 67,
  sex: 'female',
  fractureLocation: 'radius_forearm_wrist',
  fractureIsRecent: true,
  isPathologicalFracture: false,
  isHighEnergyTrauma: false,
};

describe('R1 eligibility', () => {
  it('qualifies at 50 and not at 49 (C1: ≥ 50)', () => {
    expect(assessEligibility({ ...base, ageYears: 50 })).toMatchObject({
      eligible: true,
      reason: 'qualifyingFracture',
      sharedDecisionRecommended: false,
    });
    expect(assessEligibility({ ...base, ageYears: 49 })).toMatchObject({
      eligible: false,
      reason: 'ageBelow50',
    });
  });

  it('follows a configured age threshold (NHG 2012 "> 50" as 51)', () => {
    const config = parseClinicalConfig({ version: 't', values: { 'eligibility.minimumAgeYears': 51 } });
    expect(assessEligibility({ ...base, ageYears: 50 }, config).reason).toBe('ageBelow50');
    expect(assessEligibility({ ...base, ageYears: 51 }, config).eligible).toBe(true);
  });

  it.each(FRACTURE_SITE_CODES)('qualifies a recent fracture of %s', (site) => {
    expect(assessEligibility({ ...base, fractureLocation: site })).toMatchObject({
      eligible: true,
      reason: 'qualifyingFracture',
    });
  });

  it.each(EXCLUDED_FRACTURE_SITE_CODES)('excludes %s', (site) => {
    expect(assessEligibility({ ...base, fractureLocation: site })).toMatchObject({
      eligible: false,
      reason: 'excludedLocation',
    });
  });

  it('sends a site in neither list to manual review', () => {
    const result = assessEligibility({ ...base, fractureLocation: 'sesamoid_hallux' });
    expect(result).toMatchObject({ eligible: null, reason: 'unknownLocation', action: 'manualReview' });
  });

  it('answers noRecentFracture first', () => {
    expect(
      assessEligibility({
        ...base,
        fractureIsRecent: false,
        ageYears: 30,
        fractureLocation: 'skull',
        isPathologicalFracture: true,
      }),
    ).toMatchObject({
      eligible: false,
      reason: 'noRecentFracture',
    });
  });

  it('applies the order recent → age → excluded site → pathological → high energy → unknown site', () => {
    expect(assessEligibility({ ...base, ageYears: 40, fractureLocation: 'skull' }).reason).toBe('ageBelow50');
    expect(
      assessEligibility({ ...base, fractureLocation: 'toes', isPathologicalFracture: true }).reason,
    ).toBe('excludedLocation');
    expect(
      assessEligibility({ ...base, isPathologicalFracture: true, isHighEnergyTrauma: true }).reason,
    ).toBe('pathologicalFracture');
    expect(
      assessEligibility({ ...base, isHighEnergyTrauma: true, fractureLocation: 'sesamoid_hallux' }).reason,
    ).toBe('highEnergyTrauma');
  });

  it.each(['lifeExpectancyUnder1Year', 'nursingHomeResident', 'complexMultimorbidityDeclined'] as const)(
    'keeps the patient eligible and recommends shared decision-making for %s (R1.4)',
    (flag) => {
      const result = assessEligibility({ ...base, [flag]: true });
      expect(result).toMatchObject({
        eligible: true,
        reason: 'qualifyingFracture',
        sharedDecisionRecommended: true,
        sharedDecisionGrounds: [flag],
      });
    },
  );

  it('does not recommend shared decision-making for an ineligible patient', () => {
    expect(
      assessEligibility({ ...base, ageYears: 45, nursingHomeResident: true }).sharedDecisionRecommended,
    ).toBe(false);
  });

  it('explains with rule IDs and sources', () => {
    const result = assessEligibility(base);
    expect(result.explanation.rules.map((r) => r.ruleId)).toEqual(expect.arrayContaining(['R1.1', 'R1.2']));
    expect(result.explanation.rules[0]?.sources).toContain('S1');
    expect(result.explanation.conflicts).toContain('C1');
  });

  it.each<[Record<string, unknown>, string, string]>([
    [{ ...base, ageYears: -1 }, 'ageYears', 'outOfRange'],
    [{ ...base, ageYears: 50.5 }, 'ageYears', 'notInteger'],
    [{ ...base, sex: 'x' }, 'sex', 'unknownValue'],
    [{ ...base, fractureLocation: '' }, 'fractureLocation', 'outOfRange'],
    [{ ...base, fractureIsRecent: 'yes' }, 'fractureIsRecent', 'wrongType'],
    [{ ...base, typo: true }, 'typo', 'unknownField'],
  ])('rejects %j at %s', (input, field, reason) => {
    expect(() => assessEligibility(input as unknown as EligibilityInput)).toThrow(
      expect.objectContaining({ field, reason }) as Error,
    );
  });
});

describe('isFractureRecent (C2: < 24 months)', () => {
  it('is recent the day before 24 months and not on the day', () => {
    expect(isFractureRecent('2022-03-15', '2024-03-14')).toBe(true);
    expect(isFractureRecent('2022-03-15', '2024-03-15')).toBe(false);
    expect(isFractureRecent('2024-03-15', '2024-03-15')).toBe(true);
  });

  it('handles a 29 February fracture with month-end clamping', () => {
    expect(isFractureRecent('2024-02-29', '2026-02-27')).toBe(true);
    expect(isFractureRecent('2024-02-29', '2026-02-28')).toBe(false);
  });

  it('follows the configured window', () => {
    const config = parseClinicalConfig({
      version: 't',
      values: { 'eligibility.recentFractureWindowMonths': 12 },
    });
    expect(isFractureRecent('2023-03-15', '2024-03-14', config)).toBe(true);
    expect(isFractureRecent('2023-03-15', '2024-03-15', config)).toBe(false);
  });

  it('rejects invalid dates and fractures after today', () => {
    expect(() => isFractureRecent('2023-02-29', '2024-01-01')).toThrow(ClinicalInputError);
    expect(() => isFractureRecent('2024-01-02', '2024-01-01')).toThrow(
      expect.objectContaining({ field: 'fractureDate', reason: 'dateAfterToday' }) as Error,
    );
  });
});
