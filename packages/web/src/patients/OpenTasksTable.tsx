import { Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Task } from '@osteopad/contract';
import { EmptyNote } from '../common/EmptyNote';
import { Section } from '../common/Section';
import { formatDate } from '../format/dates';
import { anyRoleLabel, taskKindLabel } from '../i18n/labels';

interface OpenTasksTableProps {
  tasks: readonly Task[];
}

/** Dated work still to do for this patient, soonest first. */
export function OpenTasksTable({ tasks }: OpenTasksTableProps) {
  const { t } = useTranslation();
  return (
    <Section title={t('patient.tasks.title')}>
      {tasks.length === 0 ? (
        <EmptyNote>{t('patient.tasks.empty')}</EmptyNote>
      ) : (
        <Table striped aria-label={t('patient.tasks.title')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('patient.tasks.kind')}</Table.Th>
              <Table.Th scope="col">{t('patient.tasks.dueDate')}</Table.Th>
              <Table.Th scope="col">{t('patient.tasks.assignee')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {tasks.map((task) => (
              <Table.Tr key={task.id}>
                <Table.Td>{taskKindLabel(t, task.kind)}</Table.Td>
                <Table.Td>{formatDate(task.dueDate)}</Table.Td>
                <Table.Td>{anyRoleLabel(t, task.assigneeRole)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Section>
  );
}
