import { describe, expect, it } from 'vitest';
import { DRUG_CODES } from '../codes';
import { parseClinicalConfig } from '../config';
import { drugInstructions } from './instructions';

describe('R10.2 dose, interval and route', () => {
  it.each([
    ['alendronate', 70, 'mg', 'oral', 1, 'week', 5],
    ['risedronate', 35, 'mg', 'oral', 1, 'week', 5],
    ['zoledronicAcid', 5, 'mg', 'intravenous', 1, 'year', 3],
    ['denosumab', 60, 'mg', 'subcutaneous', 6, 'month', 3],
    ['teriparatide', 20, 'µg', 'subcutaneous', 1, 'day', 2],
    ['romosozumab', 210, 'mg', 'subcutaneous', 1, 'month', 1],
  ] as const)(
    '%s: %i %s %s every %i %s, re-evaluate after %i years',
    (drug, amount, unit, route, count, every, years) => {
      const result = drugInstructions(drug);
      expect(result.dose).toMatchObject({ amount, unit, route, every: { count, unit: every } });
      expect(result.standardDurationYears).toBe(years);
    },
  );

  it('gives the oral bisphosphonate instructions', () => {
    expect(drugInstructions('alendronate').administration).toEqual(
      expect.arrayContaining([
        'emptyStomachInTheMorning',
        'standOrSitUpright30Min',
        'noFoodDrinkOrOtherMedicines30Min',
        'avoidMineralRichWater',
      ]),
    );
    expect(drugInstructions('risedronate').administration).toContain('sameWeekdayEachWeek');
    expect(drugInstructions('zoledronicAcid').administration).toContain(
      'bloodTestCreatinineAndCalciumBeforeEachDose',
    );
    expect(drugInstructions('denosumab').administration).toContain('neverStopWithoutFollowOn');
  });

  it('lists the R10.6 side effects to tell', () => {
    expect(drugInstructions('alendronate').sideEffectsToTell).toEqual([
      'occasionalGastrointestinalComplaints',
      'musclePainOnIntakeDay',
    ]);
    expect(drugInstructions('zoledronicAcid').sideEffectsToTell).toEqual([
      'acutePhaseReactionAfterFirstDose',
    ]);
    expect(drugInstructions('denosumab').sideEffectsToTell).toEqual([
      'musculoskeletalPain',
      'painInLimbs',
      'rash',
      'eczema',
      'flatulence',
    ]);
  });

  it('gives dental / ONJ advice (R10.4) to bisphosphonate, denosumab and romosozumab users, not teriparatide', () => {
    for (const drug of DRUG_CODES) {
      const advice = drugInstructions(drug).dentalAdvice;
      if (drug === 'teriparatide') expect(advice).toEqual([]);
      else
        expect(advice).toEqual(
          expect.arrayContaining(['tellDentistBeforeAnyProcedure', 'seeDentistRegularly']),
        );
    }
    expect(drugInstructions('zoledronicAcid').dentalAdvice).toContain(
      'avoidInvasiveDentalWorkCloseToInfusion',
    );
  });

  it('reads teriparatide data from the configuration [UNCONFIRMED]', () => {
    const config = parseClinicalConfig({
      version: 't',
      values: { 'drugs.teriparatideMaxLifetimeMonths': 18 },
    });
    expect(drugInstructions('teriparatide', config).maxDurationMonths).toBe(18);
    expect(drugInstructions('teriparatide').explanation.rules.some((r) => r.marker === 'UNCONFIRMED')).toBe(
      true,
    );
  });
});
