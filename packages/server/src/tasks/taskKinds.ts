import type { Role, TaskKind } from '@osteopad/contract';

/**
 * Dated work that hangs off an episode. Worklists are queries over open tasks, so every step that
 * must not be forgotten is a task with a due date and the role that does it. The kinds are the API's
 * (@osteopad/contract: TASK_KINDS); who does each is the server's.
 */
export const TASK_ASSIGNEES = {
  invite: { role: 'secretary' },
  invite_reminder: { role: 'secretary' },
  no_response_follow_up: { role: 'nurse' },
  review_eligibility: { role: 'nurse' },
  // The decision's plan (decision/decisionPlan.ts). Who does each is an Osteopad convention, not a
  // rule of RULES.md: the specialist prescribes, the nurse arranges referrals, the secretary sends letters.
  start_treatment: { role: 'specialist' },
  referral_fall_clinic: { role: 'nurse' },
  referral_physiotherapy: { role: 'nurse' },
  referral_secondary_osteoporosis: { role: 'specialist' },
  referral_dentist: { role: 'nurse' },
  send_result_letter: { role: 'secretary' },
  send_gp_letter: { role: 'secretary' },
  consult_visit: { role: 'nurse' },
  record_reply: { role: 'secretary' },
  ask_gp_phone_number: { role: 'secretary' },
  // Follow-up (R11). R11.3 makes the main practitioner responsible and passes care to the GP once
  // treatment has started; inside the FLS the nurse tracks the checks and doses (the GP or the day
  // clinic gives them), the specialist decides on switching, stopping and re-evaluation, the secretary
  // chases the GP's confirmation of the hand-over. An Osteopad convention, not a rule of RULES.md.
  treatment_evaluation: { role: 'nurse' },
  control_visit: { role: 'nurse' },
  yearly_check: { role: 'nurse' },
  adherence_check: { role: 'nurse' },
  denosumab_injection: { role: 'nurse' },
  zoledronic_acid_infusion: { role: 'nurse' },
  pre_infusion_blood_test: { role: 'nurse' },
  romosozumab_injection: { role: 'nurse' },
  anabolic_course_end: { role: 'specialist' },
  start_follow_on_antiresorptive: { role: 'specialist' },
  standard_reevaluation: { role: 'specialist' },
  gp_handover_confirmation: { role: 'secretary' },
  new_fracture_review: { role: 'specialist' },
  // After the visit the nurse enters the measurements; once they are in, the specialist decides.
  record_investigations: { role: 'nurse' },
  record_decision: { role: 'specialist' },
} as const satisfies Record<TaskKind, { role: Role }>;

export function assigneeFor(kind: TaskKind): Role {
  return TASK_ASSIGNEES[kind].role;
}
