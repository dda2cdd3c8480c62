import { z } from 'zod';
import { configIdentity, listUnconfirmedValues } from '@osteopad/clinical';
import type { AppDeps, TypedApp } from '../http/app';
import { STAFF_ROLES } from '../auth/roles';

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
        tags: ['clinical'],
        response: {
          200: z.object({
            engineVersion: z.string(),
            configVersion: z.string(),
            configFingerprint: z.string(),
            unconfirmed: z.array(
              z.object({
                key: z.string(),
                value: z.unknown(),
                marker: z.string(),
                source: z.string(),
                description: z.string(),
                conflicts: z.array(z.string()),
              }),
            ),
          }),
        },
      },
    },
    () => ({ ...identity, unconfirmed }),
  );
}
