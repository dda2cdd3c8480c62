// Completing a task with its outcome (issue 12): which outcomes fit which task kind, and what each
// outcome asks for (a date, a reason, a follow-on drug). One list for the server's checks and the web's
// dialog.
import { z } from 'zod/mini';
import { EPISODE_STATES, FOLLOW_UP_TASK_KINDS, TASK_KINDS, type TaskKind } from './codes';
import { knownCode } from './fields';

/** The drugs of a treatment course (R10; the engine's codes). */
export const TREATMENT_DRUGS = [
  'alendronate',
  'risedronate',
  'zoledronicAcid',
  'denosumab',
  'teriparatide',
  'romosozumab',
] as const;
export type TreatmentDrug = (typeof TREATMENT_DRUGS)[number];

export const TASK_OUTCOMES = [
  'started',
  'given',
  'not_given',
  'reached',
  'not_reached',
  'adherent',
  'not_adherent',
  'side_effects',
  'stopped',
  'confirmed',
  'done',
  'continue',
  'switch',
] as const;
export type TaskOutcome = (typeof TASK_OUTCOMES)[number];

/** Why a treatment course stopped ("other" needs a note). */
export const TREATMENT_STOP_REASONS = [
  'side_effects',
  'patient_choice',
  'contraindication',
  'course_completed',
  'other',
] as const;
export type TreatmentStopReason = (typeof TREATMENT_STOP_REASONS)[number];

/** The task kinds completed with `POST /api/tasks/:taskId/complete`. */
export const COMPLETABLE_TASK_KINDS = [
  'start_treatment',
  'referral_fall_clinic',
  'referral_physiotherapy',
  'referral_secondary_osteoporosis',
  'referral_dentist',
  ...FOLLOW_UP_TASK_KINDS,
] as const satisfies readonly TaskKind[];
export type CompletableTaskKind = (typeof COMPLETABLE_TASK_KINDS)[number];

const CHECK: readonly TaskOutcome[] = ['reached', 'side_effects', 'not_reached', 'stopped'];
const DOSE: readonly TaskOutcome[] = ['given', 'not_given', 'stopped'];
const REFERRAL: readonly TaskOutcome[] = ['done', 'not_reached'];

/** Which outcomes fit each kind; the first is the usual one. */
export const OUTCOMES_BY_KIND: Readonly<Record<CompletableTaskKind, readonly TaskOutcome[]>> = {
  start_treatment: ['started', 'not_reached', 'stopped'],
  referral_fall_clinic: REFERRAL,
  referral_physiotherapy: REFERRAL,
  referral_secondary_osteoporosis: REFERRAL,
  referral_dentist: REFERRAL,
  treatment_evaluation: CHECK,
  control_visit: CHECK,
  yearly_check: CHECK,
  adherence_check: ['adherent', 'not_adherent', 'side_effects', 'not_reached', 'stopped'],
  denosumab_injection: DOSE,
  zoledronic_acid_infusion: DOSE,
  pre_infusion_blood_test: ['done', 'not_reached'],
  romosozumab_injection: DOSE,
  anabolic_course_end: ['done'],
  start_follow_on_antiresorptive: ['started', 'not_reached'],
  standard_reevaluation: ['continue', 'switch', 'stopped'],
  gp_handover_confirmation: ['confirmed', 'not_reached'],
  new_fracture_review: ['adherent', 'not_adherent', 'done'],
};

/** The outcomes that need the date it happened (`outcomeDate`, not in the future). */
export const OUTCOMES_WITH_DATE: readonly TaskOutcome[] = ['started', 'given'];
/** The outcomes that need a reason (`reasonCode`). */
export const OUTCOMES_WITH_REASON: readonly TaskOutcome[] = ['stopped'];
/** The outcomes that start a (new) drug: `switch`, and `started` on a follow-on task (`drug`). */
export const OUTCOMES_WITH_DRUG: readonly TaskOutcome[] = ['switch'];
/** Only a specialist records these (they change the treatment). */
export const SPECIALIST_OUTCOMES: readonly TaskOutcome[] = ['stopped', 'switch', 'continue'];

export function outcomeNeedsDrug(kind: CompletableTaskKind, outcome: TaskOutcome): boolean {
  return (
    OUTCOMES_WITH_DRUG.includes(outcome) ||
    (outcome === 'started' && kind === 'start_follow_on_antiresorptive')
  );
}

/** The overdue warning of a dose (R11.4: denosumab's rebound after a missed dose), escalating. */
export const OVERDUE_LEVELS = ['none', 'overdue', 'urgent', 'critical'] as const;
export type OverdueLevel = (typeof OVERDUE_LEVELS)[number];

/** A task created by the rules, as the completion answers it. */
export const createdTaskSchema = z.object({
  id: z.uuid(),
  kind: knownCode(TASK_KINDS),
  dueDate: z.string(),
  ruleId: z.string(),
});
export type CreatedTask = z.infer<typeof createdTaskSchema>;

/** The answer of `POST /api/tasks/:taskId/complete`. */
export const taskCompletionSchema = z.object({
  taskId: z.uuid(),
  kind: knownCode(TASK_KINDS),
  outcome: knownCode(TASK_OUTCOMES),
  episodeId: z.uuid(),
  state: knownCode(EPISODE_STATES),
  version: z.int(),
  created: z.array(createdTaskSchema),
  cancelled: z.int(),
  treatment: z.nullable(
    z.object({
      id: z.uuid(),
      drug: knownCode(TREATMENT_DRUGS),
      status: z.string(),
      startedOn: z.string(),
      lastDoseOn: z.nullable(z.string()),
    }),
  ),
});
export type TaskCompletion = z.infer<typeof taskCompletionSchema>;

/** The task kinds that give a dose of a course (its next dose date; R10.2, R11.4). */
export const DOSE_TASK_KINDS = [
  'denosumab_injection',
  'zoledronic_acid_infusion',
  'romosozumab_injection',
] as const satisfies readonly CompletableTaskKind[];
