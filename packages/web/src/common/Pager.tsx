import { Group, Pagination, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

interface PagerProps {
  page: number;
  pageSize: number;
  total: number;
  onChange: (page: number) => void;
}

/** "21–40 of 93" and page buttons, with Dutch or English names for every button. */
export function Pager({ page, pageSize, total, onChange }: PagerProps) {
  const { t } = useTranslation();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const from = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const to = Math.min(total, page * pageSize);
  return (
    <Group justify="space-between" mt="md" wrap="wrap">
      <Text size="sm">{t('common.range', { from, to, total })}</Text>
      {pages > 1 && (
        <nav aria-label={t('common.pagination.label')}>
          <Pagination
            total={pages}
            value={page}
            onChange={onChange}
            size="sm"
            withEdges={pages > 5}
            getItemProps={(n) => ({ 'aria-label': t('common.pagination.page', { page: n }) })}
            getControlProps={(control) => {
              switch (control) {
                case 'first':
                  return { 'aria-label': t('common.pagination.first') };
                case 'previous':
                  return { 'aria-label': t('common.pagination.previous') };
                case 'next':
                  return { 'aria-label': t('common.pagination.next') };
                case 'last':
                  return { 'aria-label': t('common.pagination.last') };
              }
            }}
          />
        </nav>
      )}
    </Group>
  );
}
