import { Button, Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Fracture } from '@osteopad/contract';
import { EmptyNote } from '../common/EmptyNote';
import { Section } from '../common/Section';
import { formatDate } from '../format/dates';
import { eligibilityLabel, encounterTypeLabel, traumaMechanismLabel } from '../i18n/labels';

interface FracturesTableProps {
  fractures: readonly Fracture[];
  /** Clinicians may include a fracture the rules excluded (absent: the user may not). */
  onInclude?: (fractureId: string) => void;
}

const isExcluded = (fracture: Fracture): boolean => fracture.eligibility === 'excluded';

export function FracturesTable({ fractures, onInclude }: FracturesTableProps) {
  const { t } = useTranslation();
  const yesNo = (value: boolean | null): string =>
    value === null ? t('common.notRecorded') : value ? t('common.yes') : t('common.no');
  return (
    <Section title={t('patient.fractures.title')}>
      {fractures.length === 0 ? (
        <EmptyNote>{t('patient.fractures.empty')}</EmptyNote>
      ) : (
        <Table.ScrollContainer minWidth={720}>
          <Table striped aria-label={t('patient.fractures.title')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('patient.fractures.date')}</Table.Th>
                <Table.Th scope="col">{t('patient.fractures.site')}</Table.Th>
                <Table.Th scope="col">{t('patient.fractures.icd10')}</Table.Th>
                <Table.Th scope="col">{t('patient.fractures.encounter')}</Table.Th>
                <Table.Th scope="col">{t('patient.fractures.trauma')}</Table.Th>
                <Table.Th scope="col">{t('patient.fractures.pathological')}</Table.Th>
                <Table.Th scope="col">{t('patient.fractures.eligibility')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {fractures.map((fracture) => (
                <Table.Tr key={fracture.id}>
                  <Table.Td>{formatDate(fracture.fractureDate)}</Table.Td>
                  <Table.Td>{fracture.siteText}</Table.Td>
                  <Table.Td ff="monospace">{fracture.icd10Code}</Table.Td>
                  <Table.Td>{encounterTypeLabel(t, fracture.encounterType)}</Table.Td>
                  <Table.Td>{traumaMechanismLabel(t, fracture.traumaMechanism)}</Table.Td>
                  <Table.Td>{yesNo(fracture.pathological)}</Table.Td>
                  <Table.Td>
                    {eligibilityLabel(t, fracture.eligibility)}
                    {onInclude !== undefined && isExcluded(fracture) && (
                      <Button
                        size="compact-sm"
                        variant="light"
                        ml="xs"
                        aria-label={t('patients.includeFractureOf', {
                          date: formatDate(fracture.fractureDate),
                        })}
                        onClick={() => {
                          onInclude(fracture.id);
                        }}
                      >
                        {t('worklist.include')}
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Section>
  );
}
