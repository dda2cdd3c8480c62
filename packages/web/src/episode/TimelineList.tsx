import { Stack, Text, Timeline } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TimelineEntry } from '@osteopad/contract';
import { EmptyNote } from '../common/EmptyNote';
import { Section } from '../common/Section';
import { formatDateTime } from '../format/dates';
import { timelineText } from './timelineText';

/** Everything that happened to the episode, newest first, from every area of the pathway. */
export function TimelineList({ entries }: { entries: readonly TimelineEntry[] }) {
  const { t } = useTranslation();
  return (
    <Section title={t('episode.timeline.title')}>
      {entries.length === 0 ? (
        <EmptyNote>{t('episode.timeline.empty')}</EmptyNote>
      ) : (
        <Timeline bulletSize={12} lineWidth={2} data-testid="timeline">
          {entries.map((entry, index) => (
            <Timeline.Item key={`${entry.at}:${entry.kind}:${String(index)}`} title={timelineText(t, entry)}>
              <Stack gap={0}>
                <Text size="xs" c="dimmed">
                  {formatDateTime(entry.at)} ·{' '}
                  {t('episode.timeline.by', { actor: entry.actor ?? t('episode.timeline.system') })}
                </Text>
                {entry.note !== null && (
                  <Text size="sm">{t('episode.timeline.note', { note: entry.note })}</Text>
                )}
              </Stack>
            </Timeline.Item>
          ))}
        </Timeline>
      )}
    </Section>
  );
}
