import { Badge, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AuditEvent } from '@osteopad/contract';
import { formatDateTime } from '../format/dates';
import {
  anyRoleLabel,
  auditActionLabel,
  auditObjectTypeLabel,
  auditOutcomeLabel,
  auditReasonLabel,
} from '../i18n/labels';

interface AuditTableProps {
  events: readonly AuditEvent[];
}

function outcomeColor(outcome: string): string {
  switch (outcome) {
    case 'success':
      return 'green';
    case 'failure':
      return 'orange';
    default:
      return 'red';
  }
}

export function AuditTable({ events }: AuditTableProps) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={1100}>
      <Table striped aria-label={t('audit.tableLabel')} fz="sm" verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('audit.columns.time')}</Table.Th>
            <Table.Th scope="col">{t('audit.columns.user')}</Table.Th>
            <Table.Th scope="col">{t('audit.columns.role')}</Table.Th>
            <Table.Th scope="col">{t('audit.columns.action')}</Table.Th>
            <Table.Th scope="col">{t('audit.columns.object')}</Table.Th>
            <Table.Th scope="col">{t('audit.columns.patient')}</Table.Th>
            <Table.Th scope="col">{t('audit.columns.outcome')}</Table.Th>
            <Table.Th scope="col">{t('audit.columns.clientAddress')}</Table.Th>
            <Table.Th scope="col">{t('audit.columns.reason')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {events.map((event) => (
            <Table.Tr key={event.id}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <time dateTime={event.occurredAt}>{formatDateTime(event.occurredAt)}</time>
              </Table.Td>
              <Table.Td>{event.username}</Table.Td>
              <Table.Td>{event.role === '' ? t('common.notRecorded') : anyRoleLabel(t, event.role)}</Table.Td>
              <Table.Td>{auditActionLabel(t, event.action)}</Table.Td>
              <Table.Td>
                {auditObjectTypeLabel(t, event.objectType)}
                {/* For a patient record the id is already in the patient column. */}
                {event.objectId !== '' && event.objectId !== event.patientId && (
                  <Text span display="block" size="xs" ff="monospace" style={{ wordBreak: 'break-all' }}>
                    {event.objectId}
                  </Text>
                )}
              </Table.Td>
              <Table.Td ff="monospace" fz="xs" style={{ wordBreak: 'break-all' }}>
                {event.patientId ?? ''}
              </Table.Td>
              <Table.Td>
                <Badge variant="light" color={outcomeColor(event.outcome)}>
                  {auditOutcomeLabel(t, event.outcome)}
                </Badge>
              </Table.Td>
              <Table.Td ff="monospace" fz="xs">
                {event.clientAddress ?? ''}
              </Table.Td>
              <Table.Td>{auditReasonLabel(t, event.reason)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
