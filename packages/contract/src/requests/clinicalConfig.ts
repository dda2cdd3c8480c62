// Requests of the clinical configuration routes that the web only types, kept out of its bundle.
import { z } from 'zod/mini';
import { checked } from '../fields';

/** Shortest reason a configuration change is accepted with: a word or two says why. */
export const CONFIG_CHANGE_REASON_MIN_LENGTH = 5;

/**
 * `POST /api/clinical-config/versions`: a new configuration version made from version `basedOn` (the one the
 * screen showed; another in between is a conflict). Each change names a key and its value: the value it has
 * already confirms it, another value changes it. One reason covers the whole version.
 */
export const configVersionBody = z.strictObject({
  basedOn: checked(z.number(), z.int(), z.minimum(0), z.maximum(1_000_000)),
  reason: checked(z.string(), z.trim(), z.minLength(CONFIG_CHANGE_REASON_MIN_LENGTH), z.maxLength(500)),
  changes: checked(
    z.array(
      z.strictObject({ key: checked(z.string(), z.minLength(1), z.maxLength(100)), value: z.unknown() }),
    ),
    z.minLength(1),
    z.maxLength(200),
  ),
});
export type ConfigVersionBody = z.input<typeof configVersionBody>;
