import {
  assessmentSchema,
  CLINICAL_ROLES,
  decisionAnswerSchema,
  decisionBody,
  episodeParams,
  storedDecisionShape,
} from '@osteopad/contract';
import { z } from 'zod/mini';
import type { RouteDeps, TypedApp } from '../http/app';
import type { Actor } from '../auth/actor';
import { requireActor } from '../auth/requireActor';
import { localIsoDate } from '../time/localDate';
import { assessEpisode, loadDecision, recordDecision } from './decisionRecords';

const recordedDecisionSchema = z.object({ ...storedDecisionShape, episodeState: z.string() });

/** The decision screen: the engine's assessment now, the clinician's decision on it, and that decision read back. */
export function registerDecisionRoutes(
  app: TypedApp,
  { db, clock, clinicalConfigs, patientInputLoaders }: RouteDeps,
): void {
  // The organisation's configuration now: the assessment and the decision name its version.
  const deps = async (actor: Actor) => ({
    today: localIsoDate(clock()),
    config: await clinicalConfigs.forOrganization(actor.organizationId),
    ...(patientInputLoaders === undefined ? {} : { loaders: patientInputLoaders }),
  });

  app.get(
    '/api/episodes/:episodeId/assessment',
    {
      config: { access: { roles: CLINICAL_ROLES } },
      schema: {
        summary:
          'The rule engine’s assessment of the episode now, as items to accept or override (not stored)',
        tags: ['decision'],
        params: episodeParams,
        response: { 200: assessmentSchema },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      return assessEpisode(db, actor, request.params.episodeId, await deps(actor));
    },
  );

  app.post(
    '/api/episodes/:episodeId/decision',
    {
      config: { access: { roles: CLINICAL_ROLES } },
      schema: {
        summary: 'Record the decision on the assessment (stored immutably) and plan the treatment',
        tags: ['decision'],
        params: episodeParams,
        body: decisionBody,
        response: { 200: recordedDecisionSchema },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      return recordDecision(db, actor, request.params.episodeId, request.body, await deps(actor));
    },
  );

  app.get(
    '/api/episodes/:episodeId/decision',
    {
      config: { access: { roles: CLINICAL_ROLES } },
      schema: {
        summary: 'The latest recorded decision of the episode, exactly as stored',
        tags: ['decision'],
        params: episodeParams,
        response: { 200: decisionAnswerSchema },
      },
    },
    async (request) => loadDecision(db, requireActor(request), request.params.episodeId),
  );
}
