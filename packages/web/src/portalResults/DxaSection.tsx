import { Alert, List, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PortalResultsReady } from '@osteopad/contract';
import { Section } from '../common/Section';
import { formatDate } from '../format/dates';
import { RuleSource } from './RuleSource';
import { SECTION_RULES } from './ruleSources';
import { formatScore } from './scores';

/** R4: what a T-score is, the patient's scores per site, and the category their clinician recorded. */
export function DxaSection({ results }: { results: PortalResultsReady }) {
  const { t, i18n } = useTranslation();
  const { dxa, diagnosis } = results;
  const score = (value: number | null) =>
    value === null ? t('portalResults.dxa.noValue') : formatScore(value, i18n.language);
  const category = diagnosis.bmdCategory;
  return (
    <Section title={t('portalResults.dxa.title')}>
      <Title order={3} size="h5">
        {t('portalResults.dxa.whatTitle')}
      </Title>
      <Text>{t('portalResults.dxa.what')}</Text>
      <Text>{t('portalResults.dxa.zScore')}</Text>
      {dxa.sites.length === 0 ? (
        <Text>{t('portalResults.dxa.notDone')}</Text>
      ) : (
        <>
          {dxa.date !== null && (
            <Text>{t('portalResults.dxa.measuredOn', { date: formatDate(dxa.date) })}</Text>
          )}
          <Table.ScrollContainer minWidth={280}>
            <Table striped aria-label={t('portalResults.dxa.tableLabel')} data-testid="dxa-sites">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('portalResults.dxa.site')}</Table.Th>
                  <Table.Th scope="col">{t('portalResults.dxa.tScore')}</Table.Th>
                  <Table.Th scope="col">{t('portalResults.dxa.zScore_header')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {dxa.sites.map((site) => (
                  <Table.Tr key={site.site}>
                    <Table.Th scope="row" fw={400}>
                      {t(`portalResults.dxa.sites.${site.site}`)}
                    </Table.Th>
                    <Table.Td>{score(site.tScore)}</Table.Td>
                    <Table.Td>{score(site.zScore)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </>
      )}
      {diagnosis.lowestTScore !== null && diagnosis.lowestSite !== null && (
        <Text data-testid="lowest-t-score">
          {t('portalResults.dxa.lowest', {
            score: formatScore(diagnosis.lowestTScore, i18n.language),
            site: t(`portalResults.dxa.sites.${diagnosis.lowestSite}`),
          })}
        </Text>
      )}
      <Title order={3} size="h5">
        {t('portalResults.dxa.categoryTitle')}
      </Title>
      {category === null ? (
        <Text>{t('portalResults.dxa.noCategory')}</Text>
      ) : (
        <Alert color="blue" variant="light" data-testid="bmd-category">
          <Text fw={700}>
            {t('portalResults.dxa.categoryLabel', { category: t(`portalResults.dxa.category.${category}`) })}
          </Text>
          <Text>{t(`portalResults.dxa.meaning.${category}`)}</Text>
        </Alert>
      )}
      <List size="sm" spacing={2} aria-label={t('portalResults.dxa.categoryTitle')}>
        {(['normal', 'osteopenia', 'osteoporosis'] as const).map((c) => (
          <List.Item key={c}>{t(`portalResults.dxa.meaning.${c}`)}</List.Item>
        ))}
      </List>
      {/* R4.2: "severe" (T ≤ −2.5 and a fragility fracture) is marked UNCONFIRMED (WHO 1994). */}
      <RuleSource rules={SECTION_RULES.dxa} unconfirmed={category === 'severeOsteoporosis'} />
    </Section>
  );
}
