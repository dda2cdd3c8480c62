import {
  CLINICAL_ROLES,
  dxaBody,
  dxaExamParams,
  dxaPreviewSchema,
  dxaSavedSchema,
  dxaUpdateBody,
  episodeParams,
  investigationsSchema,
  vfaBody,
  vfaExamParams,
  vfaPreviewSchema,
  vfaSavedSchema,
  vfaUpdateBody,
} from '@osteopad/contract';
import type { AppDeps, TypedApp } from '../http/app';
import { requireActor } from '../auth/requireActor';
import { localIsoDate } from '../time/localDate';
import {
  previewDxa,
  previewVfa,
  readInvestigations,
  recordDxa,
  recordVfa,
  updateDxa,
  updateVfa,
} from './investigationsRecords';

/** DXA (R4) and VFA (R5) entry of an episode: live preview, record, correct, read. */
export function registerInvestigationRoutes(app: TypedApp, { db, clock, clinical }: AppDeps): void {
  const today = (): string => localIsoDate(clock());
  const access = { roles: CLINICAL_ROLES };
  const tags = ['investigations'];

  app.get(
    '/api/episodes/:episodeId/investigations',
    {
      config: { access },
      schema: {
        summary: "The episode's DXA and VFA exams with the engine's classification and category",
        tags,
        params: episodeParams,
        response: { 200: investigationsSchema },
      },
    },
    async (request) =>
      readInvestigations(db, requireActor(request), request.params.episodeId, today(), clinical),
  );

  app.post(
    '/api/episodes/:episodeId/dxa/preview',
    {
      config: { access },
      schema: {
        summary: 'Classify a DXA as entered (R4, lowest site) without saving it',
        tags,
        params: episodeParams,
        body: dxaBody,
        response: { 200: dxaPreviewSchema },
      },
    },
    async (request) =>
      previewDxa(db, requireActor(request), request.params.episodeId, request.body, today(), clinical),
  );

  app.post(
    '/api/episodes/:episodeId/dxa',
    {
      config: { access },
      schema: {
        summary: 'Record a DXA exam (an episode in intake moves to investigated)',
        tags,
        params: episodeParams,
        body: dxaBody,
        response: { 201: dxaSavedSchema },
      },
    },
    async (request, reply) => {
      const saved = await recordDxa(
        db,
        requireActor(request),
        request.params.episodeId,
        request.body,
        today(),
        clinical,
      );
      return reply.code(201).send(saved);
    },
  );

  app.put(
    '/api/dxa-exams/:dxaExamId',
    {
      config: { access },
      schema: {
        summary: 'Correct a DXA exam; refused with 409 stale_version when it changed since it was read',
        tags,
        params: dxaExamParams,
        body: dxaUpdateBody,
        response: { 200: dxaSavedSchema },
      },
    },
    async (request) =>
      updateDxa(db, requireActor(request), request.params.dxaExamId, request.body, today(), clinical),
  );

  app.post(
    '/api/episodes/:episodeId/vfa/preview',
    {
      config: { access },
      schema: {
        summary: 'Grade a VFA as entered (R5 category) without saving it',
        tags,
        params: episodeParams,
        body: vfaBody,
        response: { 200: vfaPreviewSchema },
      },
    },
    async (request) => previewVfa(db, requireActor(request), request.params.episodeId, request.body, today()),
  );

  app.post(
    '/api/episodes/:episodeId/vfa',
    {
      config: { access },
      schema: {
        summary: 'Record a VFA exam (an episode in intake moves to investigated)',
        tags,
        params: episodeParams,
        body: vfaBody,
        response: { 201: vfaSavedSchema },
      },
    },
    async (request, reply) => {
      const saved = await recordVfa(
        db,
        requireActor(request),
        request.params.episodeId,
        request.body,
        today(),
      );
      return reply.code(201).send(saved);
    },
  );

  app.put(
    '/api/vfa-exams/:vfaExamId',
    {
      config: { access },
      schema: {
        summary: 'Correct a VFA exam; refused with 409 stale_version when it changed since it was read',
        tags,
        params: vfaExamParams,
        body: vfaUpdateBody,
        response: { 200: vfaSavedSchema },
      },
    },
    async (request) => updateVfa(db, requireActor(request), request.params.vfaExamId, request.body, today()),
  );
}
