import {
  ADMIN_ROLES,
  letterPreviewQuery,
  organizationProfileBody,
  pdfDocument,
  organizationProfileSchema,
  STAFF_ROLES,
} from '@osteopad/contract';
import type { AppDeps, TypedApp } from '../http/app';
import { requireActor } from '../auth/requireActor';
import { localIsoDate } from '../time/localDate';
import { changeOrganizationProfile, readOrganizationProfile } from './organizationProfile';
import { renderLetterPreview } from './letterPreview';

export function registerOrganizationRoutes(app: TypedApp, { db, clock }: AppDeps): void {
  app.get(
    '/api/organization',
    {
      config: { access: { roles: STAFF_ROLES } },
      schema: {
        summary: 'The organisation profile that letters print',
        tags: ['organization'],
        response: { 200: organizationProfileSchema },
      },
    },
    async (request) => {
      return readOrganizationProfile(db, requireActor(request));
    },
  );

  app.put(
    '/api/organization',
    {
      config: { access: { roles: ADMIN_ROLES } },
      schema: {
        summary: 'Change the organisation profile',
        tags: ['organization'],
        body: organizationProfileBody,
        response: { 200: organizationProfileSchema },
      },
    },
    async (request) => {
      const { expectedVersion, ...change } = request.body;
      return changeOrganizationProfile(db, requireActor(request), change, clock(), expectedVersion);
    },
  );

  app.post(
    '/api/organization/letter-preview',
    {
      config: { access: { roles: ADMIN_ROLES } },
      schema: {
        summary: 'The invitation letter as an unsaved profile would print it (PDF, fictional patient)',
        tags: ['organization'],
        description:
          'Takes the body of `PUT /api/organization` without saving it and answers the invitation letter of a ' +
          'fictional example patient, rendered by the letter renderer itself. Reads and writes nothing.',
        body: organizationProfileBody,
        querystring: letterPreviewQuery,
        response: { 200: pdfDocument },
      },
    },
    async (request, reply) => {
      requireActor(request);
      const pdf = await renderLetterPreview(request.body, request.query.locale, localIsoDate(clock()));
      return reply
        .type('application/pdf')
        .header('content-disposition', 'inline; filename="voorbeeldbrief.pdf"')
        .header('cache-control', 'no-store')
        .send(pdf);
    },
  );
}
