import './i18n/register';
import { Alert, Button, Stack, Text } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { assessmentQuery, decisionQueryKey, storedDecisionQuery } from '../api/decision';
import { LoadingState } from '../common/LoadingState';
import { PageHeading } from '../common/PageHeading';
import { QueryError } from '../common/QueryError';
import { DecisionForm } from './DecisionForm';
import { StoredDecisionView } from './StoredDecisionView';

const route = getRouteApi('/app/episodes/$episodeId/decision');

/**
 * The decision screen (issue 11, items 5–6): the stored decision when there is one, read-only, with a
 * way to make a new one; otherwise the engine's assessment to accept or override item by item.
 */
export function DecisionScreen() {
  const { t } = useTranslation();
  const { episodeId } = route.useParams();
  const queryClient = useQueryClient();
  const [making, setMaking] = useState(false);
  const [recorded, setRecorded] = useState(false);
  const stored = useQuery(storedDecisionQuery(episodeId));
  const showForm = making || stored.data?.decision === null;
  const assessment = useQuery({ ...assessmentQuery(episodeId), enabled: showForm });
  const reload = () => {
    void queryClient.invalidateQueries({ queryKey: decisionQueryKey(episodeId) });
  };

  let content;
  if (stored.isPending) content = <LoadingState />;
  else if (stored.isError)
    content = <QueryError error={stored.error} onRetry={() => void stored.refetch()} />;
  else if (!showForm && stored.data.decision !== null)
    content = (
      <StoredDecisionView
        decision={stored.data.decision}
        onNew={() => {
          setRecorded(false);
          setMaking(true);
        }}
      />
    );
  else if (assessment.isPending) content = <LoadingState />;
  else if (assessment.isError)
    content = <QueryError error={assessment.error} onRetry={() => void assessment.refetch()} />;
  else
    content = (
      <Stack gap="md">
        {making && (
          <Button
            variant="subtle"
            style={{ alignSelf: 'flex-start' }}
            onClick={() => {
              setMaking(false);
            }}
          >
            {t('decision.stored.cancelNew')}
          </Button>
        )}
        <DecisionForm
          key={assessment.data.fingerprint + (assessment.data.latestDecisionId ?? '')}
          assessment={assessment.data}
          onReload={reload}
          onRecorded={(decision) => {
            queryClient.setQueryData(storedDecisionQuery(episodeId).queryKey, { decision });
            setMaking(false);
            setRecorded(true);
            void queryClient.invalidateQueries({ queryKey: assessmentQuery(episodeId).queryKey });
          }}
        />
      </Stack>
    );

  return (
    <Stack gap="md">
      <PageHeading documentTitle={t('decision.documentTitle')}>{t('decision.title')}</PageHeading>
      <Text>{t('decision.intro')}</Text>
      {recorded && (
        <Alert color="green" role="status">
          {t('decision.recorded')}
        </Alert>
      )}
      {content}
    </Stack>
  );
}
