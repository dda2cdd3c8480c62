import { List, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PortalResultsReady } from '@osteopad/contract';
import { Section } from '../common/Section';
import { RuleSource } from './RuleSource';
import { LIFESTYLE_RULE, SECTION_RULES } from './ruleSources';

type Plan = PortalResultsReady['plan'];

/** R10.4: the dental advice that comes with the chosen drug, and the thigh or groin pain to report. */
export function DentalSection({ advice }: { advice: NonNullable<Plan['drug']>['dentalAdvice'] }) {
  const { t } = useTranslation();
  return (
    <Section title={t('portalResults.dental.title')}>
      <Text>{t('portalResults.dental.intro')}</Text>
      <List>
        {advice.map((code) => (
          <List.Item key={code}>{t(`portalResults.dental.advice.${code}`)}</List.Item>
        ))}
      </List>
      <Text>{t('portalResults.dental.thighPain')}</Text>
      <RuleSource rules={SECTION_RULES.dental} />
    </Section>
  );
}

/** R7.3 / R14.6: what the leaflets tell every patient about falling. */
export function FallsSection() {
  const { t } = useTranslation();
  return (
    <Section title={t('portalResults.falls.title')}>
      <Text>{t('portalResults.falls.intro')}</Text>
      <List>
        <List.Item>{t('portalResults.falls.light')}</List.Item>
        <List.Item>{t('portalResults.falls.floor')}</List.Item>
        <List.Item>{t('portalResults.falls.shoes')}</List.Item>
        <List.Item>{t('portalResults.falls.exercise')}</List.Item>
        <List.Item>{t('portalResults.falls.medicines')}</List.Item>
      </List>
      <RuleSource rules={SECTION_RULES.falls} />
    </Section>
  );
}

/** R14: the lifestyle advice of the plan, each with its own rule. */
export function LifestyleSection({ codes }: { codes: Plan['lifestyle'] }) {
  const { t } = useTranslation();
  return (
    <Section title={t('portalResults.lifestyle.title')}>
      <Text>{t('portalResults.lifestyle.intro')}</Text>
      <List spacing="xs" data-testid="lifestyle">
        {codes.map((code) => (
          <List.Item key={code}>
            <Text>{t(`portalResults.lifestyle.advice.${code}`)}</Text>
            <RuleSource rules={[LIFESTYLE_RULE[code]]} />
          </List.Item>
        ))}
      </List>
    </Section>
  );
}
