import { clinicalConfigSchema, STAFF_ROLES } from '@osteopad/contract';
import { configIdentity, listUnconfirmedValues } from '@osteopad/clinical';
import type { AppDeps, TypedApp } from '../http/app';

/**
 * Which clinical configuration this installation runs with, and which of its values no source
 * confirms yet: screens show these as "unconfirmed" next to advice that depends on them.
 */
export function registerClinicalConfigRoutes(app: TypedApp, { clinical }: AppDeps): void {
  const identity = configIdentity(clinical);
  const unconfirmed = listUnconfirmedValues(clinical).map((v) => ({
    key: v.key,
    value: v.value,
    marker: v.marker,
    source: v.source,
    description: v.description,
    conflicts: [...v.conflicts],
  }));
  app.get(
    '/api/clinical-config',
    {
      config: { access: { roles: STAFF_ROLES } },
      schema: {
        summary: 'The clinical configuration in use, and its values no source confirms yet',
        tags: ['clinical'],
        response: { 200: clinicalConfigSchema },
      },
    },
    () => ({ ...identity, unconfirmed }),
  );
}
