import { Badge, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { IMPORT_HISTORY_LIMIT, importHistoryQuery } from '../api/imports';
import { EmptyNote } from '../common/EmptyNote';
import { LoadingState } from '../common/LoadingState';
import { QueryError } from '../common/QueryError';
import { Section } from '../common/Section';
import { formatDateTime } from '../format/dates';
import { importChannelLabel, importFormatLabel, importStatusLabel } from '../i18n/labels';

function statusColor(status: string): string {
  switch (status) {
    case 'succeeded':
      return 'green';
    case 'rejected':
      return 'red';
    default:
      return 'orange';
  }
}

/** Earlier imports, also those through the command line or the HL7 interface, newest first. */
export function ImportHistory() {
  const { t } = useTranslation();
  const query = useQuery(importHistoryQuery);
  return (
    <Section title={t('imports.history.title')}>
      {query.isPending ? (
        <LoadingState />
      ) : query.isError ? (
        <QueryError error={query.error} onRetry={() => void query.refetch()} />
      ) : query.data.items.length === 0 ? (
        <EmptyNote>{t('imports.history.empty')}</EmptyNote>
      ) : (
        <>
          <Text size="sm">{t('imports.history.intro', { count: IMPORT_HISTORY_LIMIT })}</Text>
          <Table.ScrollContainer minWidth={1100}>
            <Table
              striped
              aria-label={t('imports.history.title')}
              fz="sm"
              verticalSpacing="xs"
              horizontalSpacing={8}
            >
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('imports.history.columns.time')}</Table.Th>
                  <Table.Th scope="col">{t('imports.history.columns.file')}</Table.Th>
                  <Table.Th scope="col">{t('imports.history.columns.format')}</Table.Th>
                  <Table.Th scope="col">{t('imports.history.columns.channel')}</Table.Th>
                  <Table.Th scope="col">{t('imports.history.columns.status')}</Table.Th>
                  <Table.Th scope="col">{t('imports.history.columns.rows')}</Table.Th>
                  <Table.Th scope="col">{t('imports.history.columns.imported')}</Table.Th>
                  <Table.Th scope="col">{t('imports.history.columns.eligible')}</Table.Th>
                  <Table.Th scope="col">{t('imports.history.columns.excluded')}</Table.Th>
                  <Table.Th scope="col">{t('imports.history.columns.manualReview')}</Table.Th>
                  <Table.Th scope="col">{t('imports.history.columns.duplicates')}</Table.Th>
                  <Table.Th scope="col">{t('imports.history.columns.patientsUpdated')}</Table.Th>
                  <Table.Th scope="col">{t('imports.history.columns.invalid')}</Table.Th>
                  <Table.Th scope="col">{t('imports.history.columns.warnings')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {query.data.items.map((item) => (
                  <Table.Tr key={item.id}>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      <time dateTime={item.startedAt}>{formatDateTime(item.startedAt)}</time>
                    </Table.Td>
                    <Table.Td style={{ overflowWrap: 'anywhere', minWidth: 150 }}>{item.fileName}</Table.Td>
                    <Table.Td>{importFormatLabel(t, item.format)}</Table.Td>
                    <Table.Td>{importChannelLabel(t, item.channel)}</Table.Td>
                    <Table.Td>
                      <Badge color={statusColor(item.status)} variant="light" tt="none">
                        {importStatusLabel(t, item.status)}
                      </Badge>
                    </Table.Td>
                    <Table.Td>{item.rows}</Table.Td>
                    <Table.Td>{item.imported}</Table.Td>
                    <Table.Td>{item.eligible}</Table.Td>
                    <Table.Td>{item.excluded}</Table.Td>
                    <Table.Td>{item.manualReview}</Table.Td>
                    <Table.Td>{item.duplicates}</Table.Td>
                    <Table.Td>{item.patientsUpdated}</Table.Td>
                    <Table.Td>{item.invalid}</Table.Td>
                    <Table.Td>{item.warnings}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </>
      )}
    </Section>
  );
}
