import { z } from 'zod/mini';
import { checked } from './fields';
import { LETTER_LOCALES } from './codes';

/**
 * Bytes of a file the server renders. Not JSON: the serialiser leaves bytes alone, and the OpenAPI
 * document shows them as `{ type: string, format: binary }` (the server's docs transform writes that
 * for this schema, which JSON Schema cannot express).
 */
export const fileBytes = z.custom<Uint8Array>((value) => value instanceof Uint8Array);

/** The answer is a PDF (its content type in the OpenAPI document). */
export const pdfDocument = {
  description: 'A PDF document.',
  content: { 'application/pdf': { schema: fileBytes } },
};

const locale = z._default(z.enum(LETTER_LOCALES), 'nl');

/**
 * Which letter of the invitation loop: the invitation itself, or the reminder when it stayed unanswered
 * (its own opening: "we wrote to you on …; please reply", then the invitation again with a new code).
 */
export const INVITATION_LETTER_KINDS = ['invitation', 'reminder'] as const;
export type InvitationLetterKind = (typeof INVITATION_LETTER_KINDS)[number];
const kind = z._default(z.enum(INVITATION_LETTER_KINDS), 'invitation');

/** `GET /api/episodes/:episodeId/invitation-letter`. */
export const invitationLetterQuery = z.strictObject({ locale, kind });

/** `POST /api/organization/letter-preview?locale=en`: the language of the example letter. */
export const letterPreviewQuery = z.strictObject({ locale });

/** At most this many letters in one PDF. */
export const MAX_LETTERS_PER_REQUEST = 500;

/** `POST /api/invitation-letters`: one PDF, a page per patient. */
export const invitationLettersBody = z.strictObject({
  episodeIds: checked(z.array(z.uuid()), z.minLength(1), z.maxLength(MAX_LETTERS_PER_REQUEST)),
  locale,
  kind,
});
export type InvitationLettersBody = z.input<typeof invitationLettersBody>;
