import './i18n/register';
import { Stack } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import { investigationsQuery } from '../api/investigations';
import { AnchorLink } from '../common/AnchorLink';
import { LoadingState } from '../common/LoadingState';
import { NoAccessScreen } from '../common/NoAccessScreen';
import { NotFoundScreen } from '../common/NotFoundScreen';
import { PageHeading } from '../common/PageHeading';
import { QueryError } from '../common/QueryError';
import { DxaSection } from './DxaSection';
import { VfaSection } from './VfaSection';

const route = getRouteApi('/app/episodes/$episodeId/investigations');
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The episode's investigations: DXA (R4) and VFA (R5), each with the engine's answer shown live. */
export function InvestigationsScreen() {
  const { t } = useTranslation();
  const { episodeId } = route.useParams();
  const valid = UUID.test(episodeId);
  const query = useQuery({ ...investigationsQuery(episodeId), enabled: valid });

  if (!valid) return <NotFoundScreen />;
  if (query.isError && query.error instanceof ApiError) {
    if (query.error.status === 404) return <NotFoundScreen />;
    if (query.error.status === 403) return <NoAccessScreen />;
  }
  if (query.isPending) return <LoadingState />;
  if (query.isError) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;

  const data = query.data;
  const dxa = data.dxaExams[0] ?? null;
  const vfa = data.vfaExams[0] ?? null;
  return (
    <Stack gap="md">
      <AnchorLink to="/patients/$patientId" params={{ patientId: data.patientId }} size="sm">
        <span aria-hidden="true">← </span>
        {t('investigations.back')}
      </AnchorLink>
      <PageHeading documentTitle={t('investigations.documentTitle')}>{t('investigations.title')}</PageHeading>
      {/* The newest exam is the one shown and corrected; a new version of the form after each save. */}
      <DxaSection
        key={`dxa-${dxa?.id ?? 'new'}-${String(dxa?.version ?? 0)}`}
        episodeId={episodeId}
        exam={dxa}
      />
      <VfaSection
        key={`vfa-${vfa?.id ?? 'new'}-${String(vfa?.version ?? 0)}`}
        episodeId={episodeId}
        exam={vfa}
      />
      {/* Labs (R6) and fall risk (R7) have their own screen; the consult goes on there. */}
      <AnchorLink to="/episodes/$episodeId/labs" params={{ episodeId }}>
        {t('investigations.labsAndFalls')}
        <span aria-hidden="true"> →</span>
      </AnchorLink>
    </Stack>
  );
}
