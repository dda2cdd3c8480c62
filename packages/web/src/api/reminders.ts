import { queryOptions } from '@tanstack/react-query';
import {
  reminderDeliverySchema,
  reminderListSchema,
  type ReminderDelivery,
  type ReminderRetryBody,
  type ReminderStatus,
} from '@osteopad/contract';
import { api, ApiError } from './client';

export const REMINDERS_QUERY_KEY = ['reminders'] as const;

/** The reminder outbox of one status, newest first (failed: what staff must look at). */
export function remindersQuery(status: ReminderStatus) {
  return queryOptions({
    queryKey: [...REMINDERS_QUERY_KEY, status],
    queryFn: () => api.get('/api/reminders', reminderListSchema, { status, limit: 100 }),
  });
}

export async function retryReminder(reminder: ReminderDelivery): Promise<ReminderDelivery> {
  const body: ReminderRetryBody = { expectedVersion: reminder.version };
  const result = await api.post(`/api/reminders/${encodeURIComponent(reminder.id)}/retry`, {
    body,
    schema: reminderDeliverySchema,
  });
  if (result === undefined) throw new ApiError(204, 'invalid_response', 'Expected a body.');
  return result;
}
