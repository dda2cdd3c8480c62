import { randomUUID } from 'node:crypto';
import { assessPatient, DEFAULT_CONFIG, type PatientInput } from '@osteopad/clinical';
import type { DecisionItemCode, DecisionPlan } from '@osteopad/contract';
import type { PatientInputSections } from '../../../consult/patientInputSections';
import { applyChoices } from '../../../decision/decisionChoices';
import { decisionItemsOf } from '../../../decision/decisionItems';
import { draftPlan } from '../../../decision/decisionPlan';
import { storedDecisionOf, type StoredDecision } from '../../../decision/storedDecision';
import type { decisions } from '../../../db/schema';

/**
 * A fictional woman after a low-energy wrist fracture, investigated: what the intake and the
 * investigations would give the engine (DXA with severe osteoporosis, one grade-2 vertebral fracture,
 * labs, calcium intake, vitamin D context). The decision tests' loaders answer these sections.
 */
export const INVESTIGATED_SECTIONS: PatientInputSections = {
  menopausalStatus: 'postmenopausal',
  weightKg: 58,
  heightM: 1.62,
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
  dxa: {
    date: '2026-11-10',
    lumbarSpine: { tScore: -2.6, zScore: -1.5, bmdGcm2: 0.78 },
    totalHip: { tScore: -2.1, zScore: -0.9, bmdGcm2: 0.68 },
    femoralNeck: { tScore: -2.3, zScore: -1.1, bmdGcm2: 0.59 },
    radius33: { tScore: -3.4, evaluable: false },
  },
  vfa: {
    assessable: true,
    vertebrae: [
      { level: 'T12', genantGrade: 2 },
      { level: 'L1', heightLossPercent: 12 },
    ],
  },
  labs: {
    eGFRMlMin: 62,
    serum25OHDNmolL: 45,
    albuminCorrectedCalciumMmolL: 2.31,
    albuminCorrectedCalciumFlag: 'normal',
  },
  calciumIntake: { servings: { milkGlass: 2, cheeseSlice: 1 } },
  vitaminD: { darkSkin: false, outdoorsSufficient: true, bodyCovering: false },
};

export const DECIDED_ON = '2026-11-24';
export const INDEX_FRACTURE_DATE = '2026-10-01';

export const investigatedPatient: PatientInput = {
  birthDate: '1950-03-14',
  sex: 'female',
  fractures: [
    {
      date: INDEX_FRACTURE_DATE,
      site: 'radius_forearm_wrist',
      mechanism: 'lowEnergy',
      pathological: false,
      isIndex: true,
    },
  ],
  ...INVESTIGATED_SECTIONS,
};

/**
 * The decision the decision code makes of this patient when the clinician accepts every proposal (but
 * `overrides`), as it is read back from its row (JSON through the database: here through JSON text).
 */
export function acceptedDecision(
  overrides: Partial<Record<DecisionItemCode, string>> = {},
  input: PatientInput = investigatedPatient,
): StoredDecision {
  const config = DEFAULT_CONFIG;
  const assessment = assessPatient(input, DECIDED_ON, config);
  const items = decisionItemsOf(assessment, config);
  const chosen = applyChoices(
    items,
    items.map((i) => {
      const value = overrides[i.code];
      return value === undefined
        ? { code: i.code, choice: 'accept' as const, reason: '' }
        : { code: i.code, choice: 'override' as const, value, reason: 'test override' };
    }),
  );
  if (!chosen.ok) throw new Error(JSON.stringify(chosen.issues));
  const draft = draftPlan(chosen.items, {
    today: DECIDED_ON,
    config,
    indexFractureDate: INDEX_FRACTURE_DATE,
  });
  const plan: DecisionPlan = { ...draft, tasks: draft.tasks.map((t) => ({ ...t, id: randomUUID() })) };
  const row: typeof decisions.$inferSelect = {
    id: randomUUID(),
    organizationId: randomUUID(),
    patientId: randomUUID(),
    episodeId: randomUUID(),
    sequence: 1,
    supersedesId: null,
    fingerprint: 'test',
    assessedOn: assessment.assessedOn,
    engineVersion: assessment.engineVersion,
    configVersion: assessment.configVersion,
    configFingerprint: assessment.configFingerprint,
    inputs: JSON.parse(JSON.stringify(input)) as unknown,
    outputs: JSON.parse(JSON.stringify(assessment)) as unknown,
    items: JSON.parse(JSON.stringify(chosen.items)) as unknown,
    plan: JSON.parse(JSON.stringify(plan)) as unknown,
    outcome: plan.outcome,
    decidedBy: randomUUID(),
    decidedByName: 'Dr. A. Bakker',
    // 23:30 UTC is the next day in the hospital's time zone.
    decidedAt: new Date('2026-11-24T23:30:00Z'),
  };
  return storedDecisionOf(row);
}
