import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assessPatient } from './assessPatient';
import { civilFromDayNumber, dayNumber, formatIsoDate, type IsoDate } from './calendarDate';
import {
  DRUG_CODES,
  ENCOUNTER_TYPES,
  EXCLUDED_FRACTURE_SITE_CODES,
  FOOD_CODES,
  FRACTURE_SITE_CODES,
  MENOPAUSAL_STATUSES,
} from './codes';
import { DEFAULT_CONFIG, parseClinicalConfig } from './config';
import { ClinicalInputError } from './errors';
import type { PatientInput } from './patientInput';
import { VERTEBRAL_LEVELS } from './vertebralFractures';

const iso = (n: number): IsoDate => formatIsoDate(civilFromDayNumber(n));
const TODAY_MIN = dayNumber('2000-01-01');
const TODAY_MAX = dayNumber('2035-12-31');

/** Optional keys are left out rather than set to undefined, like JSON from a form or an import. */
function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

const maybe = <T>(arb: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> => fc.option(arb, { nil: undefined });
const tScore = fc.double({ min: -6, max: 4, noNaN: true });

function patientArbitrary(today: number): fc.Arbitrary<PatientInput> {
  const birth = fc.integer({ min: today - 105 * 365, max: today - 18 * 365 });
  return birth.chain((birthDay) => {
    const dateBetween = fc.integer({ min: birthDay, max: today }).map(iso);
    const fracture = fc.record({
      date: dateBetween,
      site: fc.constantFrom(...FRACTURE_SITE_CODES, ...EXCLUDED_FRACTURE_SITE_CODES, 'sesamoid_hallux'),
      mechanism: fc.constantFrom('lowEnergy', 'highEnergy', 'unknown' as const),
      pathological: fc.constantFrom(true, false, null),
      encounterType: maybe(fc.constantFrom(...ENCOUNTER_TYPES)),
    });
    const dxaSite = fc.record({
      tScore: maybe(tScore),
      zScore: maybe(tScore),
      bmdGcm2: maybe(fc.double({ min: 0.3, max: 1.4, noNaN: true })),
      evaluable: maybe(fc.boolean()),
    });
    const optionalBool = maybe(fc.boolean());
    return fc
      .record({
        useBirthDate: fc.boolean(),
        sex: fc.constantFrom('female', 'male' as const),
        menopausalStatus: maybe(fc.constantFrom(...MENOPAUSAL_STATUSES)),
        weightKg: maybe(fc.double({ min: 30, max: 150, noNaN: true })),
        heightM: maybe(fc.double({ min: 1.3, max: 2.1, noNaN: true })),
        fractures: maybe(fc.array(fracture, { maxLength: 4 })),
        glucocorticoids: maybe(
          fc.record({
            doseMgPerDayPrednisoneEq: fc.constantFrom(0, 5, 7.5, 10, 15, 20),
            monthsUsed: fc.integer({ min: 0, max: 60 }),
            expectedDurationMonths: maybe(fc.integer({ min: 0, max: 60 })),
            burstsPerYear: fc.integer({ min: 0, max: 8 }),
          }),
        ),
        falls: maybe(
          fc.record({
            fallsPastYear: fc.integer({ min: 0, max: 6 }),
            worriedAboutFalling: fc.boolean(),
            difficultyWalkingOrBalance: fc.boolean(),
            fallRiskIncreasingMedication: optionalBool,
          }),
        ),
        riskFactors: maybe(
          fc.record({
            parentHipFracture: optionalBool,
            reducedMobility: optionalBool,
            rheumatoidArthritis: optionalBool,
            secondaryOsteoporosisCondition: optionalBool,
            smoker: optionalBool,
            alcoholUnitsPerDay: maybe(fc.integer({ min: 0, max: 8 })),
          }),
        ),
        clinicalFindings: maybe(
          fc.record({
            secondaryOsteoporosis: optionalBool,
            osteomalaciaSymptoms: optionalBool,
            persistentPain: optionalBool,
            multipleUnexplainedFractures: optionalBool,
          }),
        ),
        contraindications: maybe(
          fc.record({
            canStayUpright30Min: optionalBool,
            oesophagealEmptyingDisorder: optionalBool,
            historyMyocardialInfarctionOrStroke: optionalBool,
          }),
        ),
        circumstances: maybe(
          fc.record({
            nursingHomeResident: optionalBool,
            lifeExpectancyUnder1Year: optionalBool,
            frail: optionalBool,
            inPaidWork: optionalBool,
          }),
        ),
        dxa: maybe(
          fc.record({
            lumbarSpine: maybe(dxaSite),
            totalHip: maybe(dxaSite),
            femoralNeck: maybe(dxaSite),
            radius33: maybe(dxaSite),
          }),
        ),
        vfa: maybe(
          fc.record({
            assessable: fc.boolean(),
            vertebrae: fc.uniqueArray(
              fc.record({
                level: fc.constantFrom(...VERTEBRAL_LEVELS),
                genantGrade: fc.constantFrom(0, 1, 2, 3 as const),
              }),
              { maxLength: 5, selector: (v) => v.level },
            ),
          }),
        ),
        labs: maybe(
          fc.record({
            eGFRMlMin: maybe(fc.integer({ min: 5, max: 120 })),
            creatinineClearanceMlMin: maybe(fc.integer({ min: 5, max: 120 })),
            serum25OHDNmolL: maybe(fc.integer({ min: 5, max: 150 })),
            albuminCorrectedCalciumFlag: maybe(fc.constantFrom('low', 'normal', 'high' as const)),
          }),
        ),
        calciumIntake: maybe(
          fc.record({
            servings: fc.dictionary(fc.constantFrom(...FOOD_CODES), fc.integer({ min: 0, max: 8 })),
            supplementMg: maybe(fc.constantFrom(0, 500, 1000)),
          }),
        ),
        vitaminD: maybe(
          fc.record({
            darkSkin: fc.boolean(),
            outdoorsSufficient: fc.boolean(),
            bodyCovering: fc.boolean(),
            veil: optionalBool,
            supplementDailyIU: maybe(fc.constantFrom(400, 800, 3000)),
          }),
        ),
        treatment: maybe(
          fc.record({
            drug: fc.constantFrom(...DRUG_CODES),
            startDay: fc.integer({ min: today - 2000, max: today }),
            stopped: optionalBool,
          }),
        ),
      })
      .map((r): PatientInput => {
        const deep = <T extends object>(v: T | undefined): T | undefined =>
          v === undefined ? undefined : compact(v);
        const { useBirthDate, treatment, dxa, ...rest } = r;
        const birthDate = iso(birthDay);
        const ageDays = today - birthDay;
        return compact({
          ...rest,
          menopausalStatus: r.sex === 'female' ? r.menopausalStatus : undefined,
          birthDate: useBirthDate ? birthDate : undefined,
          ageYears: useBirthDate ? undefined : Math.floor(ageDays / 365.25),
          fractures: r.fractures?.map((f) => compact(f)),
          glucocorticoids: deep(r.glucocorticoids),
          falls: deep(r.falls),
          riskFactors: deep(r.riskFactors),
          clinicalFindings: deep(r.clinicalFindings),
          contraindications: deep(r.contraindications),
          circumstances: deep(r.circumstances),
          dxa:
            dxa === undefined
              ? undefined
              : compact({
                  lumbarSpine: deep(dxa.lumbarSpine),
                  totalHip: deep(dxa.totalHip),
                  femoralNeck: deep(dxa.femoralNeck),
                  radius33: deep(dxa.radius33),
                }),
          labs: deep(r.labs),
          calciumIntake: r.calciumIntake === undefined ? undefined : compact(r.calciumIntake),
          vitaminD: deep(r.vitaminD),
          treatment:
            treatment === undefined
              ? undefined
              : compact({
                  drug: treatment.drug,
                  startDate: iso(treatment.startDay),
                  stopped: treatment.stopped,
                  lastInjectionDate: treatment.drug === 'denosumab' ? iso(treatment.startDay) : undefined,
                }),
        });
      });
  });
}

const CONFIGS = [
  DEFAULT_CONFIG,
  parseClinicalConfig({
    version: 'alternatives',
    values: {
      'calendar.monthEndRule': 'firstDayOfNextMonth',
      'vitaminD.scheme': 'GR2008',
      'treatmentIndication.binDGroup3Grade2OrWorse': 'followGroup1',
      'treatmentIndication.multipleGroupsPolicy': 'lowestGroupNumber',
      'followUp.visitScheme': 'NHGsummary',
      'followUp.adherenceCheckAnchor': 'indexFracture',
      'riskScore.caseFindingInstrument': 'NHG2005',
      'drugs.choiceSequence': 'olderFK',
      'densitometry.diagnosticScheme': 'NHG2012binary',
      'eligibility.ageReferenceDate': 'today',
    },
  }),
];

const scenario = fc
  .integer({ min: TODAY_MIN, max: TODAY_MAX })
  .chain((today) => fc.tuple(fc.constant(iso(today)), patientArbitrary(today), fc.constantFrom(...CONFIGS)));

describe('assessPatient properties', () => {
  it('never throws for valid input of the declared types, and is deterministic', () => {
    fc.assert(
      fc.property(scenario, ([today, patient, config]) => {
        const before = JSON.stringify(patient);
        const first = assessPatient(patient, today, config);
        const second = assessPatient(patient, today, config);
        expect(JSON.stringify(second)).toBe(JSON.stringify(first));
        expect(JSON.stringify(patient)).toBe(before);
        expect(first.assessedOn).toBe(today);
        for (const item of first.followUp.schedule?.items ?? [])
          expect(item.dueDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      }),
      { numRuns: 400 },
    );
  });

  it('gives every output part a status', () => {
    fc.assert(
      fc.property(scenario, ([today, patient, config]) => {
        const a = assessPatient(patient, today, config);
        for (const part of [
          a.eligibility,
          a.riskGroups,
          a.riskScore,
          a.densitometry,
          a.vfa,
          a.labPanel,
          a.fallRisk,
          a.calcium,
          a.vitaminD.population,
        ]) {
          expect(['ok', 'insufficientData', 'notCovered', 'notAssessable']).toContain(part.status);
        }
      }),
      { numRuns: 150 },
    );
  });
});

type Mutation = readonly [string, (p: Record<string, unknown>) => Record<string, unknown>, string];

const MUTATIONS: readonly Mutation[] = [
  ['negative age', (p) => ({ ...p, birthDate: undefined, ageYears: -3 }), 'ageYears'],
  ['age above 130', (p) => ({ ...p, birthDate: undefined, ageYears: 131 }), 'ageYears'],
  ['T-score below −10', (p) => ({ ...p, dxa: { totalHip: { tScore: -10.1 } } }), 'dxa.totalHip.tScore'],
  ['T-score above +10', (p) => ({ ...p, dxa: { femoralNeck: { tScore: 10.5 } } }), 'dxa.femoralNeck.tScore'],
  [
    'negative portion',
    (p) => ({ ...p, calciumIntake: { servings: { yoghurtPot: -2 } } }),
    'calciumIntake.servings.yoghurtPot',
  ],
  ['unknown sex', (p) => ({ ...p, sex: 'other', menopausalStatus: undefined }), 'sex'],
  [
    'unknown menopausal status',
    (p) => ({ ...p, sex: 'female', menopausalStatus: 'late' }),
    'menopausalStatus',
  ],
  [
    'unknown drug',
    (p) => ({ ...p, treatment: { drug: 'strontium', startDate: '2001-01-01' } }),
    'treatment.drug',
  ],
  ['invalid birth date', (p) => ({ ...p, ageYears: undefined, birthDate: '1955-02-29' }), 'birthDate'],
  ['invalid DXA date', (p) => ({ ...p, dxa: { date: '2023-02-29' } }), 'dxa.date'],
  ['unknown section', (p) => ({ ...p, medication: [] }), 'medication'],
  [
    'negative falls',
    (p) => ({
      ...p,
      falls: { fallsPastYear: -1, worriedAboutFalling: false, difficultyWalkingOrBalance: false },
    }),
    'falls.fallsPastYear',
  ],
  ['NaN weight', (p) => ({ ...p, weightKg: Number.NaN }), 'weightKg'],
  [
    'unknown calcium flag',
    (p) => ({ ...p, labs: { albuminCorrectedCalciumFlag: 'borderline' } }),
    'labs.albuminCorrectedCalciumFlag',
  ],
];

describe('assessPatient rejects out-of-range input with a typed error naming the field', () => {
  it('for every kind of mutation of a valid patient', () => {
    fc.assert(
      fc.property(scenario, fc.constantFrom(...MUTATIONS), ([today, patient], [, mutate, field]) => {
        const broken = compact(
          mutate(patient as unknown as Record<string, unknown>),
        ) as unknown as PatientInput;
        let caught: unknown;
        try {
          assessPatient(broken, today);
        } catch (error) {
          caught = error;
        }
        expect(caught).toBeInstanceOf(ClinicalInputError);
        expect((caught as ClinicalInputError).field).toBe(field);
      }),
      { numRuns: 300 },
    );
  });

  it('for a non-object patient', () => {
    expect(() => assessPatient(null as unknown as PatientInput, '2025-01-01')).toThrow(ClinicalInputError);
    expect(() => assessPatient('x' as unknown as PatientInput, '2025-01-01')).toThrow(ClinicalInputError);
  });
});
