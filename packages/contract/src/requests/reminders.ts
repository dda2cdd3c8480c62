// Requests of the reminder routes (types only for the web, see requests/findings.ts).
import { z } from 'zod/mini';
import { REMINDER_STATUSES } from '../codes';
import { queryInt } from '../fields';

/** `GET /api/reminders?status=failed|queued|sending|sent&limit=`: newest first. */
export const reminderListQuery = z.strictObject({
  status: z._default(z.enum(REMINDER_STATUSES), 'failed'),
  limit: z._default(queryInt(1, 200), 100),
});

export const reminderParams = z.strictObject({ reminderId: z.uuid() });

/** `POST /api/reminders/:reminderId/retry`: the version the user read. */
export const reminderRetryBody = z.strictObject({ expectedVersion: z.int().check(z.minimum(1)) });
export type ReminderRetryBody = z.input<typeof reminderRetryBody>;
