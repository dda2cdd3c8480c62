import {
  REMINDER_ROLES,
  reminderDeliverySchema,
  reminderListQuery,
  reminderListSchema,
  reminderParams,
  reminderRetryBody,
} from '@osteopad/contract';
import type { AppDeps, TypedApp } from '../http/app';
import { requireActor } from '../auth/requireActor';
import { readReminderEnv } from './reminderEnv';
import { EMAIL_CHANNEL } from './emailChannel';
import { listReminders, retryReminder } from './reminderRecords';

export function registerReminderRoutes(app: TypedApp, { db }: AppDeps): void {
  const channels = readReminderEnv(process.env).smtpUrl === null ? [] : [EMAIL_CHANNEL];
  app.get(
    '/api/reminders',
    {
      config: { access: { roles: REMINDER_ROLES } },
      schema: {
        summary: 'Reminder deliveries of a status (failed by default), newest first',
        tags: ['reminders'],
        querystring: reminderListQuery,
        response: { 200: reminderListSchema },
      },
    },
    async (request) => {
      const { status, limit } = request.query;
      return { items: await listReminders(db, requireActor(request), status, limit), channels };
    },
  );

  app.post(
    '/api/reminders/:reminderId/retry',
    {
      config: { access: { roles: REMINDER_ROLES } },
      schema: {
        summary: 'Send a failed or waiting reminder again, now, with a fresh set of attempts',
        tags: ['reminders'],
        params: reminderParams,
        body: reminderRetryBody,
        response: { 200: reminderDeliverySchema },
      },
    },
    async (request) =>
      retryReminder(db, requireActor(request), request.params.reminderId, request.body.expectedVersion),
  );
}
