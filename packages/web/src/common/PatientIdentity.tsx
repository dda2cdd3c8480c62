import { Text, type TextProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../format/dates';
import { anySexLabel } from '../i18n/labels';

/** Completed years between a birth date and today (both ISO dates): the age as a clinic says it. */
export function ageInYears(birthDate: string, today: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number);
  const [ty, tm, td] = today.split('-').map(Number);
  if (by === undefined || bm === undefined || bd === undefined) return 0;
  if (ty === undefined || tm === undefined || td === undefined) return 0;
  const hadBirthday = tm > bm || (tm === bm && td >= bd);
  return ty - by - (hadBirthday ? 0 : 1);
}

interface PatientIdentityProps extends TextProps {
  /** `sex` a SEXES code (a list may carry one the web does not know yet: worded as unknown). */
  patient: { hospitalNumber: string | null; birthDate: string; sex: string };
  today: string;
}

/**
 * Who the patient is at a glance, as on a wristband: hospital number, date of birth with age, and sex —
 * so that two patients of one name are told apart in every list and on every page header.
 */
export function PatientIdentity({ patient, today, ...text }: PatientIdentityProps) {
  const { t } = useTranslation();
  const values = {
    number: patient.hospitalNumber ?? '',
    date: formatDate(patient.birthDate),
    age: ageInYears(patient.birthDate, today),
    sex: anySexLabel(t, patient.sex),
  };
  return (
    <Text data-testid="patient-identity" {...text}>
      {patient.hospitalNumber === null
        ? t('identity.withoutNumber', values)
        : t('identity.withNumber', values)}
    </Text>
  );
}
