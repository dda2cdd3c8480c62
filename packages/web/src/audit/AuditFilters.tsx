import { TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditFilter } from '../api/audit';
import { AUDIT_ACTIONS, AUDIT_OUTCOMES, type AuditPatient } from '@osteopad/contract';
import { CodeFilterSelect } from '../common/filters/CodeFilterSelect';
import { DateFilterInput } from '../common/filters/DateFilterInput';
import { filterToggleLabel, FilterForm } from '../common/filters/FilterForm';
import { useFilterForm } from '../common/filters/useFilterForm';
import { auditActionLabel, auditOutcomeLabel } from '../i18n/labels';
import { EMPTY_AUDIT_FILTER_FORM, toAuditFilter, type AuditFilterErrors } from './auditFilterForm';
import { AuditPatientPicker } from './AuditPatientPicker';

interface AuditFiltersProps {
  /** Refusals from the server, placed next to their fields. */
  serverErrors: AuditFilterErrors;
  onApply: (filter: AuditFilter) => void;
  onReset: () => void;
}

export function AuditFilters({ serverErrors, onApply, onReset }: AuditFiltersProps) {
  const { t } = useTranslation();
  const [patient, setPatient] = useState<AuditPatient | null>(null);
  const { field, submit, reset } = useFilterForm({
    initial: EMPTY_AUDIT_FILTER_FORM,
    empty: EMPTY_AUDIT_FILTER_FORM,
    serverErrors,
    check: toAuditFilter,
    describeError: (error) => t(`audit.filters.errors.${error}`),
    onApply,
    onReset,
  });

  // The form holds the chosen patient's id; the picker shows who it is.
  const patientField = field('patientId');

  return (
    <FilterForm
      title={t('audit.filters.title')}
      applyLabel={t('audit.filters.apply')}
      resetLabel={t('audit.filters.reset')}
      toggleLabel={filterToggleLabel(t, 0)}
      chipsLabel={t('common.filters.active')}
      removeLabel={(filter) => t('common.filters.remove', { filter })}
      columns={3}
      // The audit log is searched first: its fields stay open, and what is applied stays in them.
      chips={[]}
      initiallyOpen
      onSubmit={submit}
      onReset={() => {
        setPatient(null);
        reset();
      }}
    >
      <DateFilterInput
        label={t('audit.filters.from')}
        placeholder={t('audit.filters.datePlaceholder')}
        {...field('from')}
      />
      <DateFilterInput
        label={t('audit.filters.to')}
        placeholder={t('audit.filters.datePlaceholder')}
        {...field('to')}
      />
      <TextInput
        label={t('audit.filters.username')}
        autoComplete="off"
        spellCheck={false}
        {...field('username')}
      />
      <CodeFilterSelect
        label={t('audit.filters.action')}
        anyLabel={t('audit.filters.anyAction')}
        codes={AUDIT_ACTIONS}
        labelOf={(action) => auditActionLabel(t, action)}
        {...field('action')}
      />
      <AuditPatientPicker
        chosen={patient !== null && patient.id === patientField.value ? patient : null}
        error={patientField.error}
        onChoose={(chosen) => {
          setPatient(chosen);
          patientField.onChange({ currentTarget: { value: chosen.id } });
        }}
        onRemove={() => {
          setPatient(null);
          patientField.onChange({ currentTarget: { value: '' } });
        }}
      />
      <CodeFilterSelect
        label={t('audit.filters.outcome')}
        anyLabel={t('audit.filters.anyOutcome')}
        codes={AUDIT_OUTCOMES}
        labelOf={(outcome) => auditOutcomeLabel(t, outcome)}
        {...field('outcome')}
      />
    </FilterForm>
  );
}
