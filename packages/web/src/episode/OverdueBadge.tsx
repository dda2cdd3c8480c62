import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { OverdueLevel } from '@osteopad/contract';

/** Amber, orange, red: filled shades whose text colour Mantine picks for contrast (WCAG AA). */
const COLOR: Readonly<Record<Exclude<OverdueLevel, 'none'>, string>> = {
  overdue: 'yellow.4',
  urgent: 'orange.5',
  critical: 'red.9',
};

/** How overdue a task is, in words as well as colour; nothing before its date. */
export function OverdueBadge({ level }: { level: OverdueLevel }) {
  const { t } = useTranslation();
  if (level === 'none') return null;
  return (
    <Badge color={COLOR[level]} variant="filled" autoContrast data-overdue={level}>
      {t(`episode.overdue.${level}`)}
    </Badge>
  );
}
