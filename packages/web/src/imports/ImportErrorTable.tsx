import { Table, Text, Title } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportError } from '@osteopad/contract';

interface ImportErrorTableProps {
  /** Errors (rows not taken) or warnings (rows taken that deserve a look): same shape, own wording. */
  kind: 'errors' | 'warnings';
  errors: readonly ImportError[];
  /** Problems the server counted but did not list (it lists the first thousand). */
  notListed: number;
}

/**
 * Row, field and message of every problem. The messages are the import program's own English
 * sentences, written for the people who fix the export; they are shown as they are, marked as English.
 */
export function ImportErrorTable({ kind, errors, notListed }: ImportErrorTableProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const warnings = kind === 'warnings';
  return (
    <section aria-labelledby={headingId}>
      <Title order={3} size="h5" id={headingId} mb={4}>
        {warnings ? t('imports.summary.warningsTitle') : t('imports.summary.errorsTitle')}
      </Title>
      {warnings && (
        <Text size="sm" mb={4}>
          {t('imports.summary.warningsHint')}
        </Text>
      )}
      <Text size="sm" c="dimmed" mb="xs">
        {t('imports.summary.errorsLanguage')}
      </Text>
      <Table.ScrollContainer minWidth={640}>
        <Table striped aria-labelledby={headingId} fz="sm" verticalSpacing={4}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col" w={90}>
                {t('imports.summary.columns.row')}
              </Table.Th>
              <Table.Th scope="col" w="25%">
                {t('imports.summary.columns.field')}
              </Table.Th>
              <Table.Th scope="col">{t('imports.summary.columns.message')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {errors.map((error, index) => (
              <Table.Tr key={`${String(error.row)}:${error.field}:${String(index)}`}>
                <Table.Td>{error.row === 0 ? t('imports.summary.fileLevel') : error.row}</Table.Td>
                <Table.Td ff="monospace">{error.field}</Table.Td>
                <Table.Td lang="en">{error.message}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {notListed > 0 && (
        <Text size="sm" mt="xs">
          {warnings
            ? t('imports.summary.warningsNotListed', { count: notListed })
            : t('imports.summary.errorsNotListed', { count: notListed })}
        </Text>
      )}
    </section>
  );
}
