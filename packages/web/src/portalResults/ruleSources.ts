import type { PortalResultsReady } from '@osteopad/contract';

/**
 * Which RULES.md rules each explanation on the results page comes from (shown as small print under it).
 * The texts themselves are the catalogue's, written from these rules and the hospitals' leaflets [S22].
 */
export const SECTION_RULES = {
  dxa: ['R4.2', 'R4.4', 'R4.5'],
  vfa: ['R5.2', 'R5.3'],
  plan: ['R11.3', 'R12', 'R13'],
  dental: ['R10.4', 'R14.8'],
  falls: ['R7.3', 'R14.6', 'R14.7'],
} as const;

type Lifestyle = PortalResultsReady['plan']['lifestyle'][number];

/** R14: each advice code is its own numbered item. */
export const LIFESTYLE_RULE: Readonly<Record<Lifestyle, string>> = {
  calcium_diet: 'R14.1',
  vitamin_d: 'R14.2',
  exercise_weight_bearing: 'R14.3',
  stop_smoking: 'R14.4',
  limit_alcohol: 'R14.5',
  fall_prevention_home: 'R14.6',
  medication_review_falls: 'R14.7',
  dental_hygiene: 'R14.8',
  pain_management: 'R14.9',
  work_and_load: 'R14.10',
  hip_protector: 'R14.11',
};

type Drug = NonNullable<PortalResultsReady['plan']['drug']>['code'];

/** The drugs with a note of what to expect (R10.6 side effects, R11.4 stopping denosumab, R11.5 after romosozumab). */
export const DRUG_NOTES = [
  'alendronate',
  'zoledronicAcid',
  'denosumab',
  'romosozumab',
] as const satisfies readonly Drug[];
export type DrugWithNote = (typeof DRUG_NOTES)[number];
export const DRUG_NOTE_RULES: Readonly<Record<DrugWithNote, string>> = {
  alendronate: 'R10.6',
  zoledronicAcid: 'R10.6, R10.2',
  denosumab: 'R11.4, R10.2',
  romosozumab: 'R11.5',
};

export function hasNote(drug: Drug): drug is DrugWithNote {
  return (DRUG_NOTES as readonly string[]).includes(drug);
}
