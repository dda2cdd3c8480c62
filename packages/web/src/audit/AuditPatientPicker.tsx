import {
  CloseButton,
  Combobox,
  Group,
  Input,
  Loader,
  Paper,
  Text,
  TextInput,
  useCombobox,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditPatient } from '@osteopad/contract';
import { AUDIT_PATIENT_PICKER_LIMIT, auditPatientsQuery } from '../api/audit';
import { PATIENT_SEARCH_DEBOUNCE_MS } from '../api/patients';
import { formatDate } from '../format/dates';
import { patientName } from '../patients/patientName';
import './i18n/register';

interface AuditPatientPickerProps {
  chosen: AuditPatient | null;
  onChoose: (patient: AuditPatient) => void;
  onRemove: () => void;
  /** A refusal of the filter's patient, from the server. */
  error?: string | undefined;
}

/** Name, hospital number and date of birth: what tells two patients of the same name apart. */
function PatientDetails({ patient }: { patient: AuditPatient }) {
  const { t } = useTranslation();
  return (
    <Text span display="block" size="xs" c="dimmed">
      {t('auditFind.picker.details', {
        hospitalNumber: patient.hospitalNumber ?? t('common.notRecorded'),
        birthDate: formatDate(patient.birthDate),
      })}
    </Text>
  );
}

/**
 * The audit log's patient filter: a search box whose results drop down as options (name, BSN or
 * hospital number; the server's search, 300 ms after typing stops). Nothing is searched, so nothing
 * audited, until the user types. A chosen patient replaces the box until it is removed.
 */
export function AuditPatientPicker({ chosen, onChoose, onRemove, error }: AuditPatientPickerProps) {
  const { t } = useTranslation();
  const chosenLabelId = useId();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), PATIENT_SEARCH_DEBOUNCE_MS);
  const combobox = useCombobox({
    onDropdownClose: () => {
      combobox.resetSelectedOption();
    },
  });
  const query = useQuery({
    ...auditPatientsQuery(debounced),
    enabled: debounced !== '' && chosen === null,
    placeholderData: keepPreviousData,
  });

  if (chosen !== null) {
    return (
      <Input.Wrapper label={t('auditFind.picker.label')} labelElement="div" id={chosenLabelId} error={error}>
        <Paper
          withBorder
          p="xs"
          bg="blue.0"
          data-testid="audit-chosen-patient"
          aria-labelledby={chosenLabelId}
        >
          <Group justify="space-between" wrap="nowrap" gap="xs">
            <div>
              <Text span size="xs" fw={700} display="block" c="blue.9">
                {t('auditFind.picker.chosen')}
              </Text>
              <Text span fw={600} display="block">
                {patientName(chosen)}
              </Text>
              <PatientDetails patient={chosen} />
            </div>
            <CloseButton
              onClick={() => {
                setSearch('');
                onRemove();
              }}
              aria-label={t('auditFind.picker.remove')}
            />
          </Group>
        </Paper>
      </Input.Wrapper>
    );
  }

  const items = query.data?.items ?? [];
  const options =
    query.isPending || query.isFetching ? (
      <Combobox.Empty>{t('auditFind.picker.searching')}</Combobox.Empty>
    ) : query.isError ? (
      <Combobox.Empty>{t('errors.generic')}</Combobox.Empty>
    ) : items.length === 0 ? (
      <Combobox.Empty>{t('auditFind.picker.none')}</Combobox.Empty>
    ) : (
      items.map((patient) => (
        <Combobox.Option value={patient.id} key={patient.id}>
          <Text span fw={600} display="block" size="sm">
            {patientName(patient)}
          </Text>
          <PatientDetails patient={patient} />
        </Combobox.Option>
      ))
    );

  return (
    <Combobox
      store={combobox}
      onOptionSubmit={(id) => {
        const patient = items.find((item) => item.id === id);
        combobox.closeDropdown();
        if (patient !== undefined) onChoose(patient);
      }}
    >
      <Combobox.Target>
        <TextInput
          type="search"
          label={t('auditFind.picker.label')}
          placeholder={t('auditFind.picker.placeholder')}
          description={t('auditFind.picker.help')}
          error={error}
          value={search}
          autoComplete="off"
          spellCheck={false}
          rightSection={query.isFetching ? <Loader size="xs" /> : null}
          onChange={(event) => {
            setSearch(event.currentTarget.value);
            combobox.openDropdown();
            combobox.updateSelectedOptionIndex();
          }}
          onClick={() => {
            combobox.openDropdown();
          }}
          onFocus={() => {
            combobox.openDropdown();
          }}
          onBlur={() => {
            combobox.closeDropdown();
          }}
        />
      </Combobox.Target>
      <Combobox.Dropdown hidden={debounced === ''}>
        <Combobox.Options aria-label={t('auditFind.picker.results')}>{options}</Combobox.Options>
        {items.length >= AUDIT_PATIENT_PICKER_LIMIT && (
          <Combobox.Footer>
            <Text size="xs">{t('auditFind.picker.more')}</Text>
          </Combobox.Footer>
        )}
      </Combobox.Dropdown>
    </Combobox>
  );
}
