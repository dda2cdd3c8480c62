import { describe, expect, it } from 'vitest';
import { validatePatientInput } from '@osteopad/clinical';
import { intakeAnswersToPatientInput } from './intakeAnswersToPatientInput';

describe('intakeAnswersToPatientInput', () => {
  it('maps a full intake to sections the engine accepts', () => {
    const sections = intakeAnswersToPatientInput({
      parentHipFracture: true,
      smoker: false,
      alcoholUnitsPerDay: 4,
      familyHistoryOsteoporosis: true,
      weightKg: 61.5,
      heightCm: 172,
      menopausalStatus: 'postmenopausal',
      usesGlucocorticoids: true,
      glucocorticoidDoseMgPerDay: 7.5,
      glucocorticoidMonthsUsed: 3,
      glucocorticoidExpectedDurationMonths: 6,
      glucocorticoidBurstsPerYear: 1,
      fallRiskIncreasingMedication: true,
      fallsPastYear: 2,
      worriedAboutFalling: false,
      difficultyWalkingOrBalance: true,
      milkGlass: 2,
      calciumSupplementMgPerDay: 500,
      usesVitaminD: true,
      vitaminDDailyIU: 800,
      darkSkin: false,
      outdoorsSufficient: false,
      bodyCovering: false,
      recentDentalCheck: true,
      canStayUpright30Min: true,
      teriparatideMonthsUsed: 0,
    });
    expect(sections).toEqual({
      weightKg: 61.5,
      heightM: 1.72,
      menopausalStatus: 'postmenopausal',
      riskFactors: { parentHipFracture: true, smoker: false, alcoholUnitsPerDay: 4 },
      glucocorticoids: {
        doseMgPerDayPrednisoneEq: 7.5,
        monthsUsed: 3,
        expectedDurationMonths: 6,
        burstsPerYear: 1,
      },
      falls: {
        fallsPastYear: 2,
        worriedAboutFalling: false,
        difficultyWalkingOrBalance: true,
        fallRiskIncreasingMedication: true,
      },
      calciumIntake: { servings: { milkGlass: 2 }, supplementMg: 500 },
      vitaminD: { darkSkin: false, outdoorsSufficient: false, bodyCovering: false, supplementDailyIU: 800 },
      contraindications: { canStayUpright30Min: true, teriparatideMonthsUsed: 0 },
    });
    expect(() =>
      validatePatientInput({ sex: 'female', birthDate: '1950-01-01', ...sections }, '2026-11-01'),
    ).not.toThrow();
  });

  it('leaves out a section whose required answers are missing, and gives a non-user dose 0', () => {
    expect(
      intakeAnswersToPatientInput({ usesGlucocorticoids: true, glucocorticoidBurstsPerYear: 0 }),
    ).toEqual({});
    expect(intakeAnswersToPatientInput({ fallsPastYear: 3, worriedAboutFalling: true })).toEqual({});
    expect(
      intakeAnswersToPatientInput({ usesGlucocorticoids: false, glucocorticoidBurstsPerYear: 4 }),
    ).toEqual({
      glucocorticoids: { doseMgPerDayPrednisoneEq: 0, monthsUsed: 0, burstsPerYear: 4 },
    });
  });

  it('passes no menopausal status, pregnancy or lactation on for a man', () => {
    const answers = { menopausalStatus: 'unknown', pregnant: false, weightKg: 80 };
    expect(intakeAnswersToPatientInput(answers, { sex: 'male' })).toEqual({ weightKg: 80 });
    expect(intakeAnswersToPatientInput(answers, { sex: 'female' })).toMatchObject({
      menopausalStatus: 'unknown',
    });
  });
});
