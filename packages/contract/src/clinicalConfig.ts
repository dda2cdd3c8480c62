import { z } from 'zod/mini';
import { CONFIG_MARKERS, CONFIG_VALUE_ORIGINS, CONFIG_CHANGE_KINDS } from './codes';
import { knownCode } from './fields';

/*
 * What a value may be (the clinical engine's `ValueShape`): the screen builds its field from it and says the
 * allowed range in the user's language. The engine nests one level at most (a nullable number, a list of
 * codes, a record of numbers), so the schema is written out to that depth.
 */
const leafShape = z.union([
  z.object({ kind: z.literal('number'), min: z.number(), max: z.number(), integer: z.boolean() }),
  z.object({ kind: z.literal('boolean') }),
  z.object({ kind: z.literal('enum'), values: z.array(z.string()) }),
]);
export const configValueShapeSchema = z.union([
  leafShape,
  z.object({ kind: z.literal('nullable'), inner: leafShape }),
  z.object({
    kind: z.literal('list'),
    item: leafShape,
    minLength: z.number(),
    maxLength: z.number(),
    unique: z.boolean(),
  }),
  z.object({ kind: z.literal('record'), keys: z.array(z.string()), item: leafShape }),
  z.object({ kind: z.literal('calciumTable') }),
]);
export type ConfigValueShape = z.infer<typeof configValueShapeSchema>;
export type ConfigLeafShape = z.infer<typeof leafShape>;

/** One value of the clinical configuration as the organisation runs it now. */
export const configEntrySchema = z.object({
  key: z.string(),
  value: z.unknown(),
  shape: configValueShapeSchema,
  /** SOURCE: a cited source fixes it; UNCONFIRMED / INFERRED: the clinic confirms it before go-live. */
  marker: z.enum(['SOURCE', ...CONFIG_MARKERS]),
  source: z.string(),
  /** The engine's own (English) description; the screen shows its words from the catalogue. */
  description: z.string(),
  conflicts: z.array(z.string()),
  /** `clinic`: the clinic set it (in its file or on the screen); `default`: the reference's value. */
  origin: knownCode(CONFIG_VALUE_ORIGINS),
  confirmedBy: z.nullable(z.string()),
  note: z.nullable(z.string()),
});
export type ConfigEntryView = z.infer<typeof configEntrySchema>;

/**
 * `GET /api/clinical-config`: the clinical configuration the organisation's work uses now, and every value
 * in it that no source confirms and no one of the clinic has confirmed yet. `versionNumber` 0 is the
 * installation's configuration file (or the reference defaults); each change made on the screen is the next.
 */
export const clinicalConfigSchema = z.object({
  engineVersion: z.string(),
  configVersion: z.string(),
  configFingerprint: z.string(),
  versionNumber: z.number(),
  entries: z.array(configEntrySchema),
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

/** One value a version changed (`changed`) or confirmed as it was (`confirmed`). */
export const configChangeSchema = z.object({
  key: z.string(),
  kind: knownCode(CONFIG_CHANGE_KINDS),
  from: z.unknown(),
  to: z.unknown(),
});
export type ConfigChange = z.infer<typeof configChangeSchema>;

/** `GET /api/clinical-config/versions`: the organisation's configuration versions, newest first. */
export const clinicalConfigVersionsSchema = z.object({
  versions: z.array(
    z.object({
      number: z.number(),
      version: z.string(),
      fingerprint: z.string(),
      reason: z.string(),
      createdAt: z.string(),
      createdByName: z.string(),
      changes: z.array(configChangeSchema),
    }),
  ),
});
export type ClinicalConfigVersions = z.infer<typeof clinicalConfigVersionsSchema>;
export type ClinicalConfigVersion = ClinicalConfigVersions['versions'][number];
