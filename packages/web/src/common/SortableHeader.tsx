import { Table, UnstyledButton } from '@mantine/core';
import type { SortOrder } from '@osteopad/contract';

interface SortableHeaderProps<T extends string> {
  column: T;
  label: string;
  sort: T;
  order: SortOrder;
  onSort: (column: T) => void;
}

/**
 * A column header that sorts the list. The header carries `aria-sort`, so screen readers announce
 * the column and its direction; the button inside is what the keyboard reaches.
 */
export function SortableHeader<T extends string>({
  column,
  label,
  sort,
  order,
  onSort,
}: SortableHeaderProps<T>) {
  const active = sort === column;
  const ariaSort = active ? (order === 'asc' ? 'ascending' : 'descending') : 'none';
  return (
    <Table.Th scope="col" aria-sort={ariaSort} style={{ whiteSpace: 'nowrap' }}>
      <UnstyledButton
        onClick={() => {
          onSort(column);
        }}
        fw={700}
        fz="sm"
        className="sort-button"
      >
        {label}
        <span aria-hidden="true" className={active ? 'sort-mark sort-mark-active' : 'sort-mark'}>
          {active ? (order === 'asc' ? ' ▲' : ' ▼') : ' ↕'}
        </span>
      </UnstyledButton>
    </Table.Th>
  );
}
