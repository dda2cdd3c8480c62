import { Paper, SimpleGrid, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export interface Count {
  label: string;
  value: number;
  /** A stable name for tests and styling: `rows`, `imported` … */
  name: string;
}

interface ImportCountsProps {
  counts: readonly Count[];
}

/** The summary's numbers as a list of term and value (read as "Rijen: 6" by screen readers). */
export function ImportCounts({ counts }: ImportCountsProps) {
  const { t } = useTranslation();
  return (
    <SimpleGrid
      component="dl"
      cols={{ base: 2, sm: 4, lg: counts.length }}
      spacing="sm"
      aria-label={t('imports.summary.countsLabel')}
      m={0}
    >
      {counts.map((count) => (
        <Paper key={count.name} withBorder p="xs" data-testid={`count-${count.name}`}>
          <Text component="dt" size="xs" c="dimmed">
            {count.label}
          </Text>
          <Text component="dd" fw={700} fz="xl" m={0}>
            {count.value}
          </Text>
        </Paper>
      ))}
    </SimpleGrid>
  );
}
