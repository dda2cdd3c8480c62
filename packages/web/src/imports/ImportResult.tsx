import { Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { FractureImportSummary, ReportImportSummary } from '@osteopad/contract';
import { importStatusLabel } from '../i18n/labels';
import { ImportCounts, type Count } from './ImportCounts';
import { ImportErrorTable } from './ImportErrorTable';

export type ImportOutcome =
  | { kind: 'fractures'; fileName: string; summary: FractureImportSummary }
  | { kind: 'reports'; fileName: string; summary: ReportImportSummary };

interface ImportResultProps {
  outcome: ImportOutcome;
}

/** What the import did: imported or not, the counts, and every message. Takes focus when it arrives. */
export function ImportResult({ outcome }: ImportResultProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus();
  }, []);
  const { summary } = outcome;
  const succeeded = summary.status === 'succeeded';
  const counts: Count[] =
    outcome.kind === 'fractures'
      ? [
          { name: 'rows', label: t('imports.summary.rows'), value: outcome.summary.rows },
          { name: 'imported', label: t('imports.summary.imported'), value: outcome.summary.imported },
          { name: 'eligible', label: t('imports.summary.eligible'), value: outcome.summary.eligible },
          { name: 'excluded', label: t('imports.summary.excluded'), value: outcome.summary.excluded },
          {
            name: 'manualReview',
            label: t('imports.summary.manualReview'),
            value: outcome.summary.manualReview,
          },
          { name: 'duplicates', label: t('imports.summary.duplicates'), value: outcome.summary.duplicates },
          {
            name: 'patientsUpdated',
            label: t('imports.summary.patientsUpdated'),
            value: outcome.summary.patientsUpdated,
          },
          {
            name: 'deathsRecorded',
            label: t('imports.summary.deathsRecorded'),
            value: outcome.summary.deathsRecorded,
          },
          { name: 'invalid', label: t('imports.summary.invalid'), value: outcome.summary.invalid },
        ]
      : [
          { name: 'reports', label: t('imports.summary.reports'), value: outcome.summary.reports },
          { name: 'findings', label: t('imports.summary.findings'), value: outcome.summary.findings },
          { name: 'matched', label: t('imports.summary.matched'), value: outcome.summary.matched },
          { name: 'duplicates', label: t('imports.summary.duplicates'), value: outcome.summary.duplicates },
          {
            name: 'negatedMentions',
            label: t('imports.summary.negatedMentions'),
            value: outcome.summary.negatedMentions,
          },
        ];
  const notListed = outcome.kind === 'fractures' ? outcome.summary.errorsNotListed : 0;
  const warnings = outcome.kind === 'fractures' ? outcome.summary.warnings : [];
  const warningsNotListed = outcome.kind === 'fractures' ? outcome.summary.warningsNotListed : 0;
  const foundFindings = succeeded && outcome.kind === 'reports' && outcome.summary.findings > 0;

  return (
    <Paper component="section" withBorder p="md" aria-labelledby={headingId}>
      <Stack gap="sm">
        <Group gap="sm" align="center">
          <Title order={2} size="h4" id={headingId} ref={heading} tabIndex={-1} className="page-heading">
            {t('imports.summary.title', { fileName: outcome.fileName })}
          </Title>
          <Badge
            color={succeeded ? 'green' : 'red'}
            variant="filled"
            size="lg"
            tt="none"
            data-testid="import-status"
          >
            {importStatusLabel(t, summary.status)}
          </Badge>
        </Group>
        {!succeeded && (
          <Text role="alert" c="red.9" fw={500}>
            {t('imports.summary.rejectedHint')}
          </Text>
        )}
        <ImportCounts counts={counts} />
        {foundFindings && <Text size="sm">{t('imports.summary.findingsHint')}</Text>}
        {(summary.errors.length > 0 || notListed > 0) && (
          <ImportErrorTable kind="errors" errors={summary.errors} notListed={notListed} />
        )}
        {(warnings.length > 0 || warningsNotListed > 0) && (
          <ImportErrorTable kind="warnings" errors={warnings} notListed={warningsNotListed} />
        )}
      </Stack>
    </Paper>
  );
}
