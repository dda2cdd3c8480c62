import { List, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PortalResultsReady } from '@osteopad/contract';
import { Section } from '../common/Section';
import { RuleSource } from './RuleSource';
import { SECTION_RULES } from './ruleSources';

const GRADES = ['1', '2', '3'] as const;
type Grade = (typeof GRADES)[number];
const gradeOf = (grade: number): Grade | null => GRADES.find((g) => g === String(grade)) ?? null;

/** R5: what a vertebral fracture and its Genant grade are, and the patient's fractured vertebrae. */
export function VfaSection({ results }: { results: PortalResultsReady }) {
  const { t } = useTranslation();
  const { vfa } = results;
  return (
    <Section title={t('portalResults.vfa.title')}>
      <Title order={3} size="h5">
        {t('portalResults.vfa.whatTitle')}
      </Title>
      <Text>{t('portalResults.vfa.what')}</Text>
      <Title order={3} size="h5">
        {t('portalResults.vfa.gradesTitle')}
      </Title>
      <List size="sm" spacing={2}>
        <List.Item>{t('portalResults.vfa.grade1')}</List.Item>
        <List.Item>{t('portalResults.vfa.grade2')}</List.Item>
        <List.Item>{t('portalResults.vfa.grade3')}</List.Item>
      </List>
      <Title order={3} size="h5">
        {t('portalResults.vfa.yoursTitle')}
      </Title>
      {vfa.status === 'notDone' ? (
        <Text>{t('portalResults.vfa.notDone')}</Text>
      ) : vfa.status === 'notAssessable' ? (
        <Text>{t('portalResults.vfa.notAssessable')}</Text>
      ) : vfa.fractures.length === 0 ? (
        <Text>{t('portalResults.vfa.noFracture')}</Text>
      ) : (
        <List data-testid="vfa-fractures">
          {vfa.fractures.map((f) => {
            const grade = gradeOf(f.grade);
            return (
              <List.Item key={f.level}>
                {t('portalResults.vfa.fracture', {
                  level: f.level,
                  grade: f.grade,
                  label: grade === null ? String(f.grade) : t(`portalResults.vfa.gradeLabel.${grade}`),
                })}
              </List.Item>
            );
          })}
        </List>
      )}
      <RuleSource rules={SECTION_RULES.vfa} />
    </Section>
  );
}
