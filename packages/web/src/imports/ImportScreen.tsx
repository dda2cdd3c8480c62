import { Alert, Stack, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import {
  IMPORT_HISTORY_QUERY_KEY,
  newUploadId,
  uploadFractures,
  uploadProgress,
  uploadReports,
} from '../api/imports';
import { PATIENT_RECORD_QUERY_KEY } from '../api/patients';
import { REPORT_FINDINGS_QUERY_KEY } from '../api/reportFindings';
import { WORKLIST_QUERY_KEY } from '../api/worklist';
import { errorText } from '../common/errorText';
import { PageHeading } from '../common/PageHeading';
import { ImportForm } from './ImportForm';
import { ImportHistory } from './ImportHistory';
import { ImportProgress } from './ImportProgress';
import './i18n/register';
import { ImportResult, type ImportOutcome } from './ImportResult';
import type { ImportRequest } from './importRequest';

interface ImportRun {
  request: ImportRequest;
  /** Fracture uploads are followed while they run; report files are small and are not. */
  uploadId: string | null;
}

async function runImport({ request, uploadId }: ImportRun): Promise<ImportOutcome> {
  const { kind, file, encoding, skipInvalid } = request;
  const settings = { encoding, skipInvalid };
  if (kind === 'reports') {
    return { kind: 'reports', fileName: file.name, summary: await uploadReports(file, settings) };
  }
  return {
    kind: 'fractures',
    fileName: file.name,
    summary: await uploadFractures(file, kind, settings, uploadId ?? undefined),
  };
}

/** How often the screen asks how far a running upload has come. */
const PROGRESS_INTERVAL_MS = 1000;

/** Administrators upload fracture registrations (CSV, HL7 v2, FHIR) and radiology reports. */
export function ImportScreen() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [outcome, setOutcome] = useState<ImportOutcome | null>(null);
  const mutation = useMutation({
    mutationFn: runImport,
    onMutate: () => {
      setOutcome(null);
    },
    onSuccess: (result) => {
      setOutcome(result);
    },
    onSettled: () => {
      // Also a refused import is in the history; an accepted one changes the worklists.
      for (const queryKey of [
        IMPORT_HISTORY_QUERY_KEY,
        WORKLIST_QUERY_KEY,
        REPORT_FINDINGS_QUERY_KEY,
        PATIENT_RECORD_QUERY_KEY,
      ]) {
        void queryClient.invalidateQueries({ queryKey });
      }
    },
  });
  const followedId = mutation.isPending ? (mutation.variables.uploadId ?? null) : null;
  const progress = useQuery({
    queryKey: ['upload-progress', followedId],
    queryFn: () => uploadProgress(followedId ?? ''),
    enabled: followedId !== null,
    refetchInterval: PROGRESS_INTERVAL_MS,
    // Before the server has started on the file it does not know the upload yet: just ask again.
    retry: false,
    gcTime: 0,
  });
  const failure = (() => {
    const error = mutation.error;
    if (error === null) return null;
    if (error instanceof ApiError && error.status === 413) return t('imports.errors.tooLarge');
    if (error instanceof ApiError && error.code === 'import_busy') return t('imports.errors.busy');
    if (error instanceof ApiError && error.code === 'upload_stalled') return t('imports.errors.stalled');
    if (error instanceof ApiError && (error.status === 400 || error.status === 415))
      return t('imports.errors.refused');
    return errorText(t, error);
  })();

  return (
    <Stack gap="md">
      <PageHeading>{t('imports.title')}</PageHeading>
      <Text maw={880}>{t('imports.intro')}</Text>
      <ImportForm
        submitting={mutation.isPending}
        onSubmit={(request) => {
          mutation.mutate({ request, uploadId: request.kind === 'reports' ? null : newUploadId() });
        }}
      />
      {followedId !== null && <ImportProgress progress={progress.data ?? null} />}
      {failure !== null && (
        <Alert color="red" variant="light" role="alert">
          {failure}
        </Alert>
      )}
      {outcome !== null && <ImportResult key={outcome.summary.importId} outcome={outcome} />}
      <ImportHistory />
    </Stack>
  );
}
