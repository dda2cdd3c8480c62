// What the scheduler and the sender decide by. None of these values is in RULES.md: they are the
// clinic's choice and are UNCONFIRMED until the clinic sets them (reported at start, docs/OPERATIONS.md).
import type { TaskKind } from '@osteopad/contract';

/**
 * The task kinds a patient is reminded of: appointments the patient must come to or arrange (injections,
 * infusions, the blood test before an infusion, control visits). Not the staff's own work (letters,
 * calls, reviews), which the staff digest lists when overdue.
 */
export const PATIENT_FACING_TASK_KINDS: readonly TaskKind[] = [
  'denosumab_injection',
  'zoledronic_acid_infusion',
  'pre_infusion_blood_test',
  'romosozumab_injection',
  'control_visit',
];

export interface ReminderSettings {
  /** An `upcoming` reminder goes out this many days before the due date (UNCONFIRMED: 7). */
  readonly upcomingDaysBefore: number;
  /** An `overdue` reminder goes out for tasks overdue at most this many days (UNCONFIRMED: 30). */
  readonly overdueReminderWithinDays: number;
  /** Attempts before a delivery stays failed for good, visible to staff (UNCONFIRMED: 8). */
  readonly maxAttempts: number;
  /** Back-off after the first failure, doubled per attempt, capped (60 s … 6 h). */
  readonly retryBaseSeconds: number;
  readonly retryMaxSeconds: number;
  /** How long a claim holds a delivery: one left `sending` by a crashed worker is taken again after it. */
  readonly leaseSeconds: number;
  /** Tasks per statement of the scheduler pass (keyset batches on the task id). */
  readonly batchSize: number;
  /** The right-hand side of each message's Message-ID. */
  readonly messageIdDomain: string;
}

export const DEFAULT_REMINDER_SETTINGS: ReminderSettings = {
  upcomingDaysBefore: 7,
  overdueReminderWithinDays: 30,
  maxAttempts: 8,
  retryBaseSeconds: 60,
  retryMaxSeconds: 6 * 3600,
  leaseSeconds: 120,
  batchSize: 10_000,
  messageIdDomain: 'osteopad.invalid',
};

/** The settings that are the clinic's to confirm, named as the start-up message and the report list them. */
export const UNCONFIRMED_REMINDER_SETTINGS = [
  'upcomingDaysBefore',
  'overdueReminderWithinDays',
  'maxAttempts',
  'PATIENT_FACING_TASK_KINDS',
] as const;

/** Seconds to wait before attempt `attempts + 1` after a failure of attempt `attempts` (1-based). */
export function retryDelaySeconds(settings: ReminderSettings, attempts: number): number {
  const exponent = Math.max(0, attempts - 1);
  return Math.min(settings.retryMaxSeconds, settings.retryBaseSeconds * 2 ** Math.min(exponent, 30));
}
