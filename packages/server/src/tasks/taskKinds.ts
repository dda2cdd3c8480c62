import type { UserRole } from '../auth/roles';

/**
 * Dated work that hangs off an episode. Worklists are queries over open tasks, so every step that
 * must not be forgotten is a task with a due date and the role that does it.
 */
export const TASK_KINDS = {
  invite: { role: 'secretary' },
  invite_reminder: { role: 'secretary' },
  no_response_follow_up: { role: 'nurse' },
  review_eligibility: { role: 'nurse' },
} as const satisfies Record<string, { role: UserRole }>;

export type TaskKind = keyof typeof TASK_KINDS;

export function assigneeFor(kind: TaskKind): UserRole {
  return TASK_KINDS[kind].role;
}
