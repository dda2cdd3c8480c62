import type { IntakeAnswers, IntakeFoodCode } from '@osteopad/contract';
import { INTAKE_FOOD_CODES } from '@osteopad/contract';
import type {
  CalciumIntakeInput,
  ContraindicationsInput,
  FallsInput,
  GlucocorticoidInput,
  MenopausalStatus,
  RiskFactorInput,
  VitaminDContextInput,
} from '@osteopad/clinical';
import { MENOPAUSAL_STATUSES } from '@osteopad/clinical';
import type { PatientInputSections } from '../consult/patientInputSections';

type Writable<T> = { -readonly [K in keyof T]: T[K] };

function reader(answers: IntakeAnswers) {
  return {
    yesNo(linkId: string): boolean | undefined {
      const value = answers[linkId];
      return typeof value === 'boolean' ? value : undefined;
    },
    number(linkId: string): number | undefined {
      const value = answers[linkId];
      return typeof value === 'number' ? value : undefined;
    },
    code(linkId: string): string | undefined {
      const value = answers[linkId];
      return typeof value === 'string' ? value : undefined;
    },
  };
}

/** Copies the answered ones of `keys` (same name as the linkId) into a section; undefined when none. */
function answered<T extends object>(
  read: (linkId: string) => unknown,
  keys: readonly (keyof T & string)[],
): T | undefined {
  const section: Record<string, unknown> = {};
  for (const key of keys) {
    const value = read(key);
    if (value !== undefined) section[key] = value;
  }
  return Object.keys(section).length === 0 ? undefined : (section as T);
}

/**
 * The engine's input sections (packages/clinical PatientInput) the intake answers give. A section the
 * engine needs whole (glucocorticoids, falls, vitamin-D context) is given only when all of its
 * required answers are there; otherwise it is left out, so the engine answers `insufficientData` for
 * the parts that need it instead of guessing. Answers that feed no engine field (family history,
 * early menopause, aromatase inhibitors, dental status, "uses vitamin D") are for the clinician only.
 * For a man, the menopausal status, pregnancy and lactation are never passed on (the engine refuses them).
 */
export function intakeAnswersToPatientInput(
  answers: IntakeAnswers,
  options: { readonly sex?: string } = {},
): PatientInputSections {
  const a = reader(answers);
  const out: Writable<PatientInputSections> = {};

  const weightKg = a.number('weightKg');
  if (weightKg !== undefined) out.weightKg = weightKg;
  const heightCm = a.number('heightCm');
  // cm → m, rounded to the millimetre (so 172 cm is 1.72 m, not 1.7200000000000002).
  if (heightCm !== undefined) out.heightM = Math.round(heightCm * 10) / 1000;
  if (options.sex !== 'male') {
    const status = a.code('menopausalStatus');
    const known = MENOPAUSAL_STATUSES.find((s): s is MenopausalStatus => s === status);
    if (known !== undefined) out.menopausalStatus = known;
    const pregnant = a.yesNo('pregnant');
    if (pregnant !== undefined) out.pregnant = pregnant;
    const lactating = a.yesNo('lactating');
    if (lactating !== undefined) out.lactating = lactating;
  }

  const riskFactors = answered<RiskFactorInput>(
    (key) => (key === 'alcoholUnitsPerDay' ? a.number(key) : a.yesNo(key)),
    [
      'parentHipFracture',
      'reducedMobility',
      'rheumatoidArthritis',
      'secondaryOsteoporosisCondition',
      'smoker',
      'alcoholUnitsPerDay',
    ],
  );
  if (riskFactors !== undefined) out.riskFactors = riskFactors;

  const uses = a.yesNo('usesGlucocorticoids');
  const bursts = a.number('glucocorticoidBurstsPerYear');
  if (uses === false && bursts !== undefined) {
    out.glucocorticoids = { doseMgPerDayPrednisoneEq: 0, monthsUsed: 0, burstsPerYear: bursts };
  } else if (uses === true && bursts !== undefined) {
    const dose = a.number('glucocorticoidDoseMgPerDay');
    const months = a.number('glucocorticoidMonthsUsed');
    if (dose !== undefined && months !== undefined) {
      const expected = a.number('glucocorticoidExpectedDurationMonths');
      const section: GlucocorticoidInput = {
        doseMgPerDayPrednisoneEq: dose,
        monthsUsed: months,
        burstsPerYear: bursts,
        ...(expected === undefined ? {} : { expectedDurationMonths: expected }),
      };
      out.glucocorticoids = section;
    }
  }

  const fallsPastYear = a.number('fallsPastYear');
  const worried = a.yesNo('worriedAboutFalling');
  const difficulty = a.yesNo('difficultyWalkingOrBalance');
  if (fallsPastYear !== undefined && worried !== undefined && difficulty !== undefined) {
    const medication = a.yesNo('fallRiskIncreasingMedication');
    const falls: FallsInput = {
      fallsPastYear,
      worriedAboutFalling: worried,
      difficultyWalkingOrBalance: difficulty,
      ...(medication === undefined ? {} : { fallRiskIncreasingMedication: medication }),
    };
    out.falls = falls;
  }

  const servings: Partial<Record<IntakeFoodCode, number>> = {};
  for (const food of INTAKE_FOOD_CODES) {
    const count = a.number(food);
    if (count !== undefined) servings[food] = count;
  }
  if (Object.keys(servings).length > 0) {
    const supplementMg = a.number('calciumSupplementMgPerDay');
    const calcium: CalciumIntakeInput = {
      servings,
      ...(supplementMg === undefined ? {} : { supplementMg }),
    };
    out.calciumIntake = calcium;
  }

  const darkSkin = a.yesNo('darkSkin');
  const outdoors = a.yesNo('outdoorsSufficient');
  const covering = a.yesNo('bodyCovering');
  if (darkSkin !== undefined && outdoors !== undefined && covering !== undefined) {
    const veil = a.yesNo('veil');
    const daily = a.number('vitaminDDailyIU');
    const bolus = a.number('vitaminDMonthlyBolusIU');
    const vitaminD: VitaminDContextInput = {
      darkSkin,
      outdoorsSufficient: outdoors,
      bodyCovering: covering,
      ...(veil === undefined ? {} : { veil }),
      ...(daily === undefined ? {} : { supplementDailyIU: daily }),
      ...(bolus === undefined ? {} : { supplementMonthlyBolusIU: bolus }),
    };
    out.vitaminD = vitaminD;
  }

  const contraindications = answered<ContraindicationsInput>(
    (key) => (key === 'teriparatideMonthsUsed' ? a.number(key) : a.yesNo(key)),
    [
      'canStayUpright30Min',
      'oesophagealEmptyingDisorder',
      'historyMyocardialInfarctionOrStroke',
      'priorSkeletalRadiotherapy',
      'skeletalMalignancyOrMetastases',
      'teriparatideMonthsUsed',
    ],
  );
  if (contraindications !== undefined) out.contraindications = contraindications;
  return out;
}
