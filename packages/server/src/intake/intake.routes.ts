import {
  CLINICAL_ROLES,
  episodeParams,
  intakeSaveBody,
  intakeSchema,
  PATIENT_RECORD_ROLES,
} from '@osteopad/contract';
import type { AppDeps, TypedApp } from '../http/app';
import { requireActor } from '../auth/requireActor';
import { readIntake, saveIntake } from './intakeRecords';

export function registerIntakeRoutes(app: TypedApp, { db }: AppDeps): void {
  app.get(
    '/api/episodes/:episodeId/intake',
    {
      config: { access: { roles: PATIENT_RECORD_ROLES, namedRecords: 'unitOfWork' } },
      schema: {
        summary: "The episode's intake questionnaire answers (null when none are saved yet)",
        tags: ['intake'],
        params: episodeParams,
        response: { 200: intakeSchema },
      },
    },
    async (request) => readIntake(db, requireActor(request), request.params.episodeId),
  );

  app.put(
    '/api/episodes/:episodeId/intake',
    {
      config: { access: { roles: CLINICAL_ROLES } },
      schema: {
        summary: 'Save the intake answers (partly filled, or complete), on the version they were loaded with',
        tags: ['intake'],
        description:
          'Each answer is checked against the questionnaire (400 naming body.answers.<linkId>); a save on an older version is refused with 409 stale_version.',
        params: episodeParams,
        body: intakeSaveBody,
        response: { 200: intakeSchema },
      },
    },
    async (request) => saveIntake(db, requireActor(request), request.params.episodeId, request.body),
  );
}
