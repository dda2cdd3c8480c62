import { Badge, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AuditEvent } from '@osteopad/contract';
import { formatDateTime } from '../format/dates';
import { patientName } from '../patients/patientName';
import {
  anyRoleLabel,
  auditActionLabel,
  auditObjectTypeLabel,
  auditOutcomeLabel,
  auditReasonLabel,
} from '../i18n/labels';
import './i18n/register';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Who did it: the user's name, their username under it; Osteopad's own work (no user) in words. */
function ActorCell({ event }: { event: AuditEvent }) {
  const { t } = useTranslation();
  if (event.userId === null && event.actorName === null) {
    return (
      <>
        <Text span display="block" size="sm">
          {t('auditFind.table.system')}
        </Text>
        {event.username !== '' && (
          <Text span display="block" size="xs" c="dimmed">
            {event.username}
          </Text>
        )}
      </>
    );
  }
  return (
    <>
      <Text span display="block" size="sm" fw={500}>
        {event.actorName ?? t('auditFind.table.unknownUser')}
      </Text>
      <Text span display="block" size="xs" c="dimmed">
        {event.username}
      </Text>
    </>
  );
}

/** The patient by name and hospital number; the record's id only as a tooltip. */
function PatientCell({ event }: { event: AuditEvent }) {
  const { t } = useTranslation();
  if (event.patientId === null) return null;
  const { patient } = event;
  if (patient === null) {
    return (
      <Text span size="sm" title={event.patientId}>
        {t('auditFind.table.unknownPatient')}
      </Text>
    );
  }
  return (
    <span title={event.patientId}>
      <Text span display="block" size="sm" fw={500}>
        {patientName(patient)}
      </Text>
      <Text span display="block" size="xs" c="dimmed">
        {patient.hospitalNumber === null
          ? t('auditFind.table.noHospitalNumber')
          : t('auditFind.table.hospitalNumber', { hospitalNumber: patient.hospitalNumber })}
      </Text>
    </span>
  );
}

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
    // On a phone the table scrolls sideways: keyboard users reach the scrolling area itself (WCAG 2.1.1).
    <Table.ScrollContainer
      minWidth={1100}
      scrollAreaProps={{
        viewportProps: { tabIndex: 0, role: 'region', 'aria-label': t('audit.tableLabel') },
      }}
    >
      <Table striped aria-label={t('audit.tableLabel')} fz="sm" verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('audit.columns.time')}</Table.Th>
            <Table.Th scope="col">{t('audit.columns.user')}</Table.Th>
            <Table.Th scope="col">{t('audit.columns.role')}</Table.Th>
            <Table.Th scope="col">{t('audit.columns.action')}</Table.Th>
            <Table.Th scope="col">{t('audit.columns.object')}</Table.Th>
            <Table.Th scope="col">{t('auditFind.table.patientColumn')}</Table.Th>
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
              <Table.Td>
                <ActorCell event={event} />
              </Table.Td>
              <Table.Td>{event.role === '' ? t('common.notRecorded') : anyRoleLabel(t, event.role)}</Table.Td>
              <Table.Td>{auditActionLabel(t, event.action)}</Table.Td>
              <Table.Td>
                {/* A record's id (a UUID) only as a tooltip; a route or a file name is shown. */}
                <Text span size="sm" title={event.objectId === '' ? undefined : event.objectId}>
                  {auditObjectTypeLabel(t, event.objectType)}
                </Text>
                {event.objectId !== '' &&
                  event.objectId !== event.patientId &&
                  !UUID.test(event.objectId) && (
                    <Text span display="block" size="xs" ff="monospace" style={{ wordBreak: 'break-all' }}>
                      {event.objectId}
                    </Text>
                  )}
              </Table.Td>
              <Table.Td>
                <PatientCell event={event} />
              </Table.Td>
              <Table.Td>
                {/* The light badge's own text colour falls short of AA contrast: dark text, as the follow-up badges. */}
                <Badge variant="light" color={outcomeColor(event.outcome)} c="dark.9">
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
