// Answers of the reminder routes (GET /api/reminders, POST /api/reminders/:reminderId/retry).
import { z } from 'zod/mini';
import { REMINDER_KINDS, REMINDER_STATUSES, TASK_KINDS } from './codes';
import { knownCode } from './fields';

/** One delivery of the reminder outbox, as staff see it. */
export const reminderDeliverySchema = z.object({
  id: z.uuid(),
  status: z.enum(REMINDER_STATUSES),
  /** Codes of REMINDER_KINDS. */
  kind: knownCode(REMINDER_KINDS),
  channel: z.string(),
  recipient: z.string(),
  /** The task's due date, or the digest's day. */
  occasionOn: z.string(),
  /** Codes of TASK_KINDS; null for a staff digest. */
  taskKind: z.nullable(knownCode(TASK_KINDS)),
  patientId: z.nullable(z.uuid()),
  patientName: z.nullable(z.string()),
  attempts: z.int(),
  /** When it is tried again; null when sent, or given up after the last attempt. */
  nextAttemptAt: z.nullable(z.string()),
  lastError: z.string(),
  sentAt: z.nullable(z.string()),
  /** No more automatic attempts: failed for good, staff may retry it. */
  givenUp: z.boolean(),
  version: z.int(),
});
export type ReminderDelivery = z.infer<typeof reminderDeliverySchema>;

export const reminderListSchema = z.object({
  items: z.array(reminderDeliverySchema),
  /** Whether SMTP is configured on this server (when not, reminders stay queued). */
  channels: z.array(z.string()),
});
export type ReminderList = z.infer<typeof reminderListSchema>;
