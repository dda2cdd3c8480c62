import { DataList } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PatientDetail } from '@osteopad/contract';
import { EmptyNote } from '../common/EmptyNote';
import { Section } from '../common/Section';

interface GeneralPractitionerProps {
  patient: PatientDetail;
}

/** The huisarts who receives the hand-over letter. */
export function GeneralPractitioner({ patient }: GeneralPractitionerProps) {
  const { t } = useTranslation();
  const rows = [
    [t('patient.gp.name'), patient.gpName],
    [t('patient.gp.practice'), patient.gpPracticeName],
    [t('patient.gp.agb'), patient.gpAgbCode],
    [t('patient.gp.address'), patient.gpAddress],
  ] as const;
  const known = rows.filter(([, value]) => value.trim() !== '');
  return (
    <Section title={t('patient.gp.title')}>
      {known.length === 0 ? (
        <EmptyNote>{t('patient.gp.empty')}</EmptyNote>
      ) : (
        <DataList labelWidth="12rem">
          {known.map(([label, value]) => (
            <DataList.Item key={label}>
              <DataList.ItemLabel>{label}</DataList.ItemLabel>
              <DataList.ItemValue>{value}</DataList.ItemValue>
            </DataList.Item>
          ))}
        </DataList>
      )}
    </Section>
  );
}
