import { Alert, Stack } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import { labsAndFallsQuery } from '../api/labResults';
import { AnchorLink } from '../common/AnchorLink';
import { LoadingState } from '../common/LoadingState';
import { NoAccessScreen } from '../common/NoAccessScreen';
import { NotFoundScreen } from '../common/NotFoundScreen';
import { PageHeading } from '../common/PageHeading';
import { QueryError } from '../common/QueryError';
import { FallRiskSection } from './FallRiskSection';
import { LabSection } from './LabSection';
import './i18n/register';

const route = getRouteApi('/app/episodes/$episodeId/labs');
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The hospital's day in the Netherlands, as the server counts dates. */
function localToday(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date());
}

/** Labs (R6) and fall risk (R7) of one episode. */
export function LabResultsScreen() {
  const { t } = useTranslation();
  const { episodeId } = route.useParams();
  const valid = UUID.test(episodeId);
  const query = useQuery({ ...labsAndFallsQuery(episodeId), enabled: valid });
  if (!valid) return <NotFoundScreen />;
  if (query.isError && query.error instanceof ApiError) {
    if (query.error.status === 404) return <NotFoundScreen />;
    if (query.error.status === 403) return <NoAccessScreen />;
  }
  const today = localToday();
  return (
    <Stack gap="md">
      {query.data !== undefined && (
        <AnchorLink to="/patients/$patientId" params={{ patientId: query.data.patientId }} size="sm">
          <span aria-hidden="true">← </span>
          {t('labResults.back')}
        </AnchorLink>
      )}
      <PageHeading documentTitle={t('labResults.documentTitle')}>{t('labResults.title')}</PageHeading>
      {query.isPending ? (
        <LoadingState />
      ) : query.isError ? (
        <QueryError error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <>
          {!query.data.writable && <Alert color="gray">{t('labResults.ended')}</Alert>}
          <LabSection key={`labs-${query.dataUpdatedAt}`} data={query.data} today={today} />
          <FallRiskSection key={`fall-${query.data.fallRiskVersion}`} data={query.data} today={today} />
        </>
      )}
    </Stack>
  );
}
