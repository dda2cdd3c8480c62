import { Button, Group, NativeSelect, Paper, SimpleGrid, TextInput, Title } from '@mantine/core';
import { useId, useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  EXCLUDED_FRACTURE_SITES,
  PATIENT_GROUPS,
  QUALIFYING_FRACTURE_SITES,
  WORKLIST_SOURCE_FILTERS,
  type WorklistView,
} from '../api/codes';
import type { WorklistFilter } from '../api/worklist';
import { fractureSiteLabel, fractureSourceLabel, patientGroupLabel } from '../i18n/labels';
import {
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
}

export function WorklistFilters({ view, initial, serverErrors, onApply, onReset }: WorklistFiltersProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const [form, setForm] = useState<WorklistFilterForm>(initial);
  const [formErrors, setFormErrors] = useState<WorklistFilterErrors>({});
  const errors: WorklistFilterErrors = { ...serverErrors, ...formErrors };
  // Excluded fractures have no patient group: the filter would mean nothing there.
  const withGroup = view !== 'excluded';

  const errorText = (field: WorklistFilterField): string | undefined => {
    const error = errors[field];
    return error === undefined ? undefined : t(`worklist.filters.errors.${error}`);
  };
  const field = (name: WorklistFilterField) => ({
    value: form[name],
    error: errorText(name),
    onChange: (event: { currentTarget: { value: string } }) => {
      const value = event.currentTarget.value;
      setForm((current) => ({ ...current, [name]: value }));
    },
  });

  return (
    <Paper component="section" withBorder p="md" aria-labelledby={headingId}>
      <form
        role="search"
        aria-labelledby={headingId}
        noValidate
        onSubmit={(event: SubmitEvent<HTMLFormElement>) => {
          event.preventDefault();
          const result = toWorklistFilter(form, view);
          if (!result.ok) {
            setFormErrors(result.errors);
            return;
          }
          setFormErrors({});
          onApply(result.filter);
        }}
      >
        <Title order={2} size="h4" id={headingId} mb="sm">
          {t('worklist.filters.title')}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="sm">
          <NativeSelect
            label={t('worklist.filters.site')}
            data={[
              { value: '', label: t('worklist.filters.anySite') },
              {
                group: t('worklist.filters.qualifyingSites'),
                items: QUALIFYING_FRACTURE_SITES.map((site) => ({
                  value: site,
                  label: fractureSiteLabel(t, site),
                })),
              },
              {
                group: t('worklist.filters.excludedSites'),
                items: EXCLUDED_FRACTURE_SITES.map((site) => ({
                  value: site,
                  label: fractureSiteLabel(t, site),
                })),
              },
            ]}
            {...field('site')}
          />
          {withGroup && (
            <NativeSelect
              label={t('worklist.filters.group')}
              data={[
                { value: '', label: t('worklist.filters.anyGroup') },
                ...PATIENT_GROUPS.map((group) => ({ value: group, label: patientGroupLabel(t, group) })),
              ]}
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
          <TextInput
            label={t('worklist.filters.fractureFrom')}
            placeholder={t('worklist.filters.datePlaceholder')}
            inputMode="numeric"
            autoComplete="off"
            {...field('fractureFrom')}
          />
          <TextInput
            label={t('worklist.filters.fractureTo')}
            placeholder={t('worklist.filters.datePlaceholder')}
            inputMode="numeric"
            autoComplete="off"
            {...field('fractureTo')}
          />
          <NativeSelect
            label={t('worklist.filters.source')}
            data={[
              { value: '', label: t('worklist.filters.anySource') },
              ...WORKLIST_SOURCE_FILTERS.map((source) => ({
                value: source,
                label: fractureSourceLabel(t, source),
              })),
            ]}
            {...field('source')}
          />
        </SimpleGrid>
        <Group mt="md" gap="sm">
          <Button type="submit">{t('worklist.filters.apply')}</Button>
          <Button type="button" variant="default" onClick={onReset}>
            {t('worklist.filters.reset')}
          </Button>
        </Group>
      </form>
    </Paper>
  );
}
