import { List, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { ConfigChange, ConfigEntryView } from '@osteopad/contract';
import { clinicalConfigVersionsQuery } from '../api/clinicalConfig';
import { EmptyNote } from '../common/EmptyNote';
import { LoadingState } from '../common/LoadingState';
import { QueryError } from '../common/QueryError';
import { Section } from '../common/Section';
import { formatDateTime } from '../format/dates';
import { configValueWords } from './configValueWords';
import { configWordsOf } from './configWords';
import { useValueWording } from './useValueWording';

interface ConfigVersionHistoryProps {
  /** The values as they are now: their shapes word a change's old and new value. */
  entries: readonly ConfigEntryView[];
}

/** Every version the organisation made: when, by whom, why, and what each confirmed or changed. */
export function ConfigVersionHistory({ entries }: ConfigVersionHistoryProps) {
  const { t, i18n } = useTranslation();
  const wording = useValueWording();
  const query = useQuery(clinicalConfigVersionsQuery);
  const shapes = new Map(entries.map((e) => [e.key, e.shape]));
  const said = (change: ConfigChange, value: unknown): string => {
    const shape = shapes.get(change.key);
    const words = configWordsOf(i18n, change.key);
    return shape === undefined
      ? JSON.stringify(value)
      : configValueWords(shape, value, words, wording).join('; ');
  };
  return (
    <Section title={t('configScreen.history.title')}>
      {query.isPending ? (
        <LoadingState />
      ) : query.isError ? (
        <QueryError error={query.error} onRetry={() => void query.refetch()} />
      ) : query.data.versions.length === 0 ? (
        <EmptyNote>{t('configScreen.history.empty')}</EmptyNote>
      ) : (
        <Stack gap="md" component="ol" p={0} m={0} aria-label={t('configScreen.history.title')}>
          {query.data.versions.map((version) => (
            <Stack key={version.number} gap={4} component="li" style={{ listStyle: 'none' }}>
              <Text fw={600}>
                {t('configScreen.history.version', {
                  number: version.number,
                  when: formatDateTime(version.createdAt),
                  who: version.createdByName,
                })}
              </Text>
              <Text size="sm">{t('configScreen.history.reason', { reason: version.reason })}</Text>
              <List size="sm" spacing={2}>
                {version.changes.map((change) => (
                  <List.Item key={change.key}>
                    {change.kind === 'confirmed'
                      ? t('configScreen.history.confirmed', {
                          title: configWordsOf(i18n, change.key).title,
                          value: said(change, change.to),
                        })
                      : t('configScreen.history.changed', {
                          title: configWordsOf(i18n, change.key).title,
                          from: said(change, change.from),
                          to: said(change, change.to),
                        })}
                  </List.Item>
                ))}
              </List>
            </Stack>
          ))}
        </Stack>
      )}
    </Section>
  );
}
