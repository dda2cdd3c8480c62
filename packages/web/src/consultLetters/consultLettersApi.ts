import {
  storedLetterListSchema,
  storedLetterSchema,
  type CreateConsultLetterBody,
  type StoredLetter,
  type StoredLetterList,
} from '@osteopad/contract';
import { api } from '../api/client';

const episodePath = (episodeId: string): string => `/api/episodes/${encodeURIComponent(episodeId)}`;

export const episodeDocumentsKey = (episodeId: string) => ['episode-documents', episodeId] as const;

export function fetchEpisodeDocuments(episodeId: string): Promise<StoredLetterList> {
  return api.get(`${episodePath(episodeId)}/documents`, storedLetterListSchema);
}

/** Makes the letter on the server from the stored decision; the server keeps it and answers its summary. */
export async function createConsultLetter(
  episodeId: string,
  body: CreateConsultLetterBody,
): Promise<StoredLetter> {
  const letter = await api.post(`${episodePath(episodeId)}/letters`, { body, schema: storedLetterSchema });
  if (letter === undefined) throw new Error('The server answered no letter');
  return letter;
}
