import {
  assessmentSchema,
  CLINICAL_ROLES,
  decisionAnswerSchema,
  decisionBody,
  episodeParams,
  storedDecisionShape,
} from '@osteopad/contract';
import { z } from 'zod/mini';
import type { AppDeps, TypedApp } from '../http/app';
import { requireActor } from '../auth/requireActor';
import { localIsoDate } from '../time/localDate';
import { assessEpisode, loadDecision, recordDecision } from './decisionRecords';

const recordedDecisionSchema = z.object({ ...storedDecisionShape, episodeState: z.string() });

/** The decision screen: the engine's assessment now, the clinician's decision on it, and that decision read back. */
export function registerDecisionRoutes(
  app: TypedApp,
  { db, clock, clinical, patientInputLoaders }: AppDeps,
): void {
  const deps = () => ({
    today: localIsoDate(clock()),
    config: clinical,
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
    async (request) => assessEpisode(db, requireActor(request), request.params.episodeId, deps()),
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
    async (request) =>
      recordDecision(db, requireActor(request), request.params.episodeId, request.body, deps()),
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
