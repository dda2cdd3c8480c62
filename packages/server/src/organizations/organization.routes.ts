import {
  ADMIN_ROLES,
  organizationProfileBody,
  organizationProfileSchema,
  STAFF_ROLES,
} from '@osteopad/contract';
import type { AppDeps, TypedApp } from '../http/app';
import { requireActor } from '../auth/requireActor';
import { changeOrganizationProfile, readOrganizationProfile } from './organizationProfile';

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
      return changeOrganizationProfile(db, requireActor(request), request.body, clock());
    },
  );
}
