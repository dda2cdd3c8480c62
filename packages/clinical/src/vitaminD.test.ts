import { describe, expect, it } from 'vitest';
import { parseClinicalConfig } from './config';
import {
  lowVitaminDBeforeTreatment,
  vitaminDDoseCheck,
  vitaminDGr2008,
  vitaminDGr2012,
  vitaminDWithMedication,
  type Gr2008Input,
  type Gr2012Input,
} from './vitaminD';

const healthy: Gr2012Input = {
  ageYears: 40,
  sex: 'male',
  darkSkin: false,
  outdoorsSufficient: true,
  bodyCovering: false,
  pregnant: false,
};

describe('R13.1 GR 2012 (default scheme)', () => {
  it.each<[Partial<Gr2012Input>, number]>([
    [{}, 0],
    [{ ageYears: 3 }, 10],
    [{ ageYears: 4 }, 0],
    [{ darkSkin: true }, 10],
    [{ outdoorsSufficient: false }, 10],
    [{ bodyCovering: true }, 10],
    [{ sex: 'female', pregnant: true }, 10],
    [{ sex: 'female', ageYears: 49 }, 0],
    [{ sex: 'female', ageYears: 50 }, 10],
    [{ sex: 'female', ageYears: 69 }, 10],
    [{ sex: 'male', ageYears: 69 }, 0],
    [{ sex: 'male', ageYears: 70 }, 20],
    [{ sex: 'female', ageYears: 70 }, 20],
    [{ ageYears: 80, darkSkin: true }, 20],
  ])('%j → %i µg', (change, microgram) => {
    const result = vitaminDGr2012({ ...healthy, ...change });
    expect(result).toMatchObject({ extraVitaminDMicrogramPerDay: microgram, IU: microgram * 40 });
  });

  it('rejects a pregnant man', () => {
    expect(() => vitaminDGr2012({ ...healthy, pregnant: true })).toThrow(
      expect.objectContaining({ field: 'pregnant', reason: 'inconsistent' }) as Error,
    );
  });
});

const base2008: Gr2008Input = {
  ageYears: 60,
  sex: 'male',
  darkSkin: false,
  outdoorsSufficient: true,
  veil: false,
  pregnantOrLactating: false,
  nursingHome: false,
  osteoporosis: false,
};

describe('R13.2 GR 2008 (leaflet 004)', () => {
  it.each<[Partial<Gr2008Input>, number]>([
    [{ ageYears: 65 }, 0],
    [{ ageYears: 72 }, 10],
    [{ ageYears: 72, darkSkin: true, outdoorsSufficient: false }, 20],
    [{ ageYears: 60, darkSkin: true }, 10],
    [{ ageYears: 60, outdoorsSufficient: false }, 10],
    [{ osteoporosis: true }, 20],
    [{ nursingHome: true }, 20],
    [{ ageYears: 2 }, 10],
    [{ sex: 'female', ageYears: 45, veil: true }, 10],
    [{ sex: 'female', ageYears: 55, veil: true }, 20],
    [{ sex: 'female', ageYears: 55 }, 10],
    [{ sex: 'female', ageYears: 55, darkSkin: true, outdoorsSufficient: false }, 20],
    [{ sex: 'female', ageYears: 30, pregnantOrLactating: true }, 10],
    [{ sex: 'female', ageYears: 30 }, 0],
  ])('%j → %i µg', (change, microgram) => {
    expect(vitaminDGr2008({ ...base2008, ...change }).extraVitaminDMicrogramPerDay).toBe(microgram);
  });

  it('takes the higher dose at the touching ages by default [INFERRED]', () => {
    const woman50 = { ...base2008, sex: 'female' as const, ageYears: 50, veil: true };
    const man70 = { ...base2008, ageYears: 70, darkSkin: true, outdoorsSufficient: false };
    expect(vitaminDGr2008(woman50).extraVitaminDMicrogramPerDay).toBe(20);
    expect(vitaminDGr2008(man70).extraVitaminDMicrogramPerDay).toBe(20);
    expect(vitaminDGr2008(man70).explanation.rules.some((r) => r.marker === 'INFERRED')).toBe(true);
    const younger = parseClinicalConfig({
      version: 't',
      values: { 'vitaminD.gr2008TouchingAgeRule': 'youngerGroup' },
    });
    expect(vitaminDGr2008(woman50, younger).extraVitaminDMicrogramPerDay).toBe(10);
    expect(vitaminDGr2008(man70, younger).extraVitaminDMicrogramPerDay).toBe(10);
    const older = parseClinicalConfig({
      version: 't',
      values: { 'vitaminD.gr2008TouchingAgeRule': 'olderGroup' },
    });
    expect(
      vitaminDGr2008({ ...base2008, ageYears: 70, darkSkin: true }, older).extraVitaminDMicrogramPerDay,
    ).toBe(0);
    expect(vitaminDGr2008({ ...base2008, ageYears: 70, darkSkin: true }).extraVitaminDMicrogramPerDay).toBe(
      10,
    );
  });
});

