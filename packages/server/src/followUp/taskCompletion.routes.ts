import {
  PATIENT_RECORD_ROLES,
  taskCompletionBody,
  taskCompletionSchema,
  taskParams,
} from '@osteopad/contract';
import type { RouteDeps, TypedApp } from '../http/app';
import { requireActor } from '../auth/requireActor';
import { localIsoDate } from '../time/localDate';
import { DEFAULT_FOLLOW_UP_SETTINGS } from './followUpSettings';
import { completeTask } from './taskCompletion';

/** Completing a task with its outcome; what follows is created by the rules (issue 12, item 2). */
export function registerTaskCompletionRoutes(
  app: TypedApp,
  { db, clock, config, clinicalConfigs }: RouteDeps,
): void {
  const settings = config.followUp ?? DEFAULT_FOLLOW_UP_SETTINGS;
  app.post(
    '/api/tasks/:taskId/complete',
    {
      // Secretaries record the GP's confirmation only; the repository refuses them anything else.
      config: { access: { roles: PATIENT_RECORD_ROLES } },
      schema: {
        summary: 'Complete a task with its outcome; the next task follows by the rules (R11)',
        tags: ['tasks'],
        params: taskParams,
        body: taskCompletionBody,
        response: { 200: taskCompletionSchema },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      return completeTask(db, actor, request.params.taskId, request.body, {
        today: localIsoDate(clock()),
        config: await clinicalConfigs.forOrganization(actor.organizationId),
        settings,
      });
    },
  );
}
