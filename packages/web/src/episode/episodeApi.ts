import { queryOptions } from '@tanstack/react-query';
import type { z } from 'zod/mini';
import {
  episodePageSchema,
  loopActionSchema,
  taskCompletionSchema,
  type appointmentBody,
  type appointmentStatusBody,
  type callOutcomeBody,
  type declineBody,
  type includeFractureBody,
  type LoopActionResult,
  type reopenBody,
  type TaskCompletion,
  type taskCompletionBody,
} from '@osteopad/contract';
import { api, ApiError } from '../api/client';

/** Every episode page in the cache; its actions refresh them (and the worklist and patient pages). */
export const EPISODE_PAGE_QUERY_KEY = ['episodes', 'page'] as const;

export function episodePageQuery(episodeId: string) {
  return queryOptions({
    queryKey: [...EPISODE_PAGE_QUERY_KEY, episodeId],
    queryFn: () => api.get(`/api/episodes/${encodeURIComponent(episodeId)}`, episodePageSchema),
  });
}

async function action(path: string, body: unknown): Promise<LoopActionResult> {
  const answer = await api.post(path, { body, schema: loopActionSchema });
  if (answer === undefined) throw new ApiError(204, 'invalid_response', 'Expected a body.');
  return answer;
}

const episodePath = (episodeId: string, what: string) =>
  `/api/episodes/${encodeURIComponent(episodeId)}/${what}`;

export const planAppointment = (episodeId: string, body: z.input<typeof appointmentBody>) =>
  action(episodePath(episodeId, 'appointment'), body);

export const changeAppointment = (appointmentId: string, body: z.input<typeof appointmentStatusBody>) =>
  action(`/api/appointments/${encodeURIComponent(appointmentId)}/status`, body);

export const recordCallOutcome = (taskId: string, body: z.input<typeof callOutcomeBody>) =>
  action(`/api/tasks/${encodeURIComponent(taskId)}/call-outcome`, body);

export const reopenEpisode = (episodeId: string, body: z.input<typeof reopenBody>) =>
  action(episodePath(episodeId, 'reopen'), body);

export const includeFracture = (fractureId: string, body: z.input<typeof includeFractureBody>) =>
  action(`/api/fractures/${encodeURIComponent(fractureId)}/include`, body);

/** The invitation letter or reminder went out today (the worklist's action, with the version read). */
export const markLetterSent = (
  episodeId: string,
  which: 'invitation' | 'reminder',
  expectedVersion: number,
) => api.post(episodePath(episodeId, which), { body: { expectedVersion } });

export const recordDecline = (episodeId: string, body: z.input<typeof declineBody>) =>
  api.post(episodePath(episodeId, 'decline'), { body });

/** Someone else changed the episode since it was read: the page reloads it and says so. */
export const isStaleVersion = (error: unknown): boolean =>
  error instanceof ApiError && error.code === 'stale_version';

/** Completes a task with its outcome; the answer names the tasks the rules created next. */
export async function completeTask(
  taskId: string,
  body: z.input<typeof taskCompletionBody>,
): Promise<TaskCompletion> {
  const answer = await api.post(`/api/tasks/${encodeURIComponent(taskId)}/complete`, {
    body,
    schema: taskCompletionSchema,
  });
  if (answer === undefined) throw new ApiError(204, 'invalid_response', 'Expected a body.');
  return answer;
}
