import { describe, expect, it } from 'vitest';
import { assessPatient, type PatientAssessment } from './assessPatient';
import { configIdentity, DEFAULT_CONFIG, parseClinicalConfig } from './config';
import { ClinicalInputError } from './errors';
import type { PatientInput } from './patientInput';

const TODAY = '2025-03-15';

const woman: PatientInput = {
  birthDate: '1950-03-14',
  sex: 'female',
  menopausalStatus: 'postmenopausal',
  weightKg: 58,
  heightM: 1.62,
  fractures: [
    {
      date: '2025-01-10',
      site: 'radius_forearm_wrist',
      mechanism: 'lowEnergy',
      pathological: false,
      encounterType: 'emergency',
    },
  ],
  glucocorticoids: { doseMgPerDayPrednisoneEq: 0, monthsUsed: 0, burstsPerYear: 0 },
  falls: { fallsPastYear: 2, worriedAboutFalling: true, difficultyWalkingOrBalance: false },
  riskFactors: {
    parentHipFracture: true,
    reducedMobility: false,
    rheumatoidArthritis: false,
    secondaryOsteoporosisCondition: false,
    smoker: false,
    alcoholUnitsPerDay: 1,
  },
  clinicalFindings: {
    secondaryOsteoporosis: false,
    osteomalaciaSymptoms: false,
    persistentPain: false,
    multipleUnexplainedFractures: false,
    severeOrUnexplainedOsteoporosis: false,
  },
  contraindications: {
    canStayUpright30Min: true,
    oesophagealEmptyingDisorder: false,
    historyMyocardialInfarctionOrStroke: false,
  },
  circumstances: { nursingHomeResident: false, inPaidWork: false, frail: false },
  dxa: { lumbarSpine: { tScore: -2.6 }, totalHip: { tScore: -2.1 }, femoralNeck: { tScore: -2.3 } },
  vfa: {
    assessable: true,
    vertebrae: [
      { level: 'T12', genantGrade: 2 },
      { level: 'L1', heightLossPercent: 12 },
    ],
  },
  labs: { eGFRMlMin: 62, serum25OHDNmolL: 45, albuminCorrectedCalciumFlag: 'normal' },
  calciumIntake: { servings: { milkGlass: 2, cheeseSlice: 1 } },
  vitaminD: { darkSkin: false, outdoorsSufficient: true, bodyCovering: false },
  treatment: { drug: 'alendronate', startDate: '2025-03-01' },
};

function ok<T extends { status: string }>(part: T): Extract<T, { status: 'ok' }> {
  if (part.status !== 'ok') throw new Error(`expected ok, got ${part.status}: ${JSON.stringify(part)}`);
  return part as Extract<T, { status: 'ok' }>;
}

