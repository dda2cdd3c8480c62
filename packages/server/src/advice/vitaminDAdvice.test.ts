import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, parseClinicalConfig } from '@osteopad/clinical';
import { vitaminDAdviceBody, type VitaminDAdviceBody } from '@osteopad/contract';
import { DomainError } from '../domain/errors';
import { adviseVitaminD, type VitaminDAdviceRequest } from './vitaminDAdvice';

const request = (body: Partial<VitaminDAdviceBody>): VitaminDAdviceRequest =>
  vitaminDAdviceBody.parse({
    ageYears: 55,
    sex: 'female',
    darkSkin: false,
    outdoorsSufficient: true,
    bodyCovering: false,
    onFracturePreventionMedication: false,
    ...body,
  });

const GR2008 = parseClinicalConfig({ version: 'x', values: { 'vitaminD.scheme': { value: 'GR2008' } } });

describe('adviseVitaminD (R13)', () => {
  it('gives the GR 2012 vectors: woman 55 → 10 µg, man 55 → 0, man 72 → 20 µg', () => {
    expect(adviseVitaminD(request({}), DEFAULT_CONFIG)).toMatchObject({
      microgramPerDay: 10,
      iuPerDay: 400,
      basis: 'population',
      scheme: 'GR2012',
      population: { matchedGroups: ['womanAged50To70'] },
      withMedication: null,
      doseCheck: null,
    });
    expect(adviseVitaminD(request({ sex: 'male' }), DEFAULT_CONFIG)).toMatchObject({
      microgramPerDay: 0,
      iuPerDay: 0,
      population: { matchedGroups: [] },
    });
    const older = adviseVitaminD(request({ sex: 'male', ageYears: 72 }), DEFAULT_CONFIG);
    expect(older).toMatchObject({ microgramPerDay: 20, iuPerDay: 800 });
    expect(older.rules.map((r) => r.ruleId)).toContain('R13.1');
    expect(older.conflicts).toEqual(['C8']);
  });

  it('gives R13.3 with fracture-prevention medication (vector vd-14): 800 IU = 20 µg a day, for life', () => {
    const advice = adviseVitaminD(
      request({ ageYears: 63, onFracturePreventionMedication: true }),
      DEFAULT_CONFIG,
    );
    expect(advice).toMatchObject({
      microgramPerDay: 20,
      iuPerDay: 800,
      basis: 'medication',
      population: { microgramPerDay: 10 },
      withMedication: { weeklyAlternativeIU: 5600, weeklyDropsAlternativeIU: 5000, lifelong: true },
    });
    expect(advice.rules.map((r) => r.ruleId)).toEqual(expect.arrayContaining(['R13.1', 'R13.3']));
  });

  it('medication wins also where the population scheme advises nothing', () => {
    const advice = adviseVitaminD(
      request({ sex: 'male', onFracturePreventionMedication: true }),
      DEFAULT_CONFIG,
    );
    expect(advice).toMatchObject({
      microgramPerDay: 20,
      basis: 'medication',
      population: { microgramPerDay: 0 },
    });
  });

  it('checks the current dose against the fall-risk dose (vector vd-19: 3000 IU a day)', () => {
    expect(adviseVitaminD(request({ currentDailyIU: 3000 }), DEFAULT_CONFIG).doseCheck).toMatchObject({
      avoidFallRisk: true,
      fallRiskDailyIU: 3000,
    });
    expect(adviseVitaminD(request({ currentDailyIU: 800 }), DEFAULT_CONFIG).doseCheck?.avoidFallRisk).toBe(
      false,
    );
  });

  it('uses GR 2008 when the clinic configures it (vectors vd-09, vd-10, vd-11, vd-13)', () => {
    expect(adviseVitaminD(request({ sex: 'male', ageYears: 72 }), GR2008)).toMatchObject({
      scheme: 'GR2008',
      microgramPerDay: 10,
      population: { matchedGroups: ['man70PlusLightSkinOutdoors'] },
    });
    expect(adviseVitaminD(request({ ageYears: 60, bodyCovering: true }), GR2008).microgramPerDay).toBe(20);
    expect(adviseVitaminD(request({ ageYears: 52, nursingHome: true }), GR2008).microgramPerDay).toBe(20);
    expect(adviseVitaminD(request({ sex: 'male', ageYears: 65 }), GR2008).microgramPerDay).toBe(0);
  });

  it('refuses pregnancy for a man at its field', () => {
    try {
      adviseVitaminD(request({ sex: 'male', pregnant: true }), DEFAULT_CONFIG);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(DomainError);
      expect((error as DomainError).issues).toEqual([
        expect.objectContaining({ field: 'body.pregnant', code: 'inconsistent' }),
      ]);
    }
  });
});
