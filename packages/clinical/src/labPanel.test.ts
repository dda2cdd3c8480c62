import { describe, expect, it } from 'vitest';
import { parseClinicalConfig } from './config';
import { BASIC_PANEL, labPanel, type LabPanelInput, type LabPanelResult } from './labPanel';

const base: LabPanelInput = {
  ageYears: 60,
  sex: 'female',
  recentFracture: true,
  lowestTScore: -1.5,
  indicationForFracturePreventionMedication: false,
  severeOrUnexplainedOsteoporosis: false,
  multipleFractures: false,
  multipleUnexplainedFractures: false,
  persistentPain: false,
};

function run(
  input: Partial<LabPanelInput>,
  config = parseClinicalConfig({ version: 'default' }),
): LabPanelResult {
  const result = labPanel({ ...base, ...input }, config);
  if (result.status !== 'ok') throw new Error('expected a panel');
  return result;
}

describe('R6.1 basic panel', () => {
  it('recent fracture: from T ≤ −1.0 (C5), not at −0.9', () => {
    expect(run({ lowestTScore: -1.0 }).basicPanel).toEqual(BASIC_PANEL);
    expect(run({ lowestTScore: -0.9 }).basicPanel).toEqual([]);
  });

  it('recent fracture: T −1.0 gives no panel when −1.0 is configured as normal everywhere', () => {
    const config = parseClinicalConfig({
      version: 't',
      values: { 'densitometry.minusOneHandling': 'normalEverywhere' },
    });
    expect(run({ lowestTScore: -1.0 }, config).basicPanel).toEqual([]);
  });

  it('no recent fracture: only with a medication indication', () => {
    expect(
      run({ recentFracture: false, lowestTScore: -0.5, indicationForFracturePreventionMedication: true }),
    ).toMatchObject({
      basicPanel: BASIC_PANEL,
      basicPanelTrigger: 'medicationIndicationWithoutRecentFracture',
    });
    expect(
      run({ recentFracture: false, lowestTScore: -3, indicationForFracturePreventionMedication: false })
        .basicPanel,
    ).toEqual([]);
  });

  it('applies from age 50 by default (C15) and from 51 when the source reading is configured', () => {
    expect(run({ ageYears: 50 }).basicPanel).toEqual(BASIC_PANEL);
    expect(run({ ageYears: 49 }).basicPanel).toEqual([]);
    const strict = parseClinicalConfig({ version: 't', values: { 'labPanel.minimumAgeYears': 51 } });
    expect(run({ ageYears: 50 }, strict).basicPanel).toEqual([]);
  });

  it('needs the T-score when the fracture is recent', () => {
    expect(labPanel({ ...base, lowestTScore: null })).toMatchObject({
      status: 'insufficientData',
      missing: ['lowestTScore'],
    });
  });
});

describe('R6.2 testosterone', () => {
  it('for men under 70 only', () => {
    expect(run({ sex: 'male', ageYears: 69 }).considerTestosterone).toBe(true);
    expect(run({ sex: 'male', ageYears: 70 }).considerTestosterone).toBe(false);
    expect(run({ sex: 'female', ageYears: 60 }).considerTestosterone).toBe(false);
  });
});

describe('R6.3 extended panel', () => {
  it.each([
    'severeOrUnexplainedOsteoporosis',
    'multipleFractures',
    'multipleUnexplainedFractures',
    'persistentPain',
  ] as const)('is triggered by %s', (trigger) => {
    expect(run({ [trigger]: true }).extendedPanel).toEqual(['ESR', 'proteinSpectrumOrMProtein', 'phosphate']);
    expect(
      run({ [trigger]: true, recentFracture: false, indicationForFracturePreventionMedication: true })
        .extendedPanel,
    ).toEqual(['ESR', 'proteinSpectrumOrMProtein', 'phosphate', 'alkalinePhosphatase']);
  });

  it('is empty without a trigger and offers the tests on indication only with one', () => {
    expect(run({})).toMatchObject({ extendedPanel: [], testsOnIndication: [] });
    expect(run({ persistentPain: true }).testsOnIndication).toEqual([
      'coeliacSerology',
      'tryptase',
      'urinaryCalcium',
    ]);
  });
});

describe('R6.5 referral', () => {
  it('refers osteoporosis under 50 (T ≤ −2.5) and multiple unexplained fractures', () => {
    expect(run({ ageYears: 49, lowestTScore: -2.5 })).toMatchObject({
      referSecondaryCare: true,
      referralReasons: ['osteoporosisUnder50'],
    });
    expect(run({ ageYears: 49, lowestTScore: -2.4 }).referSecondaryCare).toBe(false);
    expect(run({ ageYears: 50, lowestTScore: -3 }).referSecondaryCare).toBe(false);
    expect(run({ multipleUnexplainedFractures: true })).toMatchObject({
      referSecondaryCare: true,
      referralReasons: ['multipleUnexplainedFractures'],
    });
  });
});