describe('assessPatient: a complete FLS patient', () => {
  const a = assessPatient(woman, TODAY);

  it('reports engine and configuration identity', () => {
    expect(a).toMatchObject({
      engineVersion: '0.1.0',
      configVersion: 'osteopad-default-1',
      assessedOn: TODAY,
      ageYears: 75,
      ageFrom: 'birthDate',
    });
    expect(a.configFingerprint).toBe(configIdentity(DEFAULT_CONFIG).configFingerprint);
  });

  it('finds the patient eligible, in risk groups 1 and 3, outpatient group', () => {
    expect(ok(a.eligibility)).toMatchObject({ eligible: true, reason: 'qualifyingFracture' });
    expect(ok(a.riskGroups).riskGroups).toEqual([1, 3]);
    expect(a.patientGroup).toMatchObject({ group: 'outpatient' });
  });

  it('classifies BMD and VFA', () => {
    expect(ok(a.densitometry)).toMatchObject({
      lowestSite: 'lumbarSpine',
      lowestTScore: -2.6,
      category: 'severeOsteoporosis',
    });
    expect(ok(a.vfa)).toMatchObject({ vfaCategory: 'grade2_single', fracturedVertebraCount: 1 });
  });

  it('indicates treatment through the NHG table (row E, inferred)', () => {
    expect(ok(a.treatment.nhgTable)).toMatchObject({ tScoreBin: 'E', advice: 'treat' });
    expect(a.treatment.indicationForFracturePreventionMedication).toBe(true);
    expect(a.treatment.glucocorticoids).toMatchObject({ status: 'notApplicable' });
  });

  it('orders the basic lab panel and screens fall risk', () => {
    expect(ok(a.labPanel).basicPanel).toEqual(['calcium', 'albumin', 'creatinine_eGFR', 'TSH', '25OHD']);
    expect(ok(a.fallRisk)).toMatchObject({ nhgFallRiskInventory: true, threeQuestionScreenPositive: true });
  });

  it('gives every drug an allowed/blocked verdict with reasons', () => {
    expect(a.drugs.options.map((o) => o.drug)).toEqual([
      'alendronate',
      'risedronate',
      'zoledronicAcid',
      'denosumab',
      'teriparatide',
      'romosozumab',
    ]);
    expect(a.drugs.preferredAndAllowed).toEqual(['alendronate', 'risedronate']);
    expect(a.drugs.instructions?.drug).toBe('alendronate');
    expect(a.drugs.choice.considerAnabolic).toEqual(['teriparatide', 'romosozumab']);
  });

  it('dates the follow-up and hands care to the GP', () => {
    const schedule = a.followUp.schedule;
    expect(schedule?.items.find((i) => i.kind === 'evaluation')?.dueDate).toBe('2025-06-01');
    expect(schedule?.items.filter((i) => i.kind === 'adherenceCheck').map((i) => i.dueDate)).toEqual([
      '2025-06-21',
      '2026-02-28',
    ]);
    expect(schedule?.items.find((i) => i.kind === 'standardReevaluation')?.dueDate).toBe('2030-03-01');
    expect(ok(a.followUp.careAfterDiagnosis)).toMatchObject({ careOwner: 'gp', furtherFollowUp: true });
  });

  it('advises calcium, vitamin D and lifestyle', () => {
    // 2 × milk 180 + 1 × cheese 155 = 515 mg, requirement 1200 at 75.
    expect(ok(a.calcium)).toMatchObject({
      requirementMgPerDay: 1200,
      intakeMg: 515,
      meetsRequirement: false,
    });
    expect(a.vitaminD.withMedication).toMatchObject({ vitaminD3IUPerDay: 800 });
    expect(ok(a.vitaminD.population)).toMatchObject({ extraVitaminDMicrogramPerDay: 20 });
    expect(a.vitaminD.beforeTreatment).toMatchObject({ action: 'standardVitaminD3_800IU_daily' });
    expect(a.lifestyle.codes).toEqual(
      expect.arrayContaining([
        'calcium_diet',
        'vitamin_d',
        'exercise_weight_bearing',
        'fall_prevention_home',
        'dental_hygiene',
        'pain_management',
      ]),
    );
    expect(a.lifestyle.codes).not.toContain('stop_smoking');
  });

  it('explains every part with rule IDs and sources', () => {
    const parts: { explanation: { rules: readonly { ruleId: string; sources: readonly string[] }[] } }[] = [
      ok(a.eligibility),
      ok(a.riskGroups),
      ok(a.riskScore),
      ok(a.densitometry),
      ok(a.vfa),
      ok(a.labPanel),
      ok(a.fallRisk),
      a.treatment,
      ok(a.calcium),
      a.lifestyle,
    ];
    for (const part of parts) {
      expect(part.explanation.rules.length).toBeGreaterThan(0);
      for (const r of part.explanation.rules) {
        expect(r.ruleId).toMatch(/^R\d+/);
        expect(r.sources.length).toBeGreaterThan(0);
      }
    }
  });

  it('is plain JSON and does not change its input', () => {
    const before = JSON.stringify(woman);
    const again = assessPatient(woman, TODAY);
    expect(JSON.stringify(woman)).toBe(before);
    expect(JSON.parse(JSON.stringify(again))).toEqual(JSON.parse(JSON.stringify(a)));
  });
});