describe('R13.3 with fracture-prevention medication', () => {
  it('800 IU (20 µg) daily or 5600 IU weekly, for life', () => {
    expect(vitaminDWithMedication()).toMatchObject({
      vitaminD3IUPerDay: 800,
      microgramPerDay: 20,
      weeklyAlternativeIU: 5600,
      lifelong: true,
    });
  });
});

describe('R13.4 25(OH)D before starting a drug', () => {
  it('< 30 without symptoms and normal calcium → 800 IU, start after 6 weeks, no re-check', () => {
    expect(
      lowVitaminDBeforeTreatment({
        serum25OHDNmolL: 29.9,
        albuminCorrectedCalciumLow: false,
        osteomalaciaSymptoms: false,
      }),
    ).toMatchObject({
      action: 'vitaminD3_800IU_daily',
      startFracturePreventionDrugAfterWeeks: 6,
      recheckLevel: false,
      doNotStartFracturePreventionDrug: false,
    });
  });

  it('30 is not < 30 → standard 800 IU and start', () => {
    expect(
      lowVitaminDBeforeTreatment({
        serum25OHDNmolL: 30,
        albuminCorrectedCalciumLow: false,
        osteomalaciaSymptoms: false,
      }),
    ).toMatchObject({
      action: 'standardVitaminD3_800IU_daily',
      startFracturePreventionDrugAfterWeeks: 0,
    });
  });

  it('< 30 with symptoms → internist; with low calcium → refer and do not start', () => {
    expect(
      lowVitaminDBeforeTreatment({
        serum25OHDNmolL: 20,
        albuminCorrectedCalciumLow: false,
        osteomalaciaSymptoms: true,
      }),
    ).toMatchObject({
      action: 'consultInternistPossibleOsteomalacia',
      startFracturePreventionDrugAfterWeeks: null,
    });
    expect(
      lowVitaminDBeforeTreatment({
        serum25OHDNmolL: 20,
        albuminCorrectedCalciumLow: true,
        osteomalaciaSymptoms: false,
      }),
    ).toMatchObject({
      action: 'referSecondaryCareDoNotStart',
      doNotStartFracturePreventionDrug: true,
      startFracturePreventionDrugAfterWeeks: null,
    });
  });

  it('≥ 30 with low calcium or symptoms has no row → not covered', () => {
    expect(
      lowVitaminDBeforeTreatment({
        serum25OHDNmolL: 50,
        albuminCorrectedCalciumLow: true,
        osteomalaciaSymptoms: false,
      }),
    ).toMatchObject({ status: 'notCovered', ruleId: 'R13.4' });
  });
});

describe('R7.3 / R13.3 dose check', () => {
  it('advises against ≥ 3000 IU a day and ≥ 60 000 IU a month', () => {
    expect(vitaminDDoseCheck({ dailyIU: 2999 }).avoidFallRisk).toBe(false);
    expect(vitaminDDoseCheck({ dailyIU: 3000 }).avoidFallRisk).toBe(true);
    expect(vitaminDDoseCheck({ monthlyBolusIU: 59999 }).avoidFallRisk).toBe(false);
    expect(vitaminDDoseCheck({ monthlyBolusIU: 60000 }).avoidFallRisk).toBe(true);
    expect(vitaminDDoseCheck({ dailyIU: 800, monthlyBolusIU: 100000 }).avoidFallRisk).toBe(true);
  });

  it('needs at least one dose', () => {
    expect(() => vitaminDDoseCheck({})).toThrow(expect.objectContaining({ reason: 'required' }) as Error);
  });
});
