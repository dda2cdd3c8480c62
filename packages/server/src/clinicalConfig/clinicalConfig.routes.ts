import {
  clinicalConfigSchema,
  clinicalConfigVersionsSchema,
  CONFIG_EDITOR_ROLES,
  configVersionBody,
  STAFF_ROLES,
} from '@osteopad/contract';
import type { RouteDeps, TypedApp } from '../http/app';
import { requireActor } from '../auth/requireActor';
import { localIsoDate } from '../time/localDate';
import { clinicalConfigView } from './clinicalConfigView';
import { listConfigVersions, makeConfigVersion } from './clinicalConfigVersions';

/**
 * The clinical configuration the organisation runs with, its versions, and the change that makes the next
 * one. Every staff member may read it (screens mark advice that rests on an unconfirmed value); a
 * specialist or an administrator confirms or changes values.
 */
export function registerClinicalConfigRoutes(
  app: TypedApp,
  { db, clock, clinicalConfigs: configs }: RouteDeps,
): void {
  app.get(
    '/api/clinical-config',
    {
      config: { access: { roles: STAFF_ROLES } },
      schema: {
        summary: 'The clinical configuration in use: every value, its source, and those not confirmed yet',
        tags: ['clinical'],
        response: { 200: clinicalConfigSchema },
      },
    },
    async (request) => clinicalConfigView(await configs.current(requireActor(request).organizationId)),
  );

  app.get(
    '/api/clinical-config/versions',
    {
      config: { access: { roles: STAFF_ROLES } },
      schema: {
        summary:
          'The organisation’s clinical configuration versions, newest first, with what each changed and why',
        tags: ['clinical'],
        response: { 200: clinicalConfigVersionsSchema },
      },
    },
    async (request) => listConfigVersions(db, requireActor(request)),
  );

  app.post(
    '/api/clinical-config/versions',
    {
      config: { access: { roles: CONFIG_EDITOR_ROLES } },
      schema: {
        summary:
          'Confirm or change clinical configuration values with a reason: a new version, in effect at once',
        tags: ['clinical'],
        body: configVersionBody,
        response: { 200: clinicalConfigSchema },
      },
    },
    async (request) =>
      clinicalConfigView(
        await makeConfigVersion(db, configs, requireActor(request), request.body, localIsoDate(clock())),
      ),
  );
}
