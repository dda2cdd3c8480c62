import { Button, Group, Paper, SimpleGrid, Title } from '@mantine/core';
import { useId, type ReactNode, type SubmitEvent } from 'react';

interface FilterFormProps {
  title: string;
  applyLabel: string;
  resetLabel: string;
  /** Fields side by side on a wide screen. */
  columns: number;
  onSubmit: () => void;
  onReset: () => void;
  /** The fields. */
  children: ReactNode;
}

/** A list's filters: a search landmark named by its heading, the fields in a grid, apply and reset. */
export function FilterForm({
  title,
  applyLabel,
  resetLabel,
  columns,
  onSubmit,
  onReset,
  children,
}: FilterFormProps) {
  const headingId = useId();
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
          {title}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2, lg: columns }} spacing="sm">
          {children}
        </SimpleGrid>
        <Group mt="md" gap="sm">
          <Button type="submit">{applyLabel}</Button>
          <Button type="button" variant="default" onClick={onReset}>
            {resetLabel}
          </Button>
        </Group>
      </form>
    </Paper>
  );
}
