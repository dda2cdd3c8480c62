import { NativeSelect, TextInput } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import {
  EXCLUDED_FRACTURE_SITES,
  PATIENT_GROUPS,
  QUALIFYING_FRACTURE_SITES,
  WORKLIST_SOURCE_FILTERS,
  type WorklistView,
} from '@osteopad/contract';
import type { WorklistFilter } from '../api/worklist';
import { CodeFilterSelect } from '../common/filters/CodeFilterSelect';
import { DateFilterInput } from '../common/filters/DateFilterInput';
import { filterToggleLabel, FilterForm, type FilterChip } from '../common/filters/FilterForm';
import { useFilterForm } from '../common/filters/useFilterForm';
import { fractureSiteLabel, fractureSourceLabel, patientGroupLabel } from '../i18n/labels';
import {
  EMPTY_WORKLIST_FILTER_FORM,
  toWorklistFilter,
  type WorklistFilterErrors,
  type WorklistFilterField,
  type WorklistFilterForm,
} from './worklistFilterForm';

interface WorklistFiltersProps {
  view: WorklistView;
  /** The form's starting values; the parent remounts the form when the applied filter changes. */
  initial: WorklistFilterForm;
  /** Refusals from the server, placed next to their fields. */
  serverErrors: WorklistFilterErrors;
  onApply: (filter: WorklistFilter) => void;
  onReset: () => void;
  /** At the end of the filters' line: the list's count and letter language. */
  aside?: ReactNode;
}

export function WorklistFilters({
  view,
  initial,
  serverErrors,
  onApply,
  onReset,
  aside,
}: WorklistFiltersProps) {
  const { t } = useTranslation();
  const { field, submit, reset } = useFilterForm({
    initial,
    empty: EMPTY_WORKLIST_FILTER_FORM,
    serverErrors,
    check: (form: WorklistFilterForm) => toWorklistFilter(form, view),
    describeError: (error) => t(`worklist.filters.errors.${error}`),
    onApply,
    onReset,
  });
  // Excluded fractures have no patient group: the filter would mean nothing there.
  const withGroup = view !== 'excluded';
  const siteOptions = (sites: readonly string[]) =>
    sites.map((site) => ({ value: site, label: fractureSiteLabel(t, site) }));

  // The filters in force, each a chip that applies the others without it.
  const said = (value: string) => value;
  const chipOf: Record<WorklistFilterField, { label: string; value: (value: string) => string }> = {
    site: { label: t('worklist.filters.site'), value: (value) => fractureSiteLabel(t, value) },
    group: { label: t('worklist.filters.group'), value: (value) => patientGroupLabel(t, value) },
    ageMin: { label: t('worklist.filters.ageMin'), value: said },
    ageMax: { label: t('worklist.filters.ageMax'), value: said },
    fractureFrom: { label: t('worklist.filters.fractureFrom'), value: said },
    fractureTo: { label: t('worklist.filters.fractureTo'), value: said },
    source: { label: t('worklist.filters.source'), value: (value) => fractureSourceLabel(t, value) },
  };
  const chips: FilterChip[] = (Object.keys(initial) as WorklistFilterField[])
    .filter((name) => initial[name] !== '')
    .map((name) => ({
      id: name,
      label: `${chipOf[name].label}: ${chipOf[name].value(initial[name])}`,
      onRemove: () => {
        const without = toWorklistFilter({ ...initial, [name]: '' }, view);
        if (without.ok) onApply(without.filter);
      },
    }));

  return (
    <FilterForm
      title={t('worklist.filters.title')}
      applyLabel={t('worklist.filters.apply')}
      resetLabel={t('worklist.filters.reset')}
      toggleLabel={filterToggleLabel(t, chips.length)}
      chipsLabel={t('common.filters.active')}
      removeLabel={(filter) => t('common.filters.remove', { filter })}
      columns={4}
      chips={chips}
      hasErrors={Object.keys(serverErrors).length > 0}
      onSubmit={submit}
      onReset={reset}
      aside={aside}
    >
      <NativeSelect
        label={t('worklist.filters.site')}
        data={[
          { value: '', label: t('worklist.filters.anySite') },
          { group: t('worklist.filters.qualifyingSites'), items: siteOptions(QUALIFYING_FRACTURE_SITES) },
          { group: t('worklist.filters.excludedSites'), items: siteOptions(EXCLUDED_FRACTURE_SITES) },
        ]}
        {...field('site')}
      />
      {withGroup && (
        <CodeFilterSelect
          label={t('worklist.filters.group')}
          anyLabel={t('worklist.filters.anyGroup')}
          codes={PATIENT_GROUPS}
          labelOf={(group) => patientGroupLabel(t, group)}
          {...field('group')}
        />
      )}
      <TextInput
        label={t('worklist.filters.ageMin')}
        description={t('worklist.filters.ageHelp')}
        inputMode="numeric"
        autoComplete="off"
        {...field('ageMin')}
      />
      <TextInput
        label={t('worklist.filters.ageMax')}
        description={t('worklist.filters.ageHelp')}
        inputMode="numeric"
        autoComplete="off"
        {...field('ageMax')}
      />
      <DateFilterInput
        label={t('worklist.filters.fractureFrom')}
        placeholder={t('worklist.filters.datePlaceholder')}
        {...field('fractureFrom')}
      />
      <DateFilterInput
        label={t('worklist.filters.fractureTo')}
        placeholder={t('worklist.filters.datePlaceholder')}
        {...field('fractureTo')}
      />
      <CodeFilterSelect
        label={t('worklist.filters.source')}
        anyLabel={t('worklist.filters.anySource')}
        codes={WORKLIST_SOURCE_FILTERS}
        labelOf={(source) => fractureSourceLabel(t, source)}
        {...field('source')}
      />
    </FilterForm>
  );
}
