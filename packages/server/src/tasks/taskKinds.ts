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
} as const satisfies Record<TaskKind, { role: Role }>;

export function assigneeFor(kind: TaskKind): Role {
  return TASK_ASSIGNEES[kind].role;
}
