import { Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { pageNumber, pageRange, type PageStack } from './worklistPages';

interface WorklistPagerProps {
  stack: PageStack;
  pageSize: number;
  shown: number;
  total: number;
  totalIsCapped: boolean;
  hasNext: boolean;
  onPrevious: () => void;
  onNext: () => void;
}

/** Previous and next page of a worklist, the page number, and which rows of how many ("10.000+" beyond the count's cap). */
export function WorklistPager(props: WorklistPagerProps) {
  const { t, i18n } = useTranslation();
  const { from, to } = pageRange(props.stack, props.pageSize, props.shown);
  const number = new Intl.NumberFormat(i18n.language).format(props.total);
  const total = props.totalIsCapped ? t('worklist.pager.capped', { total: number }) : number;
  const page = pageNumber(props.stack);
  return (
    <Group justify="space-between" mt="md" wrap="wrap">
      <Text size="sm">{t('worklist.pager.range', { from, to, total })}</Text>
      {(page > 1 || props.hasNext) && (
        <nav aria-label={t('common.pagination.label')}>
          <Group gap="sm">
            <Button variant="default" size="xs" disabled={page <= 1} onClick={props.onPrevious}>
              {t('common.pagination.previous')}
            </Button>
            <Text size="sm" aria-current="page">
              {t('common.pagination.page', { page })}
            </Text>
            <Button variant="default" size="xs" disabled={!props.hasNext} onClick={props.onNext}>
              {t('common.pagination.next')}
            </Button>
          </Group>
        </nav>
      )}
    </Group>
  );
}
