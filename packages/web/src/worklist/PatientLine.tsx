import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { WorklistItem } from '@osteopad/contract';
import { formatDate } from '../format/dates';
import { patientName } from '../patients/patientName';

interface PatientLineProps {
  item: WorklistItem;
}

/** Who a dialog is about: the name and date of birth, as staff check them on the phone. */
export function PatientLine({ item }: PatientLineProps) {
  const { t } = useTranslation();
  return (
    <Text fw={600}>
      {patientName(item)}
      <Text span c="dimmed" fw={400}>
        {` · ${t('patient.demographics.birthDate')} ${formatDate(item.birthDate)}`}
      </Text>
    </Text>
  );
}
