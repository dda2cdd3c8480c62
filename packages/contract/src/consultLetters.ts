import { z } from 'zod/mini';
import { episodeDocumentSummarySchema } from './timeline';
import { LETTER_LOCALES, STORED_DOCUMENT_KINDS } from './codes';
import { knownCode } from './fields';

/**
 * A letter kept with an episode (`POST /api/episodes/:episodeId/letters`, and each item of
 * `GET /api/episodes/:episodeId/documents`): the episode page's document summary, plus what a screen
 * that lists letters shows — the language and the SHA-256 of the stored PDF (the same on every fetch).
 */
export const storedLetterSchema = z.object({
  ...episodeDocumentSummarySchema.shape,
  kind: knownCode(STORED_DOCUMENT_KINDS),
  locale: z.enum(LETTER_LOCALES),
  sha256: z.string(),
  /** The stored decision the letter was made from (null until decisions are stored). */
  decisionId: z.nullable(z.uuid()),
});
export type StoredLetter = z.infer<typeof storedLetterSchema>;

export const storedLetterListSchema = z.object({ items: z.array(storedLetterSchema) });
export type StoredLetterList = z.infer<typeof storedLetterListSchema>;
