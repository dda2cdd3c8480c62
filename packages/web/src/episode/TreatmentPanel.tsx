import { Alert, Badge, Group, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isOneOf, TREATMENT_DRUGS, TREATMENT_STATUSES, type EpisodePage } from '@osteopad/contract';
import { EmptyNote } from '../common/EmptyNote';
import { Section } from '../common/Section';
import { formatDate } from '../format/dates';
import { OverdueBadge } from './OverdueBadge';

type Course = EpisodePage['treatments'][number];

interface TreatmentPanelProps {
  treatments: EpisodePage['treatments'];
  openTasks: EpisodePage['openTasks'];
  settings: EpisodePage['followUp'];
}

/**
 * The episode's treatment courses: drug, status, start, last and next dose, with the warning of an
 * overdue dose. A missed denosumab injection escalates (R11.4: rebound bone loss); the days after which
 * it does are this installation's settings, not RULES.md, and the page says so.
 */
export function TreatmentPanel({ treatments, openTasks, settings }: TreatmentPanelProps) {
  const { t } = useTranslation();
  const drugLabel = (drug: string) => (isOneOf(TREATMENT_DRUGS, drug) ? t(`episode.drug.${drug}`) : drug);
  const doseTask = (course: Course) =>
    openTasks.find((task) => task.treatmentId === course.id && task.dueDate === course.nextDoseOn);
  const overdueDenosumab = treatments.some(
    (course) => course.drug === 'denosumab' && (doseTask(course)?.overdueLevel ?? 'none') !== 'none',
  );
  const follows = (course: Course) => treatments.find((c) => c.id === course.followsTreatmentId);
  return (
    <Section title={t('episode.treatment.title')}>
      {treatments.length === 0 ? (
        <EmptyNote>{t('episode.treatment.empty')}</EmptyNote>
      ) : (
        <Stack gap="sm">
          <Table data-testid="treatments">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('episode.treatment.drug')}</Table.Th>
                <Table.Th>{t('episode.treatment.status')}</Table.Th>
                <Table.Th>{t('episode.treatment.startedOn')}</Table.Th>
                <Table.Th>{t('episode.treatment.lastDose')}</Table.Th>
                <Table.Th>{t('episode.treatment.nextDose')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {treatments.map((course) => {
                const previous = follows(course);
                return (
                  <Table.Tr key={course.id} data-drug={course.drug}>
                    <Table.Td>
                      {drugLabel(course.drug)}
                      {previous !== undefined && (
                        <Text size="xs" c="dimmed">
                          {t('episode.treatment.follows', { drug: drugLabel(previous.drug) })}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Badge
                        variant="filled"
                        autoContrast
                        color={course.status === 'active' ? 'green.2' : 'gray.3'}
                      >
                        {isOneOf(TREATMENT_STATUSES, course.status)
                          ? t(`episode.treatmentStatus.${course.status}`)
                          : course.status}
                      </Badge>
                      {course.endedOn !== null && (
                        <Text size="xs" c="dimmed">
                          {t('episode.treatment.endedOn', { date: formatDate(course.endedOn) })}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>{formatDate(course.startedOn)}</Table.Td>
                    <Table.Td>
                      {course.lastDoseOn === null
                        ? t('episode.treatment.none')
                        : formatDate(course.lastDoseOn)}
                    </Table.Td>
                    <Table.Td data-testid="next-dose">
                      {course.nextDoseOn === null ? (
                        t('episode.treatment.none')
                      ) : (
                        <Group gap="xs">
                          <span>{formatDate(course.nextDoseOn)}</span>
                          <OverdueBadge level={doseTask(course)?.overdueLevel ?? 'none'} />
                        </Group>
                      )}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
          {overdueDenosumab && (
            <Alert variant="light" color="orange" data-testid="denosumab-overdue">
              <Stack gap={4}>
                <Text size="sm">{t('episode.treatment.denosumabOverdue')}</Text>
                <Group gap="xs">
                  <Text size="sm">
                    {t('episode.treatment.thresholds', {
                      urgent: settings.denosumabOverdueDays.urgent,
                      critical: settings.denosumabOverdueDays.critical,
                    })}
                  </Text>
                  <Badge color="dark" variant="outline">
                    {t('episode.treatment.unconfirmed')}
                  </Badge>
                </Group>
              </Stack>
            </Alert>
          )}
        </Stack>
      )}
    </Section>
  );
}
