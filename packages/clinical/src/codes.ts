// Identifiers shared by the engine, the vector files and the other packages (RULES.md: names in backticks).
// They are a contract: never rename a value here without a versioned migration of stored data.

/** Qualifying fracture sites of R1.2, in the order of the source (Dutch DBC coding). */
export const FRACTURE_SITE_CODES = [
  'sternum_ribs',
  'spine_thoracolumbar',
  'clavicle',
  'scapula',
  'humerus',
  'olecranon',
  'radius_forearm_wrist',
  'carpus',
  'metacarpals',
  'pelvis',
  'acetabulum',
  'femur_proximal',
  'femur_other',
  'patella',
  'fibula',
  'tibial_plateau',
  'tibia',
  'ankle',
  'calcaneus',
  'talus',
  'tarsus',
  'metatarsals',
] as const;
export type FractureSiteCode = (typeof FRACTURE_SITE_CODES)[number];

/** Sites whose fractures never start the work-up (R1.3). */
export const EXCLUDED_FRACTURE_SITE_CODES = ['face', 'skull', 'fingers', 'toes', 'spine_cervical'] as const;
export type ExcludedFractureSiteCode = (typeof EXCLUDED_FRACTURE_SITE_CODES)[number];

export const SEXES = ['female', 'male'] as const;
export type Sex = (typeof SEXES)[number];

export const MENOPAUSAL_STATUSES = ['premenopausal', 'perimenopausal', 'postmenopausal', 'unknown'] as const;
export type MenopausalStatus = (typeof MENOPAUSAL_STATUSES)[number];

export const ENCOUNTER_TYPES = ['emergency', 'outpatient', 'inpatient', 'unknown'] as const;
export type EncounterType = (typeof ENCOUNTER_TYPES)[number];

/** Fracture-prevention drugs with data in R10.2 (ibandronate is historic and not modelled, C12). */
export const DRUG_CODES = [
  'alendronate',
  'risedronate',
  'zoledronicAcid',
  'denosumab',
  'teriparatide',
  'romosozumab',
] as const;
export type DrugCode = (typeof DRUG_CODES)[number];

export const ORAL_BISPHOSPHONATES: readonly DrugCode[] = ['alendronate', 'risedronate'];
export const BISPHOSPHONATES: readonly DrugCode[] = ['alendronate', 'risedronate', 'zoledronicAcid'];
export const ANTIRESORPTIVES: readonly DrugCode[] = [
  'alendronate',
  'risedronate',
  'zoledronicAcid',
  'denosumab',
];
export const ANABOLIC_DRUGS: readonly DrugCode[] = ['teriparatide', 'romosozumab'];

/** Food codes of the calcium table R12.2. */
export const FOOD_CODES = [
  'milkGlass',
  'buttermilkGlass',
  'yoghurtPot',
  'porridgeBowl',
  'custardPot',
  'quarkPot',
  'cheeseSlice',
  'cookedVegetablesSpoon',
  'mixedNutsHandful',
  'wholemealBreadSlice',
] as const;
export type FoodCode = (typeof FOOD_CODES)[number];

export const TREATMENT_ADVICES = ['noTreatment', 'treat', 'refer'] as const;
export type TreatmentAdvice = (typeof TREATMENT_ADVICES)[number];

export const VFA_CATEGORIES = ['none', 'grade1', 'grade2_single', 'grade2_multiple', 'grade3'] as const;
export type VfaCategory = (typeof VFA_CATEGORIES)[number];

export const NHG_RISK_GROUPS = [1, 2, 3] as const;
export type NhgRiskGroup = (typeof NHG_RISK_GROUPS)[number];

export function isOneOf<T extends string | number>(values: readonly T[], value: unknown): value is T {
  return (values as readonly unknown[]).includes(value);
}
