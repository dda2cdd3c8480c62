// Requests of the portal's results routes (issue 13, item 5).
import { z } from 'zod/mini';

/** `GET /api/portal/letters/:letterId/pdf`: one of the signed-in patient's own letters (else 404). */
export const portalLetterParams = z.strictObject({ letterId: z.uuid() });

/**
 * `GET /locales/:file`: a language a clinic added with a catalogue file alone (`<code>.json`, e.g.
 * `tr.json`, `pl.json`, or `pl-PL.json`; lower-case language code, optional region).
 */
export const clinicLanguageParams = z.strictObject({
  file: z
    .string()
    .check(z.maxLength(20), z.regex(/^[a-z]{2,3}(-[a-z0-9]{2,8})?\.json$/i, 'A language code and .json.')),
});
