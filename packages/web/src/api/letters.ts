import { api } from './client';
import type { InvitationLetterKind, LetterLocale } from '@osteopad/contract';

const PDF = 'application/pdf';

/** One PDF with a page per patient; printing is audited per patient on the server. */
export function fetchInvitationLetters(
  episodeIds: readonly string[],
  locale: LetterLocale,
  kind: InvitationLetterKind = 'invitation',
): Promise<Blob> {
  return api.file('POST', '/api/invitation-letters', PDF, { body: { episodeIds, locale, kind } });
}

export function fetchInvitationLetter(
  episodeId: string,
  locale: LetterLocale,
  kind: InvitationLetterKind = 'invitation',
): Promise<Blob> {
  return api.file('GET', `/api/episodes/${encodeURIComponent(episodeId)}/invitation-letter`, PDF, {
    query: { locale, kind },
  });
}
