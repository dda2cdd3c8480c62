import type { ConsultLetterInput, StoredDecisionForLetters } from '../consult/consultLetterInput';
import { demoOrganization } from './sampleLetters';

// A fictional patient after a hip fracture: osteoporosis on DXA, one moderate vertebral fracture on VFA,
// alendronate with its R10 instructions, calcium and vitamin D, follow-up by the GP.
export const osteoporosisDecision: StoredDecisionForLetters = {
  decisionId: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b',
  decidedOn: '2026-11-24',
  decidedBy: { displayName: 'Dr. A. Bakker', role: 'specialist' },
  diagnosis: {
    bmdCategory: 'osteoporosis',
    lowestSite: 'femoralNeck',
    lowestTScore: -2.7,
    vfaCategory: 'grade2_single',
  },
  dxa: {
    date: '2026-11-10',
    sites: [
      { site: 'lumbarSpine', tScore: -2.1, zScore: -1.2, bmdGcm2: 0.812 },
      { site: 'totalHip', tScore: -2.3, zScore: -1.0, bmdGcm2: 0.661 },
      { site: 'femoralNeck', tScore: -2.7, zScore: -1.4, bmdGcm2: 0.534 },
    ],
  },
  vfa: { status: 'assessed', fractures: [{ level: 'T12', grade: 2 }] },
  labs: [
    {
      test: 'albuminCorrectedCalcium',
      value: 2.31,
      unit: 'mmol/l',
      range: { low: 2.2, high: 2.6 },
      flag: 'normal',
    },
    { test: 'eGFR', value: 64, unit: 'ml/min/1,73m²', range: { low: 60, high: null }, flag: 'normal' },
    { test: 'TSH', value: 1.8, unit: 'mU/l', range: { low: 0.4, high: 4 }, flag: 'normal' },
    { test: '25OHD', value: 42, unit: 'nmol/l', range: { low: 50, high: null }, flag: 'low' },
  ],
  plan: {
    medication: {
      drug: 'alendronate',
      dose: { amount: 70, unit: 'mg', route: 'oral', every: { count: 1, unit: 'week' } },
      administration: [
        'emptyStomachInTheMorning',
        'swallowWholeWithAtLeast200mlTapWater',
        'standOrSitUpright30Min',
        'noFoodDrinkOrOtherMedicines30Min',
        'avoidMineralRichWater',
      ],
      sideEffects: ['occasionalGastrointestinalComplaints', 'musclePainOnIntakeDay'],
      dentalAdvice: ['keepMouthAndTeethHealthy', 'tellDentistBeforeAnyProcedure'],
      longTermRiskAdvice: ['reportNewThighOrGroinPain'],
      startAfterWeeks: null,
    },
    calcium: { requirementMgPerDay: 1200, intakeMgPerDay: 700, supplementMgPerDay: 500 },
    vitaminD: { iuPerDay: 800, weeklyAlternativeIU: 5600 },
    lifestyle: ['exercise_weight_bearing', 'fall_prevention_home', 'stop_smoking'],
    referrals: [{ to: 'physiotherapy', dueDate: '2026-12-15' }],
  },
  followUp: {
    careOwner: 'gp',
    items: [
      { kind: 'evaluation', responsible: 'flsNurse', dueDate: '2027-02-24' },
      { kind: 'yearlyCheck', responsible: 'gp', dueDate: '2027-11-24' },
      { kind: 'standardReevaluation', responsible: 'gp', dueDate: '2031-11-24' },
    ],
  },
};

export function consultLetterInput(overrides: Partial<ConsultLetterInput> = {}): ConsultLetterInput {
  return {
    organization: demoOrganization,
    patient: {
      familyName: 'de Vries',
      givenNames: 'Johanna Maria',
      initials: 'J.M.',
      sex: 'female',
      birthDate: '1948-03-05',
      street: 'Dorpsstraat',
      houseNumber: '12a',
      postalCode: '9999AA',
      city: 'Demostad',
    },
    gp: {
      name: 'H. Smit',
      practiceName: 'Huisartsenpraktijk De Linde',
      address: 'Lindelaan 4, 9999 AB Demostad',
    },
    decision: osteoporosisDecision,
    ...overrides,
  };
}

/** The same patient with normal bone density: no medication, no follow-up. */
export const normalDecision: StoredDecisionForLetters = {
  ...osteoporosisDecision,
  diagnosis: { bmdCategory: 'normal', lowestSite: 'lumbarSpine', lowestTScore: -0.6, vfaCategory: 'none' },
  vfa: { status: 'assessed', fractures: [] },
  plan: {
    medication: null,
    calcium: { requirementMgPerDay: 1200, intakeMgPerDay: null, supplementMgPerDay: null },
    vitaminD: null,
    lifestyle: ['calcium_diet'],
    referrals: [],
  },
  followUp: { careOwner: 'none', items: [] },
};
