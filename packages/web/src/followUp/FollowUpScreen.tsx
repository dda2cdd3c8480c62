import './i18n/register';
import { Button, Group, Select, Stack, Tabs, Text } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import {
  FOLLOW_UP_TABS,
  TASK_KINDS,
  type FollowUpRoleFilter,
  type FollowUpSort,
  type FollowUpTab,
  type FollowUpWorklist,
} from '@osteopad/contract';
import { EmptyNote } from '../common/EmptyNote';
import { LoadingState } from '../common/LoadingState';
import { PageHeading } from '../common/PageHeading';
import { QueryError } from '../common/QueryError';
import { FollowUpTable } from './FollowUpTable';
import { followUpWorklistQuery, UPCOMING_DAYS } from './followUpWorklistApi';
import { parseFollowUpSearch, type FollowUpSearch } from './followUpSearch';

const route = getRouteApi('/app/follow-up');
const ALL_KINDS = 'all';

const ROLE_CHOICES = ['own', 'specialist', 'nurse', 'secretary', 'all'] as const;
type RoleChoice = (typeof ROLE_CHOICES)[number];
const SORTS: readonly FollowUpSort[] = ['dueDate', 'clock'];

function tabLabel(
  t: TFunction,
  tab: FollowUpTab,
  counts: FollowUpWorklist['counts'] | undefined,
  language: string,
): string {
  const count = counts?.[tab];
  const number = count === undefined ? '…' : new Intl.NumberFormat(language).format(count.total);
  const shown = count?.capped === true ? t('followUp.countCapped', { total: number }) : number;
  switch (tab) {
    case 'upcoming':
      return t('followUp.tabs.upcoming', { n: shown, days: UPCOMING_DAYS });
    case 'overdue':
      return t('followUp.tabs.overdue', { n: shown });
    case 'due_today':
      return t('followUp.tabs.due_today', { n: shown });
  }
}

/** The follow-up worklists: due today, overdue, upcoming, with the quality clocks of each episode. */
export function FollowUpScreen() {
  const { t, i18n } = useTranslation();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const tab: FollowUpTab = search.tab ?? 'due_today';
  const role: RoleChoice = search.role ?? 'own';
  const sort: FollowUpSort = search.sort ?? 'dueDate';
  const kind = search.kind ?? null;
  // The pages visited (their cursors) belong to one choice of tab and filters; another choice starts at 1.
  const choice = JSON.stringify([tab, role, sort, kind]);
  const [paging, setPaging] = useState<{ choice: string; cursors: (string | null)[] }>({
    choice,
    cursors: [null],
  });
  const cursors = paging.choice === choice ? paging.cursors : [null];
  const setCursors = (next: (stack: (string | null)[]) => (string | null)[]) => {
    setPaging({ choice, cursors: next(cursors) });
  };
  const cursor = cursors.at(-1) ?? null;
  const roleFilter: FollowUpRoleFilter | null = role === 'own' ? null : role;
  const query = useQuery({
    ...followUpWorklistQuery({ tab, role: roleFilter, sort, kind, cursor }),
    placeholderData: keepPreviousData,
  });
  const choose = (change: Partial<FollowUpSearch>) => {
    void navigate({ search: (previous) => parseFollowUpSearch({ ...previous, ...change }) });
  };

  return (
    <Stack gap="md">
      <PageHeading>{t('followUp.title')}</PageHeading>
      <Text maw={880}>{t('followUp.intro')}</Text>
      <Group gap="md" align="flex-end">
        <Select
          label={t('followUp.filters.role')}
          data={ROLE_CHOICES.map((choice) => ({
            value: choice,
            label:
              choice === 'own' || choice === 'all'
                ? t(`followUp.filters.roles.${choice}`)
                : t(`roles.${choice}`),
          }))}
          value={role}
          allowDeselect={false}
          onChange={(value) => {
            const next = ROLE_CHOICES.find((c) => c === value);
            if (next === undefined) return;
            choose({ role: next === 'own' ? undefined : next });
          }}
          w={200}
        />
        <Select
          label={t('followUp.filters.sort')}
          data={SORTS.map((s) => ({ value: s, label: t(`followUp.filters.sorts.${s}`) }))}
          value={sort}
          allowDeselect={false}
          onChange={(value) => {
            const next = SORTS.find((s) => s === value);
            if (next === undefined) return;
            choose({ sort: next === 'dueDate' ? undefined : next });
          }}
          w={280}
        />
        <Select
          label={t('followUp.filters.kind')}
          data={[
            { value: ALL_KINDS, label: t('followUp.filters.allKinds') },
            ...TASK_KINDS.map((k) => ({ value: k, label: t(`taskKind.${k}`) })),
          ]}
          value={kind ?? ALL_KINDS}
          allowDeselect={false}
          searchable
          onChange={(value) => {
            choose({ kind: TASK_KINDS.find((k) => k === value) });
          }}
          w={280}
        />
      </Group>
      <Tabs
        value={tab}
        onChange={(value) => {
          const next = FOLLOW_UP_TABS.find((candidate) => candidate === value);
          if (next === undefined) return;
          choose({ tab: next === 'due_today' ? undefined : next });
        }}
        keepMounted={false}
      >
        <Tabs.List aria-label={t('followUp.tabsLabel')}>
          {FOLLOW_UP_TABS.map((name) => (
            <Tabs.Tab key={name} value={name} data-tab={name}>
              {tabLabel(t, name, query.data?.counts, i18n.language)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {FOLLOW_UP_TABS.map((name) => (
          <Tabs.Panel key={name} value={name} pt="md">
            {name !== tab ? null : query.isPending ? (
              <LoadingState />
            ) : query.isError ? (
              <QueryError
                error={query.error}
                onRetry={() => {
                  void query.refetch();
                }}
              />
            ) : query.data.items.length === 0 ? (
              <EmptyNote>{t('followUp.empty')}</EmptyNote>
            ) : (
              <>
                <FollowUpTable items={query.data.items} today={query.data.today} />
                {(cursors.length > 1 || query.data.nextCursor !== null) && (
                  <nav aria-label={t('common.pagination.label')}>
                    <Group gap="sm" mt="md">
                      <Button
                        variant="default"
                        size="xs"
                        disabled={cursors.length <= 1}
                        onClick={() => {
                          setCursors((stack) => stack.slice(0, -1));
                        }}
                      >
                        {t('followUp.pager.previous')}
                      </Button>
                      <Text size="sm" aria-current="page">
                        {t('followUp.pager.page', { page: cursors.length })}
                      </Text>
                      <Button
                        variant="default"
                        size="xs"
                        disabled={query.data.nextCursor === null}
                        onClick={() => {
                          const next = query.data.nextCursor;
                          if (next !== null) setCursors((stack) => [...stack, next]);
                        }}
                      >
                        {t('followUp.pager.next')}
                      </Button>
                    </Group>
                  </nav>
                )}
              </>
            )}
          </Tabs.Panel>
        ))}
      </Tabs>
    </Stack>
  );
}
