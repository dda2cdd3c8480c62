import { Table, Text } from '@mantine/core';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import type { UnconfirmedValue } from '@osteopad/contract';
import { ConfigValue } from './ConfigValue';
import { MarkerBadge } from './MarkerBadge';

/** `drugs.risedronateMinRenalMlMin`, allowed to wrap after each dot rather than inside a word. */
function KeyText({ configKey }: { configKey: string }) {
  const parts = configKey.split('.');
  return parts.map((part, index) => (
    <Fragment key={index}>
      {part}
      {index < parts.length - 1 && (
        <>
          .<wbr />
        </>
      )}
    </Fragment>
  ));
}

interface UnconfirmedValuesTableProps {
  values: readonly UnconfirmedValue[];
}

/**
 * One row per value a clinic must still confirm. The key names the row (a row header), so a screen
 * reader says which value a cell belongs to. Source and description are the reference's own English
 * text, marked `lang="en"` so they are pronounced as English.
 */
export function UnconfirmedValuesTable({ values }: UnconfirmedValuesTableProps) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={1100}>
      <Table striped aria-label={t('clinicalConfig.list.tableLabel')} fz="sm" verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col" w="18%">
              {t('clinicalConfig.list.columns.key')}
            </Table.Th>
            <Table.Th scope="col">{t('clinicalConfig.list.columns.value')}</Table.Th>
            <Table.Th scope="col">{t('clinicalConfig.list.columns.marker')}</Table.Th>
            <Table.Th scope="col" w="22%">
              {t('clinicalConfig.list.columns.source')}
            </Table.Th>
            <Table.Th scope="col" w="30%">
              {t('clinicalConfig.list.columns.description')}
            </Table.Th>
            <Table.Th scope="col">{t('clinicalConfig.list.columns.conflicts')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {values.map((value) => (
            <Table.Tr key={value.key} data-key={value.key}>
              <Table.Th scope="row" fw={500} ff="monospace" fz="xs" style={{ overflowWrap: 'anywhere' }}>
                <KeyText configKey={value.key} />
              </Table.Th>
              <Table.Td>
                <ConfigValue value={value.value} />
              </Table.Td>
              <Table.Td>
                <MarkerBadge marker={value.marker} />
              </Table.Td>
              <Table.Td lang="en">{value.source}</Table.Td>
              <Table.Td lang="en">{value.description}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                {value.conflicts.length === 0 ? (
                  <Text span size="sm" c="dimmed">
                    {t('clinicalConfig.list.noConflicts')}
                  </Text>
                ) : (
                  value.conflicts.join(', ')
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
