import { Badge, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../format/dates';

interface DueDateCellProps {
  dueDate: string | null;
  today: string;
}

/** The task's due date; past it, marked "te laat" in words as well as in colour. */
export function DueDateCell({ dueDate, today }: DueDateCellProps) {
  const { t } = useTranslation();
  if (dueDate === null) return null;
  const overdue = dueDate < today;
  return (
    <Group gap={6} wrap="nowrap">
      <time dateTime={dueDate}>{formatDate(dueDate)}</time>
      {overdue && (
        <Badge color="red" variant="filled" size="sm" tt="none">
          {t('worklist.overdue')}
        </Badge>
      )}
    </Group>
  );
}
