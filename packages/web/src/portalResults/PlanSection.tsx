import { List, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PortalResultsReady } from '@osteopad/contract';
import { Section } from '../common/Section';
import { formatDate } from '../format/dates';
import { RuleSource } from './RuleSource';
import { SECTION_RULES } from './ruleSources';

/** The plan as the clinician recorded it: the drug they chose, calcium, vitamin D, referrals, who follows up, dates. */
export function PlanSection({ results }: { results: PortalResultsReady }) {
  const { t } = useTranslation();
  const { plan } = results;
  const { calcium, vitaminD } = plan;
  return (
    <Section title={t('portalResults.plan.title')}>
      <Text>{t(`portalResults.plan.outcome.${plan.outcome}`)}</Text>
      {plan.drug !== null && (
        <Text fw={700} data-testid="plan-drug">
          {t('portalResults.plan.drug', { drug: t(`portalResults.drugs.${plan.drug.code}`) })}
        </Text>
      )}
      {calcium.supplement ? (
        <Text>
          {calcium.supplementMgPerDay === null
            ? t('portalResults.plan.calciumSupplementNoDose')
            : t('portalResults.plan.calciumSupplement', { mg: calcium.supplementMgPerDay })}
        </Text>
      ) : (
        calcium.requirementMgPerDay !== null && (
          <Text>{t('portalResults.plan.calciumDiet', { mg: calcium.requirementMgPerDay })}</Text>
        )
      )}
      {vitaminD.supplement && (
        <Text>
          {vitaminD.iuPerDay === null
            ? t('portalResults.plan.vitaminDNoDose')
            : t('portalResults.plan.vitaminD', { iu: vitaminD.iuPerDay })}
        </Text>
      )}
      {plan.referrals.length > 0 && (
        <>
          <Title order={3} size="h5">
            {t('portalResults.plan.referralsTitle')}
          </Title>
          <List>
            {plan.referrals.map((r) => (
              <List.Item key={r.kind}>{t(`portalResults.plan.referral.${r.kind}`)}</List.Item>
            ))}
          </List>
        </>
      )}
      {plan.careOwner !== null && <Text>{t(`portalResults.plan.careOwner.${plan.careOwner}`)}</Text>}
      {plan.followUp.length > 0 && (
        <>
          <Title order={3} size="h5">
            {t('portalResults.plan.followUpTitle')}
          </Title>
          <List>
            {plan.followUp.map((f) => (
              <List.Item key={`${f.kind}-${f.dueDate}`}>
                {t('portalResults.plan.followUpItem', {
                  date: formatDate(f.dueDate),
                  what: t(`portalResults.plan.followUp.${f.kind}`),
                })}
              </List.Item>
            ))}
          </List>
        </>
      )}
      <RuleSource rules={SECTION_RULES.plan} />
    </Section>
  );
}
