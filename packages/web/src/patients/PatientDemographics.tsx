import { DataList } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PatientDetail } from '@osteopad/contract';
import { Section } from '../common/Section';
import { formatDate, formatDateTime } from '../format/dates';
import { sexLabel } from '../i18n/labels';

interface PatientDemographicsProps {
  patient: PatientDetail;
}

export function PatientDemographics({ patient }: PatientDemographicsProps) {
  const { t } = useTranslation();
  const orUnknown = (value: string | null): string =>
    value === null || value.trim() === '' ? t('common.notRecorded') : value;
  const address = [
    `${patient.street} ${patient.houseNumber}`.trim(),
    `${patient.postalCode} ${patient.city}`.trim(),
  ]
    .filter((line) => line !== '')
    .join(', ');
  const hospitalNumber =
    patient.sourceId === null || patient.sourceId === ''
      ? null
      : patient.sourceSystem === null || patient.sourceSystem === ''
        ? patient.sourceId
        : `${patient.sourceId} (${patient.sourceSystem})`;

  const rows: readonly (readonly [label: string, value: string, testId: string])[] = [
    [t('patient.demographics.bsn'), orUnknown(patient.bsn), 'bsn'],
    [t('patient.demographics.birthDate'), formatDate(patient.birthDate), 'birth-date'],
    [t('patient.demographics.sex'), sexLabel(t, patient.sex), 'sex'],
    [t('patient.demographics.address'), orUnknown(address), 'address'],
    [t('patient.demographics.phone'), orUnknown(patient.phone), 'phone'],
    [t('patient.demographics.email'), orUnknown(patient.email), 'email'],
    [t('patient.demographics.hospitalNumber'), orUnknown(hospitalNumber), 'hospital-number'],
    // Which address a letter goes to depends on it: newer hospital messages replace older details.
    [t('patient.demographics.asOf'), formatDateTime(patient.demographicsAsOf), 'details-as-of'],
  ];

  return (
    <Section title={t('patient.demographics.title')}>
      <DataList labelWidth="12rem">
        {rows.map(([label, value, testId]) => (
          <DataList.Item key={testId}>
            <DataList.ItemLabel>{label}</DataList.ItemLabel>
            <DataList.ItemValue data-testid={`patient-${testId}`}>{value}</DataList.ItemValue>
          </DataList.Item>
        ))}
      </DataList>
    </Section>
  );
}