describe('assessPatient: missing data', () => {
  it('answers insufficientData per part instead of guessing', () => {
    const a: PatientAssessment = assessPatient({ ageYears: 70, sex: 'male' }, TODAY);
    expect(a.eligibility).toMatchObject({ status: 'insufficientData', missing: ['fractures'] });
    expect(a.riskGroups).toMatchObject({ status: 'insufficientData' });
    expect(a.densitometry).toMatchObject({ status: 'insufficientData', missing: ['dxa'] });
    expect(a.vfa).toMatchObject({ status: 'insufficientData', missing: ['vfa'] });
    expect(a.fallRisk).toMatchObject({ status: 'insufficientData', missing: ['falls'] });
    expect(a.treatment.nhgTable).toMatchObject({ status: 'insufficientData' });
    expect(a.treatment.indicationForFracturePreventionMedication).toBeNull();
    expect(a.followUp.schedule).toBeNull();
    expect(a.drugs.options.every((o) => o.allowed !== true)).toBe(true);
    expect(ok(a.calcium)).toMatchObject({ requirementMgPerDay: 1100 });
    expect(a.lifestyle.codes).toEqual(['exercise_weight_bearing']);
  });

  it('decides eligibility when an unknown mechanism cannot change the answer', () => {
    const skull = assessPatient(
      {
        ageYears: 70,
        sex: 'male',
        fractures: [{ date: '2025-01-01', site: 'skull', mechanism: 'unknown', pathological: null }],
      },
      TODAY,
    );
    expect(skull.eligibility).toMatchObject({ status: 'ok', reason: 'excludedLocation' });
    const wrist = assessPatient(
      {
        ageYears: 70,
        sex: 'male',
        fractures: [
          { date: '2025-01-01', site: 'radius_forearm_wrist', mechanism: 'unknown', pathological: false },
        ],
      },
      TODAY,
    );
    expect(wrist.eligibility).toMatchObject({
      status: 'insufficientData',
      missing: ['fractures[index].mechanism'],
    });
  });

  it('treats an empty fracture list as no recent fracture', () => {
    expect(assessPatient({ ageYears: 70, sex: 'male', fractures: [] }, TODAY).eligibility).toMatchObject({
      status: 'ok',
      eligible: false,
      reason: 'noRecentFracture',
    });
  });
});

