import { Anchor, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { LoadingState } from '../common/LoadingState';
import { PageHeading } from '../common/PageHeading';
import { QueryError } from '../common/QueryError';
import { formatDate } from '../format/dates';
import { PortalShell } from '../portal/PortalShell';
import { DentalSection, FallsSection, LifestyleSection } from './AdviceSections';
import { DxaSection } from './DxaSection';
import { LettersSection } from './LettersSection';
import { MedicationSection } from './MedicationSection';
import { PlanSection } from './PlanSection';
import { VfaSection } from './VfaSection';
import { portalResultsQuery } from './portalResultsApi';
import './i18n/register';

/** "Uw uitslagen en uw plan": the patient's results and plan in plain language, and their letters. */
export function PortalResultsScreen() {
  const { t } = useTranslation();
  const query = useQuery(portalResultsQuery);
  return (
    <PortalShell signedIn>
      <Stack gap="lg">
        <Anchor component={Link} to="/portal" size="sm">
          {t('portalResults.back')}
        </Anchor>
        <PageHeading>{t('portalResults.pageTitle')}</PageHeading>
        {query.isPending ? (
          <LoadingState />
        ) : query.isError ? (
          <QueryError error={query.error} onRetry={() => void query.refetch()} />
        ) : query.data.status === 'none' ? (
          <Text>{t('portalResults.none')}</Text>
        ) : (
          <>
            <Text>{t('portalResults.intro', { date: formatDate(query.data.decidedOn) })}</Text>
            <DxaSection results={query.data} />
            <VfaSection results={query.data} />
            <PlanSection results={query.data} />
            {query.data.plan.drug !== null && <MedicationSection drug={query.data.plan.drug} />}
            {query.data.plan.drug !== null && query.data.plan.drug.dentalAdvice.length > 0 && (
              <DentalSection advice={query.data.plan.drug.dentalAdvice} />
            )}
            <FallsSection />
            {query.data.plan.lifestyle.length > 0 && <LifestyleSection codes={query.data.plan.lifestyle} />}
            <LettersSection letters={query.data.letters} />
            <Anchor component={Link} to="/portal/advice">
              {t('portalResults.adviceLink')}
            </Anchor>
          </>
        )}
        <Text size="sm">{t('portalResults.questions')}</Text>
      </Stack>
    </PortalShell>
  );
}
