import { Alert, List, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PortalResultsReady } from '@osteopad/contract';
import { Section } from '../common/Section';
import { RuleSource } from './RuleSource';
import { DRUG_NOTE_RULES, hasNote } from './ruleSources';

type Drug = NonNullable<PortalResultsReady['plan']['drug']>;

const UNCONFIRMED = new Set(['UNCONFIRMED', 'INFERRED']);

/** R10.2 how to take the chosen drug (the engine's instruction codes stored with the plan) and what to expect. */
export function MedicationSection({ drug }: { drug: Drug }) {
  const { t } = useTranslation();
  const rules = [...new Set(drug.rules.map((r) => r.ruleId))];
  const unconfirmed = drug.rules.some((r) => UNCONFIRMED.has(r.marker));
  return (
    <Section title={t('portalResults.medication.title')}>
      <Text fw={700}>{t(`portalResults.drugs.${drug.code}`)}</Text>
      <Title order={3} size="h5">
        {t('portalResults.medication.howTitle')}
      </Title>
      <List data-testid="drug-instructions">
        {drug.administration.map((code) => (
          <List.Item key={code}>{t(`portalResults.medication.administration.${code}`)}</List.Item>
        ))}
      </List>
      <RuleSource rules={rules} unconfirmed={unconfirmed} />
      {hasNote(drug.code) && (
        <Alert
          color={drug.code === 'denosumab' ? 'red' : 'blue'}
          variant="light"
          title={t(`portalResults.medication.noteTitle.${drug.code}`)}
          data-testid="drug-note"
        >
          <Text>{t(`portalResults.medication.note.${drug.code}`)}</Text>
          <RuleSource rules={[DRUG_NOTE_RULES[drug.code]]} />
        </Alert>
      )}
    </Section>
  );
}
