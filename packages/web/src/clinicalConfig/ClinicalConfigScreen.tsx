import { EmptyState, Group, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { clinicalConfigQuery } from '../api/clinicalConfig';
import { ApiError } from '../api/client';
import { CONFIG_MARKERS } from '@osteopad/contract';
import { LoadingState } from '../common/LoadingState';
import { NoAccessScreen } from '../common/NoAccessScreen';
import { PageHeading } from '../common/PageHeading';
import { QueryError } from '../common/QueryError';
import { Section } from '../common/Section';
import { ConfigIdentity } from './ConfigIdentity';
import { MarkerBadge } from './MarkerBadge';
import { UnconfirmedValuesTable } from './UnconfirmedValuesTable';

/**
 * The clinical configuration this installation runs with. Where the clinical knowledge base lacks a
 * fact the value is configurable, and until the clinic confirms it, it is listed here as unconfirmed.
 */
export function ClinicalConfigScreen() {
  const { t } = useTranslation();
  const query = useQuery(clinicalConfigQuery);

  if (query.error instanceof ApiError && query.error.status === 403) return <NoAccessScreen />;

  return (
    <Stack gap="md">
      <PageHeading>{t('clinicalConfig.title')}</PageHeading>
      <Stack gap="xs" maw={880}>
        <Text>{t('clinicalConfig.intro')}</Text>
        <Text>{t('clinicalConfig.goLive')}</Text>
        <Text>{t('clinicalConfig.howToChange')}</Text>
      </Stack>
      {query.isPending ? (
        <LoadingState />
      ) : query.isError ? (
        <QueryError error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <>
          <ConfigIdentity config={query.data} />
          <Section title={t('clinicalConfig.list.title')}>
            <Text role="status" fw={500}>
              {t('clinicalConfig.list.count', { count: query.data.unconfirmed.length })}
            </Text>
            {query.data.unconfirmed.length === 0 ? (
              <EmptyState
                title={t('clinicalConfig.list.emptyTitle')}
                description={t('clinicalConfig.list.empty')}
              />
            ) : (
              <>
                <Stack gap={4} component="ul" aria-label={t('clinicalConfig.legend.label')} p={0} m={0}>
                  {CONFIG_MARKERS.map((marker) => (
                    <Group key={marker} component="li" gap="xs" wrap="nowrap" style={{ listStyle: 'none' }}>
                      <MarkerBadge marker={marker} />
                      <Text size="sm">{t(`clinicalConfig.markerHelp.${marker}`)}</Text>
                    </Group>
                  ))}
                  <Text component="li" size="sm" style={{ listStyle: 'none' }}>
                    {t('clinicalConfig.legend.conflicts')}
                  </Text>
                </Stack>
                <Text size="sm" c="dimmed">
                  {t('clinicalConfig.list.referenceNote')}
                </Text>
                <UnconfirmedValuesTable values={query.data.unconfirmed} />
              </>
            )}
          </Section>
        </>
      )}
    </Stack>
  );
}
