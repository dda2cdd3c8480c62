import { Button, Group, NativeSelect, Paper, SimpleGrid, TextInput, Title } from '@mantine/core';
import { useId, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { AUDIT_ACTIONS, AUDIT_OUTCOMES } from '../api/codes';
import { auditActionLabel, auditOutcomeLabel } from '../i18n/labels';
import type { AuditFilterErrors, AuditFilterField, AuditFilterForm } from './auditFilterForm';

interface AuditFiltersProps {
  form: AuditFilterForm;
  errors: AuditFilterErrors;
  onChange: (field: AuditFilterField, value: string) => void;
  onSubmit: () => void;
  onReset: () => void;
}

export function AuditFilters({ form, errors, onChange, onSubmit, onReset }: AuditFiltersProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const errorText = (field: AuditFilterField): string | undefined => {
    const error = errors[field];
    return error === undefined ? undefined : t(`audit.filters.errors.${error}`);
  };
  const text = (field: AuditFilterField) => ({
    value: form[field],
    error: errorText(field),
    onChange: (event: { currentTarget: { value: string } }) => {
      onChange(field, event.currentTarget.value);
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
          onSubmit();
        }}
      >
        <Title order={2} size="h4" id={headingId} mb="sm">
          {t('audit.filters.title')}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm">
          <TextInput
            label={t('audit.filters.from')}
            placeholder={t('audit.filters.datePlaceholder')}
            inputMode="numeric"
            autoComplete="off"
            {...text('from')}
          />
          <TextInput
            label={t('audit.filters.to')}
            placeholder={t('audit.filters.datePlaceholder')}
            inputMode="numeric"
            autoComplete="off"
            {...text('to')}
          />
          <TextInput
            label={t('audit.filters.username')}
            autoComplete="off"
            spellCheck={false}
            {...text('username')}
          />
          <NativeSelect
            label={t('audit.filters.action')}
            data={[
              { value: '', label: t('audit.filters.anyAction') },
              ...AUDIT_ACTIONS.map((action) => ({ value: action, label: auditActionLabel(t, action) })),
            ]}
            {...text('action')}
          />
          <TextInput
            label={t('audit.filters.patientId')}
            autoComplete="off"
            spellCheck={false}
            styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
            {...text('patientId')}
          />
          <NativeSelect
            label={t('audit.filters.outcome')}
            data={[
              { value: '', label: t('audit.filters.anyOutcome') },
              ...AUDIT_OUTCOMES.map((outcome) => ({ value: outcome, label: auditOutcomeLabel(t, outcome) })),
            ]}
            {...text('outcome')}
          />
        </SimpleGrid>
        <Group mt="md" gap="sm">
          <Button type="submit">{t('audit.filters.apply')}</Button>
          <Button type="button" variant="default" onClick={onReset}>
            {t('audit.filters.reset')}
          </Button>
        </Group>
      </form>
    </Paper>
  );
}
