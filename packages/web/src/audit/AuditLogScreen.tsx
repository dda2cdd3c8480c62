import { EmptyState, Stack, Text } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AUDIT_PAGE_SIZE, auditEventsQuery, type AuditFilter } from '../api/audit';
import { ApiError } from '../api/client';
import { LoadingState } from '../common/LoadingState';
import { NoAccessScreen } from '../common/NoAccessScreen';
import { PageHeading } from '../common/PageHeading';
import { Pager } from '../common/Pager';
import { QueryError } from '../common/QueryError';
import { AuditExportButton } from './AuditExportButton';
import { AuditFilters } from './AuditFilters';
import { AuditTable } from './AuditTable';
import { errorsFromIssues } from './auditFilterForm';
import './i18n/register';

/** Who looked at or changed what, and when (NEN 7513), for administrators. */
export function AuditLogScreen() {
  const { t } = useTranslation();
  const [applied, setApplied] = useState<AuditFilter>({});
  const [page, setPage] = useState(1);
  const query = useQuery({ ...auditEventsQuery(applied, page), placeholderData: keepPreviousData });

  const refused = query.error instanceof ApiError && query.error.status === 400;
  const serverErrors = refused && query.error instanceof ApiError ? errorsFromIssues(query.error.issues) : {};

  if (query.error instanceof ApiError && query.error.status === 403) return <NoAccessScreen />;

  return (
    <Stack gap="md">
      <PageHeading>{t('audit.title')}</PageHeading>
      <Text>{t('audit.intro')}</Text>
      <AuditFilters
        serverErrors={serverErrors}
        onApply={(filter) => {
          setApplied(filter);
          setPage(1);
        }}
        onReset={() => {
          setApplied({});
          setPage(1);
        }}
      />
      {query.isPending ? (
        <LoadingState />
      ) : query.isError ? (
        refused ? null : (
          <QueryError error={query.error} onRetry={() => void query.refetch()} />
        )
      ) : (
        <>
          <Text role="status" fw={500}>
            {t('audit.count', { count: query.data.total })}
          </Text>
          {query.data.total > 0 && <AuditExportButton filter={applied} />}
          {query.data.items.length === 0 ? (
            <EmptyState title={t('audit.emptyTitle')} description={t('audit.empty')} />
          ) : (
            <>
              <AuditTable events={query.data.items} />
              <Pager page={page} pageSize={AUDIT_PAGE_SIZE} total={query.data.total} onChange={setPage} />
            </>
          )}
        </>
      )}
    </Stack>
  );
}
