import { Badge, Group, SimpleGrid, Stack } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import { isPatientId, patientRecordQuery } from '../api/patients';
import { AnchorLink } from '../common/AnchorLink';
import { LoadingState } from '../common/LoadingState';
import { NoAccessScreen } from '../common/NoAccessScreen';
import { NotFoundScreen } from '../common/NotFoundScreen';
import { PageHeading } from '../common/PageHeading';
import { PatientIdentity } from '../common/PatientIdentity';
import { todayIso } from '../format/dates';
import { QueryError } from '../common/QueryError';
import { formatDate } from '../format/dates';
import { EpisodesTable } from './EpisodesTable';
import { FracturesTable } from './FracturesTable';
import { IncludeFracturePanel } from './IncludeFracture';
import { useState } from 'react';
import { useCurrentUser } from '../session/useCurrentUser';
import { canReviewClinically } from '../session/permissions';
import { GeneralPractitioner } from './GeneralPractitioner';
import { OpenTasksTable } from './OpenTasksTable';
import { UpcomingDates } from './UpcomingDates';
import { PatientDemographics } from './PatientDemographics';
import { patientName } from './patientName';

const route = getRouteApi('/app/patients/$patientId');

/** The patient record so far: who, the GP, fractures, pathway episodes and open tasks. */
export function PatientScreen() {
  const { t } = useTranslation();
  const { patientId } = route.useParams();
  const valid = isPatientId(patientId);
  const query = useQuery({ ...patientRecordQuery(patientId), enabled: valid });
  const user = useCurrentUser();
  const canInclude = user !== null && canReviewClinically(user.role);
  const [including, setIncluding] = useState<string | null>(null);

  if (!valid) return <NotFoundScreen />;
  if (query.isError && query.error instanceof ApiError) {
    if (query.error.status === 404) return <NotFoundScreen />;
    if (query.error.status === 403) return <NoAccessScreen />;
  }

  return (
    <Stack gap="md">
      <AnchorLink to="/patients" size="sm">
        <span aria-hidden="true">← </span>
        {t('patient.back')}
      </AnchorLink>
      {query.isPending ? (
        <LoadingState />
      ) : query.isError ? (
        <QueryError error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <>
          <Group gap="sm" align="center">
            <PageHeading documentTitle={t('patient.documentTitle')}>
              {patientName(query.data.patient)}
            </PageHeading>
            {query.data.patient.deceased && (
              <Badge color="gray" variant="filled" mb="md" data-testid="patient-deceased">
                {query.data.patient.deceasedDate === null
                  ? t('patient.deceasedUndated')
                  : t('patient.deceased', { date: formatDate(query.data.patient.deceasedDate) })}
              </Badge>
            )}
          </Group>
          <PatientIdentity
            patient={{ ...query.data.patient, hospitalNumber: query.data.patient.sourceId }}
            today={todayIso()}
            mt={-8}
          />
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
            <PatientDemographics patient={query.data.patient} />
            <GeneralPractitioner patient={query.data.patient} />
          </SimpleGrid>
          <FracturesTable
            fractures={query.data.fractures}
            {...(canInclude ? { onInclude: setIncluding } : {})}
          />
          {including !== null && (
            <IncludeFracturePanel
              key={including}
              fractureId={including}
              onClose={() => {
                setIncluding(null);
              }}
            />
          )}
          <EpisodesTable episodes={query.data.episodes} patientName={patientName(query.data.patient)} />
          <OpenTasksTable tasks={query.data.openTasks} />
          <UpcomingDates patientId={patientId} />
        </>
      )}
    </Stack>
  );
}
