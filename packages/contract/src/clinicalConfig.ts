import { z } from 'zod/mini';
import { CONFIG_MARKERS } from './codes';
import { knownCode } from './fields';

/**
 * `GET /api/clinical-config`: the clinical configuration this server runs with, and every value in it
 * that no source confirms yet. `value` is whatever the configuration holds (a number, a code, a
 * list …).
 */
export const clinicalConfigSchema = z.object({
  engineVersion: z.string(),
  configVersion: z.string(),
  configFingerprint: z.string(),
  unconfirmed: z.array(
    z.object({
      key: z.string(),
      value: z.unknown(),
      marker: knownCode(CONFIG_MARKERS),
      source: z.string(),
      description: z.string(),
      conflicts: z.array(z.string()),
    }),
  ),
});
export type ClinicalConfig = z.infer<typeof clinicalConfigSchema>;
export type UnconfirmedValue = ClinicalConfig['unconfirmed'][number];
