import { Anchor, Button, Stack, Table, Text } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { EmptyNote } from '../common/EmptyNote';
import { LoadingState } from '../common/LoadingState';
import { PageHeading } from '../common/PageHeading';
import { QueryError } from '../common/QueryError';
import { formatDateTime } from '../format/dates';
import { accessWhat, accessWho } from './accessLogText';
import { portalAccessLogPages } from './portalApi';
import { PortalShell } from './PortalShell';
import './i18n/register';

/** Who looked at or changed the patient's record, and when (NEN 7513): newest first, older on request. */
export function PortalAccessLogScreen() {
  const { t } = useTranslation();
  const query = useInfiniteQuery(portalAccessLogPages);
  const entries = query.data?.pages.flatMap((page) => page.entries) ?? [];
  return (
    <PortalShell signedIn>
      <Stack gap="lg">
        <PageHeading documentTitle={t('portal.accessLog.pageTitle')}>
          {t('portal.accessLog.pageTitle')}
        </PageHeading>
        <Text>{t('portal.accessLog.intro')}</Text>
        {query.isPending ? (
          <LoadingState />
        ) : query.isError ? (
          <QueryError error={query.error} onRetry={() => void query.refetch()} />
        ) : entries.length === 0 ? (
          <EmptyNote>{t('portal.accessLog.empty')}</EmptyNote>
        ) : (
          // Two columns and no scroll container: they fit 390 px, and a scrolling region would need focus.
          <Table striped data-testid="portal-access-log" aria-label={t('portal.accessLog.pageTitle')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('portal.accessLog.whenWho')}</Table.Th>
                <Table.Th scope="col">{t('portal.accessLog.what')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {entries.map((entry) => (
                <Table.Tr key={entry.id}>
                  <Table.Td>
                    <Text size="sm" fw={500}>
                      {formatDateTime(entry.at)}
                    </Text>
                    <Text size="sm">{accessWho(t, entry)}</Text>
                  </Table.Td>
                  <Table.Td>{accessWhat(t, entry)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        {query.hasNextPage && (
          <Button
            variant="light"
            loading={query.isFetchingNextPage}
            onClick={() => void query.fetchNextPage()}
            style={{ alignSelf: 'flex-start' }}
          >
            {t('portal.accessLog.more')}
          </Button>
        )}
        <Anchor component={Link} to="/portal">
          {t('portal.accessLog.back')}
        </Anchor>
      </Stack>
    </PortalShell>
  );
}
