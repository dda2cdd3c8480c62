import { Paper, Radio, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { PATIENT_PAGE_SIZE, PATIENT_SEARCH_DEBOUNCE_MS, patientListQuery } from '../api/patients';
import type { PatientSummary } from '@osteopad/contract';
import { EmptyNote } from '../common/EmptyNote';
import { LoadingState } from '../common/LoadingState';
import { QueryError } from '../common/QueryError';
import { formatDate } from '../format/dates';
import { patientName } from '../patients/patientName';

interface FindingPatientPickerProps {
  chosen: PatientSummary | null;
  onChoose: (patient: PatientSummary) => void;
  /** The id of the "no patient chosen yet" text, which the dialog's action points to while disabled. */
  noneChosenId: string;
}

/** Who a patient is, as staff check it: name on the first line, date of birth and BSN under it. */
function PatientIdentity({ patient }: { patient: PatientSummary }) {
  const { t } = useTranslation();
  return (
    <>
      <Text span fw={600}>
        {patientName(patient)}
      </Text>{' '}
      <Text span display="block" size="sm" c="dimmed">
        {t('findings.picker.details', {
          birthDate: formatDate(patient.birthDate),
          // As in the patient list: the BSN as recorded, or "Niet bekend".
          bsn: patient.bsn ?? t('common.notRecorded'),
        })}
      </Text>
    </>
  );
}

/**
 * Choosing the patient a radiology finding is about, when the report's own reference matched nobody.
 * The same search as the patient list (name, BSN or date of birth); nothing is searched, and so
 * nothing audited, until the user types. The choice stays when the search changes.
 */
export function FindingPatientPicker({ chosen, onChoose, noneChosenId }: FindingPatientPickerProps) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [debouncedSearch] = useDebouncedValue(search.trim(), PATIENT_SEARCH_DEBOUNCE_MS);
  const query = useQuery({
    ...patientListQuery(debouncedSearch, 1),
    enabled: debouncedSearch !== '',
    placeholderData: keepPreviousData,
  });

  const results = (() => {
    if (debouncedSearch === '') return <Text size="sm">{t('findings.picker.typeToSearch')}</Text>;
    if (query.isPending) return <LoadingState />;
    if (query.isError) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
    const { items, total } = query.data;
    return (
      <Stack gap="xs">
        <Text role="status" size="sm" fw={500}>
          {t('patients.count', { count: total })}
        </Text>
        {items.length === 0 ? (
          <EmptyNote>{t('patients.emptySearch')}</EmptyNote>
        ) : (
          <Radio.Group
            label={t('findings.picker.resultsLabel')}
            value={chosen?.id ?? ''}
            onChange={(id) => {
              const patient = items.find((item) => item.id === id);
              if (patient !== undefined) onChoose(patient);
            }}
          >
            <Stack gap="xs" mt={6}>
              {items.map((patient) => (
                <Radio key={patient.id} value={patient.id} label={<PatientIdentity patient={patient} />} />
              ))}
            </Stack>
          </Radio.Group>
        )}
        {total > items.length && (
          <Text size="sm">{t('findings.picker.moreResults', { count: PATIENT_PAGE_SIZE })}</Text>
        )}
      </Stack>
    );
  })();

  return (
    <Stack gap="sm">
      <TextInput
        type="search"
        label={t('findings.picker.searchLabel')}
        placeholder={t('patients.searchPlaceholder')}
        description={t('patients.searchHelp')}
        value={search}
        onChange={(event) => {
          setSearch(event.currentTarget.value);
        }}
        onKeyDown={(event: KeyboardEvent<HTMLInputElement>) => {
          // Enter searches (it already does as you type); it must not confirm for the patient chosen before.
          if (event.key === 'Enter') event.preventDefault();
        }}
        autoComplete="off"
        spellCheck={false}
        data-autofocus
      />
      {results}
      {/* Announced when the choice changes, and kept in view whatever the search shows. */}
      <div aria-live="polite">
        {chosen === null ? (
          <Text size="sm" id={noneChosenId} fs="italic">
            {t('findings.picker.noneChosen')}
          </Text>
        ) : (
          <Paper withBorder p="sm" bg="blue.0" data-testid="chosen-patient">
            <Text size="xs" fw={700} tt="uppercase" c="blue.9">
              {t('findings.picker.chosen')}
            </Text>
            <PatientIdentity patient={chosen} />
          </Paper>
        )}
      </div>
    </Stack>
  );
}
