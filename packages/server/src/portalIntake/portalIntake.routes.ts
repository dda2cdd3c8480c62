import { PORTAL_ROLES, portalIntakeSaveBody, portalIntakeSchema } from '@osteopad/contract';
import type { AppDeps, TypedApp } from '../http/app';
import { requirePortalPatient } from '../auth/requirePortalPatient';
import { readPortalIntake, savePortalIntake } from './portalIntake';

/** The intake questionnaire online (issue 13, item 2): the session's patient only. */
export function registerPortalIntakeRoutes(app: TypedApp, { db }: AppDeps): void {
  app.get(
    '/api/portal/intake',
    {
      config: { access: { roles: PORTAL_ROLES } },
      schema: {
        summary: "The questionnaire of the patient's own episode in the consult, with their answers so far",
        tags: ['portal'],
        response: { 200: portalIntakeSchema },
      },
    },
    async (request) => {
      const { actor, patientId } = requirePortalPatient(request);
      return readPortalIntake(db, actor, patientId);
    },
  );

  app.put(
    '/api/portal/intake',
    {
      config: { access: { roles: PORTAL_ROLES } },
      schema: {
        summary: 'Save the patient’s answers so far, or submit them once',
        tags: ['portal'],
        description:
          'Each answer is checked against the questionnaire (400 naming body.answers.<linkId>); another episode than the patient’s current one is 404; after the submission 409 intake_submitted; a save on an older version 409 stale_version.',
        body: portalIntakeSaveBody,
        response: { 200: portalIntakeSchema },
      },
    },
    async (request) => {
      const { actor, patientId } = requirePortalPatient(request);
      return savePortalIntake(db, actor, patientId, request.body);
    },
  );
}
