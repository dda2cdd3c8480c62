import { Button, Group, Stack } from '@mantine/core';
import type { ReactNode, SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Section } from '../common/Section';

interface FormPanelProps {
  title: string;
  submitLabel: string;
  submitting: boolean;
  onSubmit: () => void;
  onCancel: () => void;
  children: ReactNode;
}

/**
 * A form of the episode page, shown in the page under its heading (a region named by its title), with
 * Annuleren and the action. In the page rather than in a modal: the worklist's dialogs (Mantine Modal)
 * stay in the worklist's own chunk, which the first load's budget counts.
 */
export function FormPanel({ title, submitLabel, submitting, onSubmit, onCancel, children }: FormPanelProps) {
  const { t } = useTranslation();
  return (
    <Section title={title}>
      <form
        noValidate
        onSubmit={(event: SubmitEvent<HTMLFormElement>) => {
          event.preventDefault();
          onSubmit();
        }}
      >
        <Stack gap="md">
          {children}
          <Group justify="flex-end" gap="sm">
            <Button type="button" variant="default" onClick={onCancel}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={submitting}>
              {submitLabel}
            </Button>
          </Group>
        </Stack>
      </form>
    </Section>
  );
}
