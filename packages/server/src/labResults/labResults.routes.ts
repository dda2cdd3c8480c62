import {
  CLINICAL_ROLES,
  episodeParams,
  fallRiskAdviceSchema,
  fallRiskAssessmentSchema,
  fallRiskBody,
  fallRiskPreviewBody,
  labResultParams,
  labResultSchema,
  labResultsBody,
  labResultsSavedSchema,
  labResultUpdateBody,
  labsAndFallsSchema,
} from '@osteopad/contract';
import type { RouteDeps, TypedApp } from '../http/app';
import type { Actor } from '../auth/actor';
import { requireActor } from '../auth/requireActor';
import { localIsoDate } from '../time/localDate';
import {
  getLabsAndFalls,
  previewFallRisk,
  saveFallRisk,
  saveLabResults,
  updateLabResult,
} from './labResultsRecords';

/** Labs (R6 order list, results with flags) and fall risk (R7 screening and advice) of an episode. */
export function registerLabResultRoutes(app: TypedApp, { db, clock, clinicalConfigs }: RouteDeps): void {
  const today = (): string => localIsoDate(clock());
  const clinical = (actor: Actor) => clinicalConfigs.forOrganization(actor.organizationId);

  app.get(
    '/api/episodes/:episodeId/labs-and-falls',
    {
      config: { access: { roles: CLINICAL_ROLES } },
      schema: {
        summary: 'The R6 order list, the lab results with their flags and the latest fall-risk screening',
        tags: ['consult'],
        params: episodeParams,
        response: { 200: labsAndFallsSchema },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      return getLabsAndFalls(db, actor, request.params.episodeId, today(), await clinical(actor));
    },
  );

  app.post(
    '/api/episodes/:episodeId/labs',
    {
      config: { access: { roles: CLINICAL_ROLES } },
      schema: {
        summary: 'Record several lab results at once, each with its reference range and sample date',
        tags: ['consult'],
        params: episodeParams,
        body: labResultsBody,
        response: { 201: labResultsSavedSchema },
      },
    },
    async (request, reply) => {
      const results = await saveLabResults(
        db,
        requireActor(request),
        request.params.episodeId,
        request.body.results,
        today(),
      );
      return reply.status(201).send({ results });
    },
  );

  app.put(
    '/api/lab-results/:labResultId',
    {
      config: { access: { roles: CLINICAL_ROLES } },
      schema: {
        summary: 'Correct a lab result (refused when it changed since it was read: stale_version)',
        tags: ['consult'],
        params: labResultParams,
        body: labResultUpdateBody,
        response: { 200: labResultSchema },
      },
    },
    async (request) =>
      updateLabResult(db, requireActor(request), request.params.labResultId, request.body, today()),
  );

  app.post(
    '/api/episodes/:episodeId/fall-risk',
    {
      config: { access: { roles: CLINICAL_ROLES } },
      schema: {
        summary: 'Record a fall-risk screening (R7) against the latest version read',
        tags: ['consult'],
        params: episodeParams,
        body: fallRiskBody,
        response: { 201: fallRiskAssessmentSchema },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const saved = await saveFallRisk(
        db,
        actor,
        request.params.episodeId,
        request.body,
        today(),
        await clinical(actor),
      );
      return reply.status(201).send(saved);
    },
  );

  app.post(
    '/api/episodes/:episodeId/fall-risk/preview',
    {
      config: { access: { roles: CLINICAL_ROLES } },
      schema: {
        summary: 'The engine’s fall-risk advice for these answers; writes nothing',
        tags: ['consult'],
        params: episodeParams,
        body: fallRiskPreviewBody,
        response: { 200: fallRiskAdviceSchema },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      return previewFallRisk(db, actor, request.params.episodeId, request.body, await clinical(actor));
    },
  );
}
