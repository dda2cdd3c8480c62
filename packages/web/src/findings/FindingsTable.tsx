import { Badge, Button, Group, Stack, Table, Text } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { FindingDecision } from '../api/reportFindings';
import type { ReportFinding } from '@osteopad/contract';
import { AnchorLink } from '../common/AnchorLink';
import { formatDate } from '../format/dates';
import { FindingCertainty } from './FindingCertainty';
import { FindingSentence } from './FindingSentence';
import { findingPatientName } from './findingPatientName';

interface FindingsTableProps {
  findings: readonly ReportFinding[];
  onReview: (finding: ReportFinding, decision: FindingDecision) => void;
}

export function FindingsTable({ findings, onReview }: FindingsTableProps) {
  const { t } = useTranslation();
  const explanationId = useId();
  const anyUnmatched = findings.some((finding) => finding.patientId === null);
  return (
    <Stack gap="xs">
      {/* Said once for the page; the Bevestigen button of each unmatched finding points here. */}
      {anyUnmatched && (
        <Text size="sm" id={explanationId}>
          {t('findings.unmatchedHelp')}
        </Text>
      )}
      <Table.ScrollContainer minWidth={1100}>
        <Table striped aria-label={t('findings.tableLabel')} fz="sm" verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('findings.columns.reportDate')}</Table.Th>
              <Table.Th scope="col">{t('findings.columns.report')}</Table.Th>
              <Table.Th scope="col">{t('findings.columns.patient')}</Table.Th>
              <Table.Th scope="col">{t('findings.columns.levels')}</Table.Th>
              <Table.Th scope="col">{t('findings.columns.genant')}</Table.Th>
              <Table.Th scope="col">{t('findings.columns.certainty')}</Table.Th>
              <Table.Th scope="col">{t('findings.columns.known')}</Table.Th>
              <Table.Th scope="col" w="35%">
                {t('findings.columns.sentence')}
              </Table.Th>
              <Table.Th scope="col">{t('findings.columns.actions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {findings.map((finding) => {
              const matched = finding.patientId !== null;
              return (
                <Table.Tr key={finding.id}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(finding.reportDate)}</Table.Td>
                  <Table.Td ff="monospace">{finding.reportId}</Table.Td>
                  <Table.Td>
                    {finding.patientId === null ? (
                      <Text size="sm" fs="italic">
                        {findingPatientName(t, finding)}
                      </Text>
                    ) : (
                      <AnchorLink
                        to="/patients/$patientId"
                        params={{ patientId: finding.patientId }}
                        fw={500}
                      >
                        {findingPatientName(t, finding)}
                      </AnchorLink>
                    )}
                    {finding.birthDate !== null && (
                      <Text size="xs" c="dimmed">
                        {formatDate(finding.birthDate)}
                      </Text>
                    )}
                    <Text size="xs" c="dimmed">
                      {t('findings.patientRef', { ref: finding.patientRef })}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    {finding.levels.length === 0 ? t('findings.noLevels') : finding.levels.join(', ')}
                  </Table.Td>
                  <Table.Td>
                    {finding.genantGrade === null ? t('findings.noGrade') : finding.genantGrade}
                  </Table.Td>
                  <Table.Td>
                    <FindingCertainty finding={finding} />
                  </Table.Td>
                  <Table.Td>
                    {finding.known ? (
                      <Badge color="gray" variant="light" tt="none">
                        {t('findings.knownBadge')}
                      </Badge>
                    ) : (
                      t('findings.notKnown')
                    )}
                  </Table.Td>
                  <Table.Td>
                    <FindingSentence
                      sentence={finding.sentence}
                      highlightStart={finding.highlightStart}
                      highlightEnd={finding.highlightEnd}
                    />
                  </Table.Td>
                  <Table.Td>
                    <Group gap={6} wrap="nowrap">
                      <Button
                        size="compact-sm"
                        variant="light"
                        aria-label={t('findings.confirmFor', { report: finding.reportId })}
                        aria-describedby={matched ? undefined : explanationId}
                        onClick={() => {
                          onReview(finding, 'confirm');
                        }}
                      >
                        {t('findings.confirm')}
                      </Button>
                      <Button
                        size="compact-sm"
                        variant="default"
                        aria-label={t('findings.dismissFor', { report: finding.reportId })}
                        onClick={() => {
                          onReview(finding, 'dismiss');
                        }}
                      >
                        {t('findings.dismiss')}
                      </Button>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}
