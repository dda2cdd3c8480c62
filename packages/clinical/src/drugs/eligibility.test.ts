import { describe, expect, it } from 'vitest';
import { parseClinicalConfig } from '../config';
import { drugEligibility, type DrugEligibilityInput } from './eligibility';

const clear: Omit<DrugEligibilityInput, 'drug'> = {
  sex: 'female',
  postmenopausal: true,
  renalFunctionMlMin: 80,
  canStayUpright30Min: true,
  oesophagealEmptyingDisorder: false,
  hypocalcaemia: false,
  historyMyocardialInfarctionOrStroke: false,
  hypercalcaemia: false,
  metabolicBoneDiseaseOtherThanPrimaryOsteoporosis: false,
  unexplainedRaisedAlkalinePhosphatase: false,
  priorSkeletalRadiotherapy: false,
  skeletalMalignancyOrMetastases: false,
  pregnantOrLactating: false,
  teriparatideMonthsUsed: 0,
};

describe('R10.2 renal thresholds', () => {
  it.each([
    ['alendronate', 34, false, ['renalFunctionBelow35']],
    ['alendronate', 35, true, []],
    ['zoledronicAcid', 34, false, ['renalFunctionBelow35']],
    ['zoledronicAcid', 35, true, []],
    ['risedronate', 29, false, ['renalFunctionBelow30']],
    ['risedronate', 30, true, []],
    ['teriparatide', 29, false, ['renalFunctionBelow30']],
    ['teriparatide', 30, true, []],
    ['denosumab', 10, true, []],
    ['romosozumab', 10, true, []],
  ] as const)('%s at %i ml/min → allowed %s', (drug, renal, allowed, reasons) => {
    expect(drugEligibility({ ...clear, drug, renalFunctionMlMin: renal })).toMatchObject({
      allowed,
      reasons,
    });
  });

  it('warns to monitor calcium for denosumab and romosozumab below 30 ml/min', () => {
    expect(drugEligibility({ ...clear, drug: 'denosumab', renalFunctionMlMin: 29 }).cautions).toContain(
      'monitorCalciumSevereRenalImpairment',
    );
    expect(drugEligibility({ ...clear, drug: 'denosumab', renalFunctionMlMin: 30 }).cautions).not.toContain(
      'monitorCalciumSevereRenalImpairment',
    );
    expect(drugEligibility({ ...clear, drug: 'romosozumab', renalFunctionMlMin: 20 }).cautions).toContain(
      'monitorCalciumSevereRenalImpairment',
    );
  });

  it('names the reason after the configured threshold (C7 alternative < 30)', () => {
    const c7 = parseClinicalConfig({ version: 't', values: { 'drugs.alendronateMinRenalMlMin': 30 } });
    expect(drugEligibility({ ...clear, drug: 'alendronate', renalFunctionMlMin: 32 }, c7)).toMatchObject({
      allowed: true,
    });
    expect(drugEligibility({ ...clear, drug: 'alendronate', renalFunctionMlMin: 29 }, c7).reasons).toEqual([
      'renalFunctionBelow30',
    ]);
    const odd = parseClinicalConfig({ version: 't', values: { 'drugs.alendronateMinRenalMlMin': 40 } });
    expect(drugEligibility({ ...clear, drug: 'alendronate', renalFunctionMlMin: 39 }, odd).reasons).toEqual([
      'renalFunctionBelowThreshold',
    ]);
  });
});

