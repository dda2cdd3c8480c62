import { Alert, Stack, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { FINISHED_IMPORT_JOB_STATUSES, IMPORT_JOB_ABOVE_BYTES, type ImportJob } from '@osteopad/contract';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import {
  IMPORT_HISTORY_QUERY_KEY,
  importJob,
  newUploadId,
  queueFractureImport,
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
import { ImportJobProgress, ImportProgress } from './ImportProgress';
import './i18n/register';
import { ImportResult, type ImportOutcome } from './ImportResult';
import type { ImportRequest } from './importRequest';

interface ImportRun {
  request: ImportRequest;
  /** Fracture uploads are followed while they run; report files are small and are not. */
  uploadId: string | null;
}

/** A large file's import runs as a job: the screen follows the job once the file has been received. */
interface QueuedImport {
  kind: 'job';
  fileName: string;
  job: ImportJob;
}

async function runImport({ request, uploadId }: ImportRun): Promise<ImportOutcome | QueuedImport> {
  const { kind, file, encoding, skipInvalid } = request;
  const settings = { encoding, skipInvalid };
  if (kind === 'reports') {
    return { kind: 'reports', fileName: file.name, summary: await uploadReports(file, settings) };
  }
  if (runsAsJob(request))
    return { kind: 'job', fileName: file.name, job: await queueFractureImport(file, kind, settings) };
  return {
    kind: 'fractures',
    fileName: file.name,
    summary: await uploadFractures(file, kind, settings, uploadId ?? undefined),
  };
}

/** Large fracture files are imported by the job queue; the rest within the upload's request. */
function runsAsJob(request: ImportRequest): boolean {
  return request.kind !== 'reports' && request.file.size > IMPORT_JOB_ABOVE_BYTES;
}

function isFinished(job: ImportJob): boolean {
  return (FINISHED_IMPORT_JOB_STATUSES as readonly string[]).includes(job.status);
}

/** How often the screen asks how far a running upload has come. */
const PROGRESS_INTERVAL_MS = 1000;

/** Administrators upload fracture registrations (CSV, HL7 v2, FHIR) and radiology reports. */
export function ImportScreen() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [outcome, setOutcome] = useState<ImportOutcome | null>(null);
  const [queued, setQueued] = useState<QueuedImport | null>(null);
  const refreshAfterImport = () => {
    // Also a refused import is in the history; an accepted one changes the worklists.
    for (const queryKey of [
      IMPORT_HISTORY_QUERY_KEY,
      WORKLIST_QUERY_KEY,
      REPORT_FINDINGS_QUERY_KEY,
      PATIENT_RECORD_QUERY_KEY,
    ]) {
      void queryClient.invalidateQueries({ queryKey });
    }
  };
  const mutation = useMutation({
    mutationFn: runImport,
    onMutate: () => {
      setOutcome(null);
      setQueued(null);
    },
    onSuccess: (result) => {
      if (result.kind === 'job') setQueued(result);
      else setOutcome(result);
    },
    onSettled: refreshAfterImport,
  });
  const job = useQuery({
    queryKey: ['import-job', queued?.job.id],
    queryFn: async () => {
      const answer = await importJob(queued?.job.id ?? '');
      if (isFinished(answer)) refreshAfterImport();
      return answer;
    },
    enabled: queued !== null,
    refetchInterval: (query) =>
      query.state.data !== undefined && isFinished(query.state.data) ? false : PROGRESS_INTERVAL_MS,
    gcTime: 0,
  });
  const jobNow = job.data ?? queued?.job ?? null;
  const jobRunning = queued !== null && jobNow !== null && !isFinished(jobNow);
  const jobOutcome: ImportOutcome | null =
    queued !== null && jobNow !== null && jobNow.summary !== null
      ? { kind: 'fractures', fileName: queued.fileName, summary: jobNow.summary }
      : null;
  const jobProblem =
    queued !== null && jobNow !== null && isFinished(jobNow) && jobNow.summary === null
      ? (jobNow.problem?.message ?? t('imports.job.failed'))
      : null;
  const shown = outcome ?? jobOutcome;
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
    if (jobProblem !== null) return t('imports.job.failedBecause', { problem: jobProblem });
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
        submitting={mutation.isPending || jobRunning}
        onSubmit={(request) => {
          // A job's upload ends when the file is received: its progress is the job's, not the request's.
          mutation.mutate({
            request,
            uploadId: request.kind === 'reports' || runsAsJob(request) ? null : newUploadId(),
          });
        }}
      />
      {followedId !== null && <ImportProgress progress={progress.data ?? null} />}
      {mutation.isPending && runsAsJob(mutation.variables.request) && <ImportProgress progress={null} />}
      {jobRunning && <ImportJobProgress job={jobNow} />}
      {failure !== null && (
        <Alert color="red" variant="light" role="alert">
          {failure}
        </Alert>
      )}
      {shown !== null && <ImportResult key={shown.summary.importId} outcome={shown} />}
      <ImportHistory />
    </Stack>
  );
}
