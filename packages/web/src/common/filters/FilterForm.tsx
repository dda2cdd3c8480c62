import { Badge, Button, CloseButton, Group, Paper, SimpleGrid, Title, VisuallyHidden } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useId, useState, type ReactNode, type SubmitEvent } from 'react';

/** "Filters", or "Filters (2)" while two are in force. */
export function filterToggleLabel(t: TFunction, inForce: number): string {
  return inForce === 0 ? t('common.filters.toggle') : t('common.filters.toggleActive', { count: inForce });
}

/** An applied filter as a removable chip: "Leeftijd vanaf: 80". */
export interface FilterChip {
  readonly id: string;
  readonly label: string;
  readonly onRemove: () => void;
}

interface FilterFormProps {
  title: string;
  applyLabel: string;
  resetLabel: string;
  /** The button that opens and folds the fields, with the number of filters in force. */
  toggleLabel: string;
  /** The chips' group; each chip's remove button says which filter it removes. */
  chipsLabel: string;
  removeLabel: (filter: string) => string;
  /** Fields side by side on a wide screen. */
  columns: number;
  /** The filters in force, shown as chips in the one line the form folds into. */
  chips: readonly FilterChip[];
  /** Open at first (a search screen). */
  initiallyOpen?: boolean;
  /** A field is refused: the fields stay open to show why, next to it. */
  hasErrors?: boolean;
  onSubmit: () => void;
  onReset: () => void;
  /** At the end of the one line: what the list says about itself (its count, its letter language). */
  aside?: ReactNode;
  /** The fields. */
  children: ReactNode;
}

/**
 * A list's filters, folded into one line so the list stays in view: a button that opens the fields, the
 * filters in force as removable chips, and "reset" while any is in force. Opened, the fields in a grid
 * with apply and reset. A search landmark named by its heading. The parent remounts the form when the
 * applied filter changes, so it folds again after "apply".
 */
export function FilterForm({
  title,
  applyLabel,
  resetLabel,
  toggleLabel,
  chipsLabel,
  removeLabel,
  columns,
  chips,
  initiallyOpen = false,
  hasErrors = false,
  onSubmit,
  onReset,
  aside,
  children,
}: FilterFormProps) {
  const headingId = useId();
  const fieldsId = useId();
  const [opened, setOpened] = useState(initiallyOpen);
  const open = opened || hasErrors;
  return (
    <Paper component="section" withBorder px="md" py={6} aria-labelledby={headingId}>
      <VisuallyHidden>
        <Title order={2} id={headingId}>
          {title}
        </Title>
      </VisuallyHidden>
      <Group gap="sm" wrap="wrap" align="center">
        <Button
          variant={open ? 'light' : 'default'}
          size="xs"
          aria-expanded={open}
          aria-controls={open ? fieldsId : undefined}
          onClick={() => {
            setOpened(!open);
          }}
        >
          {toggleLabel}
        </Button>
        {chips.length > 0 && (
          <Group component="ul" gap={6} wrap="wrap" aria-label={chipsLabel} m={0} p={0}>
            {chips.map((chip) => (
              <Badge
                key={chip.id}
                component="li"
                variant="light"
                color="gray"
                size="lg"
                tt="none"
                fw={500}
                styles={{ root: { listStyle: 'none' } }}
                rightSection={
                  <CloseButton size="xs" aria-label={removeLabel(chip.label)} onClick={chip.onRemove} />
                }
              >
                {chip.label}
              </Badge>
            ))}
          </Group>
        )}
        {chips.length > 0 && !open && (
          <Button type="button" variant="subtle" size="xs" onClick={onReset}>
            {resetLabel}
          </Button>
        )}
        {aside !== undefined && (
          <Group gap="md" wrap="wrap" align="center" ml="auto">
            {aside}
          </Group>
        )}
      </Group>
      {open && (
        <form
          id={fieldsId}
          role="search"
          aria-labelledby={headingId}
          noValidate
          onSubmit={(event: SubmitEvent<HTMLFormElement>) => {
            event.preventDefault();
            onSubmit();
          }}
        >
          <SimpleGrid cols={{ base: 1, sm: 2, lg: columns }} spacing="sm" mt="sm">
            {children}
          </SimpleGrid>
          <Group mt="md" mb="xs" gap="sm">
            <Button type="submit">{applyLabel}</Button>
            <Button type="button" variant="default" onClick={onReset}>
              {resetLabel}
            </Button>
          </Group>
        </form>
      )}
    </Paper>
  );
}