describe('assessPatient: pathway details', () => {
  it('tests age on the index fracture date by default [INFERRED, configurable]', () => {
    const patient: PatientInput = {
      birthDate: '1975-06-01',
      sex: 'male',
      fractures: [{ date: '2025-05-20', site: 'ankle', mechanism: 'lowEnergy', pathological: false }],
    };
    expect(assessPatient(patient, '2025-06-15').eligibility).toMatchObject({ reason: 'ageBelow50' });
    const config = parseClinicalConfig({ version: 't', values: { 'eligibility.ageReferenceDate': 'today' } });
    expect(assessPatient(patient, '2025-06-15', config).eligibility).toMatchObject({
      reason: 'qualifyingFracture',
    });
  });

  it('prefers zoledronic acid after a recent hip fracture and shows it blocked at eGFR 30', () => {
    const patient: PatientInput = {
      ...woman,
      fractures: [
        {
          date: '2025-01-14',
          site: 'femur_proximal',
          mechanism: 'lowEnergy',
          pathological: false,
          encounterType: 'inpatient',
        },
      ],
      labs: { eGFRMlMin: 30, albuminCorrectedCalciumFlag: 'normal' },
    };
    const a = assessPatient(patient, TODAY);
    expect(a.patientGroup?.group).toBe('hip');
    expect(a.drugs.choice.preferredFirstLine).toEqual(['zoledronicAcid']);
    expect(a.drugs.options.find((o) => o.drug === 'zoledronicAcid')).toMatchObject({
      allowed: false,
      reasons: ['renalFunctionBelow35'],
    });
    expect(a.drugs.options.find((o) => o.drug === 'risedronate')).toMatchObject({ allowed: true });
    expect(a.drugs.preferredAndAllowed).toEqual([]);
  });

  it('uses the lower of eGFR and creatinine clearance by default', () => {
    const a = assessPatient(
      {
        ...woman,
        labs: { eGFRMlMin: 40, creatinineClearanceMlMin: 33, albuminCorrectedCalciumFlag: 'normal' },
      },
      TODAY,
    );
    expect(a.drugs.options.find((o) => o.drug === 'alendronate')?.reasons).toEqual(['renalFunctionBelow35']);
  });

  it('plans the denosumab follow-on and re-evaluates a new fracture after 12 months', () => {
    const stopped = assessPatient(
      {
        ...woman,
        treatment: {
          drug: 'denosumab',
          startDate: '2022-08-31',
          lastInjectionDate: '2024-08-31',
          stopped: true,
        },
      },
      TODAY,
    );
    expect(stopped.followUp.denosumabStop?.startAlternativeAntiresorptiveOn).toBe('2025-02-28');
    const later = assessPatient(
      {
        ...woman,
        fractures: [
          { date: '2023-01-01', site: 'humerus', mechanism: 'lowEnergy', pathological: false },
          { date: '2025-02-01', site: 'radius_forearm_wrist', mechanism: 'lowEnergy', pathological: false },
        ],
        treatment: { drug: 'alendronate', startDate: '2024-01-15' },
      },
      TODAY,
    );
    expect(later.followUp.newFractureDuringTreatment).toMatchObject({ standardReevaluation: true });
  });

  it('adds GIOP advice and risk group 2 for a glucocorticoid user', () => {
    const a = assessPatient(
      {
        ...woman,
        sex: 'male',
        menopausalStatus: undefined,
        birthDate: '1960-01-01',
        glucocorticoids: {
          doseMgPerDayPrednisoneEq: 10,
          monthsUsed: 4,
          expectedDurationMonths: 6,
          burstsPerYear: 0,
        },
        dxa: { lumbarSpine: { tScore: -1.2 } },
        vfa: { assessable: true, vertebrae: [] },
        fractures: [],
      },
      TODAY,
    );
    expect(a.treatment.glucocorticoids).toMatchObject({
      status: 'ok',
      considerProphylaxis: true,
      recommendation: 'dxaThenDecide',
    });
    // ≥ 3 months systemic use from age 40 → group 2; a risk factor from 60 → group 3.
    expect(ok(a.riskGroups).riskGroups).toEqual([2, 3]);
    expect(ok(a.treatment.nhgTable)).toMatchObject({ tScoreBin: 'B', advice: 'noTreatment' });
  });

  it('computes a T-score from BMD when none is reported (R4.3 example)', () => {
    const a = assessPatient({ ...woman, dxa: { femoralNeck: { bmdGcm2: 0.558 } } }, TODAY);
    const bmd = ok(a.densitometry);
    expect(bmd).toMatchObject({ lowestSite: 'femoralNeck', lowestTScore: -2.5 });
    expect(bmd.explanation.rules.some((r) => r.ruleId === 'R4.4' && r.marker === 'UNCONFIRMED')).toBe(true);
  });

  it('leaves a lumbar spine with one evaluable vertebra out [UNCONFIRMED]', () => {
    const a = assessPatient(
      { ...woman, dxa: { lumbarSpine: { tScore: -3.0, vertebraeEvaluable: 1 }, totalHip: { tScore: -1.2 } } },
      TODAY,
    );
    expect(ok(a.densitometry)).toMatchObject({ lowestSite: 'totalHip', lowestTScore: -1.2 });
  });

  it('switches the population vitamin-D scheme with the configuration (C8)', () => {
    const gr2008 = parseClinicalConfig({ version: 't', values: { 'vitaminD.scheme': 'GR2008' } });
    const man = {
      ...woman,
      sex: 'male' as const,
      menopausalStatus: undefined,
      vitaminD: { darkSkin: false, outdoorsSufficient: true, bodyCovering: false, veil: false },
    };
    expect(ok(assessPatient(man, TODAY).vitaminD.population).extraVitaminDMicrogramPerDay).toBe(20);
    // GR 2008: osteoporosis → 20 µg regardless.
    expect(ok(assessPatient(man, TODAY, gr2008).vitaminD.population)).toMatchObject({
      scheme: 'GR2008',
      extraVitaminDMicrogramPerDay: 20,
    });
    const normal = { ...man, dxa: { lumbarSpine: { tScore: 0.2 } } };
    expect(ok(assessPatient(normal, TODAY, gr2008).vitaminD.population).extraVitaminDMicrogramPerDay).toBe(
      10,
    );
  });
});

