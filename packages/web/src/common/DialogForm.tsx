import { Button, Group, Stack } from '@mantine/core';
import type { ReactNode, SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';

interface DialogFormProps {
  submitLabel: string;
  submitting: boolean;
  /** The action cannot be done yet (a choice is missing); say why in the element `submitDescribedBy` names. */
  submitDisabled?: boolean;
  submitDescribedBy?: string | undefined;
  onSubmit: () => void;
  onCancel: () => void;
  children: ReactNode;
}

/** The body of a dialog that records something: fields, then Annuleren and the action. */
export function DialogForm({
  submitLabel,
  submitting,
  submitDisabled = false,
  submitDescribedBy,
  onSubmit,
  onCancel,
  children,
}: DialogFormProps) {
  const { t } = useTranslation();
  return (
    <form
      noValidate
      onSubmit={(event: SubmitEvent<HTMLFormElement>) => {
        event.preventDefault();
        // Enter in a field submits the form too; a disabled action must not run that way either.
        if (!submitDisabled) onSubmit();
      }}
    >
      <Stack gap="md">
        {children}
        <Group justify="flex-end" gap="sm">
          <Button type="button" variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button
            type="submit"
            loading={submitting}
            disabled={submitDisabled}
            aria-describedby={submitDescribedBy}
          >
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
