import { Badge, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { QualityClock } from '@osteopad/contract';
import { formatDate } from '../format/dates';

const COLOUR: Record<QualityClock['state'], string> = {
  met: 'green',
  running: 'yellow',
  missed: 'red',
  not_applicable: 'gray',
};
const SYMBOL: Record<QualityClock['state'], string> = {
  met: '✓',
  running: '⏱',
  missed: '✗',
  not_applicable: '–',
};

/** Each clock as a small badge: its state in words and colour, the days left while it runs. */
export function ClockBadges({ clocks }: { clocks: readonly QualityClock[] }) {
  const { t } = useTranslation();
  return (
    <Group gap={4} wrap="wrap" maw={420}>
      {clocks.map((clock) => {
        const kind = t(`followUp.clock.kinds.${clock.kind}`);
        const state =
          clock.state === 'running'
            ? t('followUp.clock.states.running', { count: clock.daysLeft ?? 0 })
            : t(`followUp.clock.states.${clock.state}`);
        return (
          <Badge
            key={clock.kind}
            variant="light"
            color={COLOUR[clock.state]}
            c="dark.9"
            size="sm"
            tt="none"
            data-clock={clock.kind}
            data-state={clock.state}
            title={
              clock.deadline === null
                ? undefined
                : t('followUp.clock.title', { kind, date: formatDate(clock.deadline) })
            }
          >
            <span aria-hidden="true">{SYMBOL[clock.state]} </span>
            {kind}: {state}
            {clock.marker === 'SOURCE' ? '' : ` (${t('followUp.clock.unconfirmed')})`}
          </Badge>
        );
      })}
    </Group>
  );
}