describe('assessPatient: input validation', () => {
  it.each<[string, Record<string, unknown>, string, string]>([
    ['invalid birth date', { birthDate: '2023-02-29' }, 'birthDate', 'invalidDate'],
    ['negative age', { birthDate: undefined, ageYears: -1 }, 'ageYears', 'outOfRange'],
    ['unknown sex', { sex: 'unknown' }, 'sex', 'unknownValue'],
    [
      'T-score outside −10…+10',
      { dxa: { lumbarSpine: { tScore: -11 } } },
      'dxa.lumbarSpine.tScore',
      'outOfRange',
    ],
    [
      'negative portion',
      { calciumIntake: { servings: { milkGlass: -1 } } },
      'calciumIntake.servings.milkGlass',
      'outOfRange',
    ],
    [
      'unknown food',
      { calciumIntake: { servings: { soda: 1 } } },
      'calciumIntake.servings.soda',
      'unknownField',
    ],
    [
      'unknown mechanism',
      { fractures: [{ date: '2025-01-01', site: 'ankle', mechanism: 'car', pathological: false }] },
      'fractures[0].mechanism',
      'unknownValue',
    ],
    [
      'fracture after today',
      { fractures: [{ date: '2025-03-16', site: 'ankle', mechanism: 'lowEnergy', pathological: false }] },
      'fractures[0].date',
      'dateAfterToday',
    ],
    [
      'invalid fracture date',
      { fractures: [{ date: '2025-02-30', site: 'ankle', mechanism: 'lowEnergy', pathological: false }] },
      'fractures[0].date',
      'invalidDate',
    ],
    ['unknown field', { fracturs: [] }, 'fracturs', 'unknownField'],
    ['menopause for a man', { sex: 'male' }, 'menopausalStatus', 'inconsistent'],
    [
      'unknown drug',
      { treatment: { drug: 'ibandronate', startDate: '2025-01-01' } },
      'treatment.drug',
      'unknownValue',
    ],
    ['negative eGFR', { labs: { eGFRMlMin: -5 } }, 'labs.eGFRMlMin', 'outOfRange'],
    [
      'grade 5',
      { vfa: { assessable: true, vertebrae: [{ level: 'L2', genantGrade: 5 }] } },
      'vfa.vertebrae[0].genantGrade',
      'unknownValue',
    ],
    ['age and birth date disagree', { ageYears: 60 }, 'ageYears', 'inconsistent'],
  ])('%s', (_name, change, field, reason) => {
    const patient = { ...woman, ...change };
    let caught: unknown;
    try {
      assessPatient(patient, TODAY);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ClinicalInputError);
    expect(caught).toMatchObject({ field, reason });
  });

  it('rejects an invalid today', () => {
    expect(() => assessPatient(woman, '2025-02-29')).toThrow(
      expect.objectContaining({ field: 'today', reason: 'invalidDate' }) as Error,
    );
  });
});
