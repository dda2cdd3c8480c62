import { z } from 'zod/mini';
import { LETTER_LOCALES, STORED_DOCUMENT_KINDS } from '../codes';

/** `POST /api/episodes/:episodeId/letters`: make one letter of the episode's decision and keep it. */
export const createConsultLetterBody = z.strictObject({
  kind: z.enum(STORED_DOCUMENT_KINDS),
  locale: z._default(z.enum(LETTER_LOCALES), 'nl'),
});
export type CreateConsultLetterBody = z.input<typeof createConsultLetterBody>;

/** `GET /api/episode-documents/:documentId`. */
export const episodeDocumentParams = z.strictObject({ documentId: z.uuid() });
