import { api } from './client';
import type { LetterLocale } from '@osteopad/contract';

const PDF = 'application/pdf';

/** One PDF with a page per patient; printing is audited per patient on the server. */
export function fetchInvitationLetters(episodeIds: readonly string[], locale: LetterLocale): Promise<Blob> {
  return api.file('POST', '/api/invitation-letters', PDF, { body: { episodeIds, locale } });
}

export function fetchInvitationLetter(episodeId: string, locale: LetterLocale): Promise<Blob> {
  return api.file('GET', `/api/episodes/${encodeURIComponent(episodeId)}/invitation-letter`, PDF, {
    query: { locale },
  });
}
