import { Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PatientSummary } from '@osteopad/contract';
import { AnchorLink } from '../common/AnchorLink';
import { formatDate } from '../format/dates';
import { sexLabel } from '../i18n/labels';
import { patientName } from './patientName';

interface PatientTableProps {
  patients: readonly PatientSummary[];
  onOpen: (patientId: string) => void;
}

export function PatientTable({ patients, onOpen }: PatientTableProps) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table striped highlightOnHover aria-label={t('patients.tableLabel')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('patients.columns.name')}</Table.Th>
            <Table.Th scope="col">{t('patients.columns.bsn')}</Table.Th>
            <Table.Th scope="col">{t('patients.columns.birthDate')}</Table.Th>
            <Table.Th scope="col">{t('patients.columns.sex')}</Table.Th>
            <Table.Th scope="col">{t('patients.columns.city')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {patients.map((patient) => (
            <Table.Tr
              key={patient.id}
              className="clickable-row"
              onClick={(event) => {
                // A click on the link itself is handled by the link (including ctrl/middle-click).
                if (event.target instanceof Element && event.target.closest('a') !== null) return;
                onOpen(patient.id);
              }}
            >
              <Table.Td>
                <AnchorLink to="/patients/$patientId" params={{ patientId: patient.id }} fw={500}>
                  {patientName(patient)}
                </AnchorLink>
              </Table.Td>
              <Table.Td ff="monospace">{patient.bsn ?? t('common.notRecorded')}</Table.Td>
              <Table.Td>{formatDate(patient.birthDate)}</Table.Td>
              <Table.Td>{sexLabel(t, patient.sex)}</Table.Td>
              <Table.Td>{patient.city === '' ? t('common.notRecorded') : patient.city}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