describe('R10.2–R10.5 other blocks', () => {
  it('oral bisphosphonates need 30 minutes upright and normal oesophageal emptying', () => {
    expect(drugEligibility({ ...clear, drug: 'alendronate', canStayUpright30Min: false }).reasons).toEqual([
      'cannotStayUpright30Min',
    ]);
    expect(
      drugEligibility({ ...clear, drug: 'risedronate', oesophagealEmptyingDisorder: true }).reasons,
    ).toEqual(['oesophagealEmptyingDisorder']);
    expect(drugEligibility({ ...clear, drug: 'zoledronicAcid', canStayUpright30Min: false }).allowed).toBe(
      true,
    );
  });

  it('correct hypocalcaemia first for antiresorptives and romosozumab, not teriparatide', () => {
    for (const drug of [
      'alendronate',
      'risedronate',
      'zoledronicAcid',
      'denosumab',
      'romosozumab',
    ] as const) {
      expect(drugEligibility({ ...clear, drug, hypocalcaemia: true }).reasons).toContain(
        'correctHypocalcaemiaFirst',
      );
    }
    expect(drugEligibility({ ...clear, drug: 'teriparatide', hypocalcaemia: true }).allowed).toBe(true);
    const config = parseClinicalConfig({
      version: 't',
      values: { 'drugs.denosumabCorrectHypocalcaemiaFirst': false },
    });
    expect(drugEligibility({ ...clear, drug: 'denosumab', hypocalcaemia: true }, config).allowed).toBe(true);
  });

  it('romosozumab: no MI/stroke and postmenopausal women only', () => {
    expect(
      drugEligibility({ ...clear, drug: 'romosozumab', historyMyocardialInfarctionOrStroke: true }).reasons,
    ).toEqual(['historyMyocardialInfarctionOrStroke']);
    expect(
      drugEligibility({ ...clear, drug: 'romosozumab', sex: 'male', postmenopausal: false }).reasons,
    ).toEqual(['registeredForPostmenopausalWomenOnly']);
    expect(drugEligibility({ ...clear, drug: 'romosozumab', postmenopausal: false }).reasons).toEqual([
      'registeredForPostmenopausalWomenOnly',
    ]);
  });

  it('reports several reasons at once', () => {
    const result = drugEligibility({
      ...clear,
      drug: 'alendronate',
      renalFunctionMlMin: 20,
      canStayUpright30Min: false,
      oesophagealEmptyingDisorder: true,
      hypocalcaemia: true,
    });
    expect(result.allowed).toBe(false);
    expect([...result.reasons].sort()).toEqual([
      'cannotStayUpright30Min',
      'correctHypocalcaemiaFirst',
      'oesophagealEmptyingDisorder',
      'renalFunctionBelow35',
    ]);
    const romo = drugEligibility({
      ...clear,
      drug: 'romosozumab',
      sex: 'male',
      postmenopausal: null,
      historyMyocardialInfarctionOrStroke: true,
      hypocalcaemia: true,
    });
    expect([...romo.reasons].sort()).toEqual([
      'correctHypocalcaemiaFirst',
      'historyMyocardialInfarctionOrStroke',
      'registeredForPostmenopausalWomenOnly',
    ]);
  });

  it('teriparatide contraindications [UNCONFIRMED] and the 24-month lifetime maximum', () => {
    expect(drugEligibility({ ...clear, drug: 'teriparatide', hypercalcaemia: true }).reasons).toEqual([
      'hypercalcaemia',
    ]);
    expect(
      drugEligibility({
        ...clear,
        drug: 'teriparatide',
        priorSkeletalRadiotherapy: true,
        pregnantOrLactating: true,
      }).reasons,
    ).toEqual(['priorSkeletalRadiotherapy', 'pregnancyOrLactation']);
    expect(drugEligibility({ ...clear, drug: 'teriparatide', teriparatideMonthsUsed: 23 }).allowed).toBe(
      true,
    );
    expect(drugEligibility({ ...clear, drug: 'teriparatide', teriparatideMonthsUsed: 24 }).reasons).toEqual([
      'lifetimeMaximumReached',
    ]);
  });

  it('registration for men follows the configured list [UNCONFIRMED]', () => {
    expect(drugEligibility({ ...clear, drug: 'denosumab', sex: 'male', postmenopausal: false }).allowed).toBe(
      true,
    );
    const config = parseClinicalConfig({
      version: 't',
      values: { 'drugs.registeredForMen': ['alendronate', 'risedronate', 'zoledronicAcid'] },
    });
    expect(
      drugEligibility({ ...clear, drug: 'denosumab', sex: 'male', postmenopausal: false }, config).reasons,
    ).toEqual(['notRegisteredForMen']);
  });

  it('lists unrecorded teriparatide facts to check without holding the verdict back [UNCONFIRMED list]', () => {
    const result = drugEligibility({ drug: 'teriparatide', sex: 'female', renalFunctionMlMin: 60 });
    expect(result).toMatchObject({ allowed: true, reasons: [], missing: [] });
    expect(result.toCheck).toEqual([
      'hypercalcaemia',
      'metabolicBoneDiseaseOtherThanPrimaryOsteoporosis',
      'unexplainedRaisedAlkalinePhosphatase',
      'priorSkeletalRadiotherapy',
      'skeletalMalignancyOrMetastases',
      'pregnantOrLactating',
    ]);
    expect(result.cautions).toContain('checkPriorTeriparatideUse');
  });

  it('answers allowed: null with the missing facts when nothing blocks', () => {
    expect(drugEligibility({ drug: 'alendronate', sex: 'female', renalFunctionMlMin: 60 })).toMatchObject({
      allowed: null,
      reasons: [],
      missing: ['canStayUpright30Min', 'oesophagealEmptyingDisorder', 'hypocalcaemia'],
    });
    expect(drugEligibility({ drug: 'alendronate', sex: 'female', renalFunctionMlMin: 20 })).toMatchObject({
      allowed: false,
      reasons: ['renalFunctionBelow35'],
    });
  });

  it('lists the R10.3 prerequisites and the denosumab cautions', () => {
    expect(drugEligibility({ ...clear, drug: 'zoledronicAcid' }).prerequisites).toEqual([
      'albuminCorrectedCalciumNormal',
      'vitaminDDeficiencyCorrected',
      'eGFRChecked',
    ]);
    expect(drugEligibility({ ...clear, drug: 'denosumab' }).cautions).toEqual(
      expect.arrayContaining(['neverStopWithoutFollowOn']),
    );
  });

  it('rejects unknown drugs and negative renal function', () => {
    expect(() => drugEligibility({ ...clear, drug: 'ibandronate' as 'alendronate' })).toThrow(
      expect.objectContaining({ field: 'drug', reason: 'unknownValue' }) as Error,
    );
    expect(() => drugEligibility({ ...clear, drug: 'alendronate', renalFunctionMlMin: -3 })).toThrow(
      expect.objectContaining({ field: 'renalFunctionMlMin' }) as Error,
    );
  });
});
