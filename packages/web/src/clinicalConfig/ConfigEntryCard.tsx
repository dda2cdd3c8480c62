import { Badge, Button, Checkbox, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ConfigEntryView } from '@osteopad/contract';
import { MarkerBadge } from './MarkerBadge';
import { configValueWords } from './configValueWords';
import { configWordsOf } from './configWords';
import { useValueWording } from './useValueWording';

/** A value the clinic still has to confirm: no cited source fixes it and no one confirmed it yet. */
export function isUnconfirmed(entry: ConfigEntryView): boolean {
  return entry.marker !== 'SOURCE' && entry.confirmedBy === null;
}

interface ConfigEntryCardProps {
  entry: ConfigEntryView;
  /** Absent: the user may only read the configuration. */
  edit?:
    | {
        selected: boolean;
        onSelect: (selected: boolean) => void;
        onConfirm: () => void;
        onChange: () => void;
      }
    | undefined;
}

/** One value in words: what it decides, its value now, its source, and who confirmed it. */
export function ConfigEntryCard({ entry, edit }: ConfigEntryCardProps) {
  const { t, i18n } = useTranslation();
  const wording = useValueWording();
  const words = configWordsOf(i18n, entry.key);
  const lines = configValueWords(entry.shape, entry.value, words, wording);
  const unconfirmed = isUnconfirmed(entry);
  const titleId = `config-${entry.key.replace(/\W/g, '-')}`;
  return (
    <Paper withBorder p="sm" component="article" aria-labelledby={titleId} data-config-key={entry.key}>
      <Stack gap={6}>
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
          <Group gap="xs" align="center" wrap="nowrap">
            {edit !== undefined && unconfirmed && (
              <Checkbox
                aria-label={t('configScreen.entry.select', { title: words.title })}
                checked={edit.selected}
                onChange={(event) => {
                  edit.onSelect(event.currentTarget.checked);
                }}
              />
            )}
            <Title order={3} size="h5" id={titleId}>
              {words.title}
            </Title>
          </Group>
          <Group gap={6} wrap="nowrap">
            {entry.marker === 'SOURCE' ? (
              <Badge color="gray" variant="light" tt="none">
                {t('configScreen.entry.fromSource')}
              </Badge>
            ) : unconfirmed ? (
              <MarkerBadge marker={entry.marker} />
            ) : (
              <Badge color="green" variant="light" tt="none">
                {t('configScreen.entry.confirmed')}
              </Badge>
            )}
          </Group>
        </Group>
        {words.decides === null ? (
          <Text size="sm" lang="en">
            {entry.description}
          </Text>
        ) : (
          <Text size="sm">{words.decides}</Text>
        )}
        <Group gap="xs" align="baseline" wrap="nowrap">
          <Text size="sm" fw={600} style={{ flexShrink: 0 }}>
            {t('configScreen.entry.value')}
          </Text>
          <Stack gap={0} data-testid="config-value">
            {lines.map((line) => (
              <Text key={line} size="sm">
                {line}
              </Text>
            ))}
          </Stack>
        </Group>
        <Text size="sm" c="dimmed">
          {entry.origin === 'clinic'
            ? t('configScreen.entry.setByClinic')
            : t('configScreen.entry.reference')}{' '}
          · {t('configScreen.entry.source', { source: entry.source })}
        </Text>
        {entry.confirmedBy !== null && (
          <Text size="sm">
            {t('configScreen.entry.confirmedBy', { who: entry.confirmedBy })}
            {entry.note === null ? '' : ` — ${entry.note}`}
          </Text>
        )}
        {edit !== undefined && (
          <Group gap="xs">
            {unconfirmed && (
              <Button
                size="xs"
                onClick={edit.onConfirm}
                aria-label={t('configScreen.entry.confirmOne', { title: words.title })}
              >
                {t('configScreen.entry.confirm')}
              </Button>
            )}
            <Button
              size="xs"
              variant="default"
              onClick={edit.onChange}
              aria-label={t('configScreen.entry.changeOne', { title: words.title })}
            >
              {t('configScreen.entry.change')}
            </Button>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
