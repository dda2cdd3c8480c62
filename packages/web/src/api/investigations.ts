import { queryOptions } from '@tanstack/react-query';
import {
  dxaPreviewSchema,
  dxaSavedSchema,
  investigationsSchema,
  vfaPreviewSchema,
  vfaSavedSchema,
  type DxaBody,
  type DxaUpdateBody,
  type VfaBody,
  type VfaUpdateBody,
} from '@osteopad/contract';
import { api, ApiError } from './client';

export const investigationsQuery = (episodeId: string) =>
  queryOptions({
    queryKey: ['investigations', episodeId],
    queryFn: () =>
      api.get(`/api/episodes/${encodeURIComponent(episodeId)}/investigations`, investigationsSchema),
  });

function required<T>(value: T | undefined): T {
  if (value === undefined) throw new ApiError(204, 'invalid_response', 'Expected a body.');
  return value;
}

const episodePath = (episodeId: string, tail: string) =>
  `/api/episodes/${encodeURIComponent(episodeId)}/${tail}`;

export async function previewDxa(episodeId: string, body: DxaBody) {
  return required(await api.post(episodePath(episodeId, 'dxa/preview'), { body, schema: dxaPreviewSchema }));
}

export async function saveDxa(episodeId: string, examId: string | null, body: DxaBody, version: number) {
  if (examId === null)
    return required(await api.post(episodePath(episodeId, 'dxa'), { body, schema: dxaSavedSchema }));
  const update: DxaUpdateBody = { ...body, version };
  return required(
    await api.put(`/api/dxa-exams/${encodeURIComponent(examId)}`, { body: update, schema: dxaSavedSchema }),
  );
}

export async function previewVfa(episodeId: string, body: VfaBody) {
  return required(await api.post(episodePath(episodeId, 'vfa/preview'), { body, schema: vfaPreviewSchema }));
}

export async function saveVfa(episodeId: string, examId: string | null, body: VfaBody, version: number) {
  if (examId === null)
    return required(await api.post(episodePath(episodeId, 'vfa'), { body, schema: vfaSavedSchema }));
  const update: VfaUpdateBody = { ...body, version };
  return required(
    await api.put(`/api/vfa-exams/${encodeURIComponent(examId)}`, { body: update, schema: vfaSavedSchema }),
  );
}
