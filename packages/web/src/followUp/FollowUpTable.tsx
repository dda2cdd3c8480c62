import { Badge, Group, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { FollowUpWorklistItem } from '@osteopad/contract';
import { AnchorLink } from '../common/AnchorLink';
import { PatientIdentity } from '../common/PatientIdentity';
import { formatDate } from '../format/dates';
import { taskKindLabel } from '../i18n/labels';
import { patientName } from '../patients/patientName';
import { ClockBadges } from './ClockBadges';

const LEVEL_COLOUR = { overdue: 'orange', urgent: 'red', critical: 'red' } as const;

function OverdueLevel({ level }: { level: string }) {
  const { t } = useTranslation();
  if (level !== 'overdue' && level !== 'urgent' && level !== 'critical') return null;
  return (
    <Badge
      variant={level === 'critical' ? 'filled' : 'light'}
      color={LEVEL_COLOUR[level]}
      c={level === 'critical' ? 'white' : 'dark.9'}
      size="sm"
      tt="none"
      data-overdue-level={level}
    >
      {t(`followUp.overdueLevel.${level}`)}
    </Badge>
  );
}

export function FollowUpTable({ items, today }: { items: readonly FollowUpWorklistItem[]; today: string }) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={1100}>
      <Table striped aria-label={t('followUp.table.label')} fz="sm" verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('followUp.table.patient')}</Table.Th>
            <Table.Th scope="col">{t('followUp.table.task')}</Table.Th>
            <Table.Th scope="col">{t('followUp.table.due')}</Table.Th>
            <Table.Th scope="col">{t('followUp.table.overdue')}</Table.Th>
            <Table.Th scope="col">{t('followUp.table.clocks')}</Table.Th>
            <Table.Th scope="col">{t('followUp.table.episode')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((item) => {
            const name = patientName(item);
            return (
              <Table.Tr key={item.taskId} data-task-kind={item.taskKind}>
                <Table.Td>
                  <AnchorLink
                    to="/patients/$patientId"
                    params={{ patientId: item.patientId }}
                    fw={500}
                    style={{ whiteSpace: 'nowrap' }}
                  >
                    {name}
                  </AnchorLink>
                  <PatientIdentity
                    patient={item}
                    today={today}
                    size="xs"
                    c="dimmed"
                    style={{ whiteSpace: 'nowrap' }}
                  />
                  <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                    {t('followUp.table.fracture', { date: formatDate(item.fractureDate) })}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Group gap={6} wrap="nowrap">
                    <span>{taskKindLabel(t, item.taskKind)}</span>
                    <OverdueLevel level={item.overdueLevel} />
                  </Group>
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  <time dateTime={item.dueDate}>{formatDate(item.dueDate)}</time>
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  {item.daysOverdue > 0 ? t('followUp.daysOverdue', { count: item.daysOverdue }) : ''}
                </Table.Td>
                <Table.Td>
                  <ClockBadges clocks={item.clocks} />
                </Table.Td>
                <Table.Td>
                  <AnchorLink
                    to="/episodes/$episodeId"
                    params={{ episodeId: item.episodeId }}
                    aria-label={t('followUp.table.openFor', { name })}
                  >
                    {t('followUp.table.open')}
                  </AnchorLink>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
