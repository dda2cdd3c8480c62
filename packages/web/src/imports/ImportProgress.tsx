import { Progress, Stack, Text } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportJob, UploadProgress } from '@osteopad/contract';
import { shareRead } from './uploadProgressShare';

interface ImportProgressProps {
  /** null until the server has started on the file. */
  progress: UploadProgress | null;
  /** What the import job is doing, said under the bar (jobs only). */
  status?: string;
}

/** While a file is being imported: how much of it the server has read, and how many rows. */
export function ImportProgress({ progress, status }: ImportProgressProps) {
  const { t } = useTranslation();
  const labelId = useId();
  const share = progress === null ? null : shareRead(progress);
  return (
    <Stack gap={4} maw={560}>
      <Text id={labelId} size="sm" fw={500}>
        {t('imports.progress.label')}
      </Text>
      <Progress
        value={share ?? 100}
        animated={share === null}
        striped={share === null}
        aria-labelledby={labelId}
        aria-valuetext={
          share === null ? t('imports.progress.busy') : t('imports.progress.percent', { share })
        }
        data-testid="import-progress"
      />
      <Text size="sm" c="dimmed" aria-live="polite">
        {progress === null
          ? t('imports.progress.starting')
          : t('imports.progress.rows', { count: progress.rowsRead })}
      </Text>
      {status !== undefined && (
        <Text size="sm" data-testid="import-job-status">
          {status}
        </Text>
      )}
    </Stack>
  );
}

/** A large file's import job: how far the worker has read the spooled file, and what it is doing. */
export function ImportJobProgress({ job }: { job: ImportJob }) {
  const { t } = useTranslation();
  const status =
    job.status === 'queued'
      ? t('imports.job.queued')
      : job.status === 'retrying'
        ? t('imports.job.retrying', { problem: job.problem?.message ?? '' })
        : t('imports.job.running', { attempt: job.attempts });
  return (
    <ImportProgress
      progress={{ rowsRead: job.rowsRead, bytesRead: job.bytesRead, totalBytes: job.totalBytes, done: false }}
      status={status}
    />
  );
}
