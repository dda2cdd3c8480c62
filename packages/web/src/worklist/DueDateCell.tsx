import { Badge, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../format/dates';

interface DueDateCellProps {
  dueDate: string | null;
  today: string;
}

/** A clock with an exclamation: overdue is said by an icon and in words, never by colour alone. */
function OverdueIcon() {
  return (
    <svg width="12" height="12" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <circle cx="8" cy="8" r="6.5" fill="none" stroke="currentColor" strokeWidth="1.8" />
      <path d="M8 4v4.5" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" />
      <circle cx="8" cy="11.3" r="1" fill="currentColor" />
    </svg>
  );
}

/** The task's due date on one line; past it, marked "te laat" in words and with an icon as well as in colour. */
export function DueDateCell({ dueDate, today }: DueDateCellProps) {
  const { t } = useTranslation();
  if (dueDate === null) return null;
  const overdue = dueDate < today;
  return (
    <Group gap={6} wrap="nowrap">
      <time dateTime={dueDate} style={{ whiteSpace: 'nowrap' }}>
        {formatDate(dueDate)}
      </time>
      {overdue && (
        <Badge color="red" variant="filled" size="sm" tt="none" leftSection={<OverdueIcon />}>
          {t('worklist.overdue')}
        </Badge>
      )}
    </Group>
  );
}
