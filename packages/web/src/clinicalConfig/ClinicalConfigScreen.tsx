import { Button, Group, SegmentedControl, Stack, Text, TextInput, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CONFIG_EDITOR_ROLES, CONFIG_MARKERS, isOneOf, type ConfigEntryView } from '@osteopad/contract';
import { CLINICAL_CONFIG_QUERY_KEY, clinicalConfigQuery } from '../api/clinicalConfig';
import { ApiError } from '../api/client';
import { Dialog } from '../common/Dialog';
import { EmptyNote } from '../common/EmptyNote';
import { LoadingState } from '../common/LoadingState';
import { NoAccessScreen } from '../common/NoAccessScreen';
import { TextNotice, type NoticeContent } from '../common/Notice';
import { PageHeading } from '../common/PageHeading';
import { QueryError } from '../common/QueryError';
import { Section } from '../common/Section';
import { useCurrentUser } from '../session/useCurrentUser';
import { ConfigChangeForm, type ConfigChangeRequest } from './ConfigChangeForm';
import { ConfigEntryCard, isUnconfirmed } from './ConfigEntryCard';
import { ConfigIdentity } from './ConfigIdentity';
import { ConfigVersionHistory } from './ConfigVersionHistory';
import { MarkerBadge } from './MarkerBadge';
import { configWordsOf } from './configWords';
import './i18n/register';

type View = 'unconfirmed' | 'all';

/** The part of the pathway a value belongs to: the first part of its key (`eligibility.…`). */
export const CONFIG_GROUPS = [
  'calendar',
  'eligibility',
  'riskGroups',
  'riskScore',
  'riskFactors',
  'densitometry',
  'treatmentIndication',
  'glucocorticoids',
  'fallRisk',
  'labPanel',
  'drugs',
  'followUp',
  'calcium',
  'vitaminD',
] as const;
type ConfigGroup = (typeof CONFIG_GROUPS)[number];

function groupOf(key: string): ConfigGroup | 'other' {
  const prefix = key.slice(0, key.indexOf('.'));
  return isOneOf(CONFIG_GROUPS, prefix) ? prefix : 'other';
}

/**
 * The clinical configuration of the organisation, every value in words: what it decides, its value, its
 * source, and whether the clinic confirmed it. A specialist or administrator confirms values (one, or
 * several selected at once) or changes one, always with a reason; each time a new version, in effect at
 * once. Until every value is confirmed the shell says how many are not.
 */
export function ClinicalConfigScreen() {
  const { t, i18n } = useTranslation();
  const me = useCurrentUser();
  const queryClient = useQueryClient();
  const query = useQuery(clinicalConfigQuery);
  const canEdit = me !== null && isOneOf(CONFIG_EDITOR_ROLES, me.role);
  const [view, setView] = useState<View | null>(null);
  const [search, setSearch] = useState('');
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [request, setRequest] = useState<ConfigChangeRequest | null>(null);
  const [opening, setOpening] = useState(0);
  const [notice, setNotice] = useState<NoticeContent | null>(null);

  const config = query.data;
  const unconfirmedCount = config?.unconfirmed.length ?? 0;
  const shownView: View = view ?? (unconfirmedCount > 0 ? 'unconfirmed' : 'all');
  const shown = useMemo(() => {
    if (config === undefined) return [];
    const needle = search.trim().toLocaleLowerCase();
    return config.entries.filter((entry) => {
      if (shownView === 'unconfirmed' && !isUnconfirmed(entry)) return false;
      if (needle === '') return true;
      const words = configWordsOf(i18n, entry.key);
      return `${words.title} ${words.decides ?? ''} ${entry.source}`.toLocaleLowerCase().includes(needle);
    });
  }, [config, search, shownView, i18n]);
  const grouped = useMemo(() => {
    const groups = new Map<string, ConfigEntryView[]>();
    for (const entry of shown) {
      const group = groupOf(entry.key);
      groups.set(group, [...(groups.get(group) ?? []), entry]);
    }
    return [...groups.entries()];
  }, [shown]);

  if (query.error instanceof ApiError && query.error.status === 403) return <NoAccessScreen />;

  const open = (next: ConfigChangeRequest) => {
    setOpening((n) => n + 1);
    setRequest(next);
  };
  const selectedEntries = config?.entries.filter((e) => selected.has(e.key) && isUnconfirmed(e)) ?? [];
  const shownUnconfirmed = shown.filter(isUnconfirmed);

  return (
    <Stack gap="md">
      <PageHeading>{t('clinicalConfig.title')}</PageHeading>
      <Stack gap="xs" maw={880}>
        <Text>{t('configScreen.intro')}</Text>
        <Text>{t('configScreen.goLive')}</Text>
        <Text>{canEdit ? t('configScreen.howToChange') : t('configScreen.readOnly')}</Text>
      </Stack>
      <TextNotice
        notice={notice}
        onClose={() => {
          setNotice(null);
        }}
      />
      {query.isPending ? (
        <LoadingState />
      ) : query.isError ? (
        <QueryError error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <>
          <ConfigIdentity config={query.data} />
          <Section title={t('configScreen.list.valuesTitle')}>
            <Text role="status" fw={500}>
              {unconfirmedCount === 0
                ? t('configScreen.list.allConfirmed')
                : t('configScreen.list.count', { count: unconfirmedCount })}
            </Text>
            <Stack gap={4} component="ul" aria-label={t('configScreen.legend.label')} p={0} m={0}>
              {CONFIG_MARKERS.map((marker) => (
                <Group key={marker} component="li" gap="xs" wrap="nowrap" style={{ listStyle: 'none' }}>
                  <MarkerBadge marker={marker} />
                  <Text size="sm">{t(`configScreen.markerHelp.${marker}`)}</Text>
                </Group>
              ))}
            </Stack>
            <Group gap="sm" align="flex-end" wrap="wrap">
              <SegmentedControl
                aria-label={t('configScreen.list.viewLabel')}
                value={shownView}
                onChange={(next) => {
                  setView(next === 'all' ? 'all' : 'unconfirmed');
                }}
                data={[
                  {
                    value: 'unconfirmed',
                    label: t('configScreen.list.viewUnconfirmed', { count: unconfirmedCount }),
                  },
                  {
                    value: 'all',
                    label: t('configScreen.list.viewAll', { count: query.data.entries.length }),
                  },
                ]}
              />
              <TextInput
                label={t('configScreen.list.search')}
                value={search}
                onChange={(event) => {
                  setSearch(event.currentTarget.value);
                }}
                w={280}
              />
            </Group>
            {canEdit && shownUnconfirmed.length > 0 && (
              <Group gap="sm" wrap="wrap">
                <Button
                  variant="default"
                  size="sm"
                  onClick={() => {
                    const all = shownUnconfirmed.every((e) => selected.has(e.key));
                    setSelected(all ? new Set() : new Set(shownUnconfirmed.map((e) => e.key)));
                  }}
                >
                  {shownUnconfirmed.every((e) => selected.has(e.key))
                    ? t('configScreen.list.selectNone')
                    : t('configScreen.list.selectShown', { count: shownUnconfirmed.length })}
                </Button>
                {selectedEntries.length > 0 && (
                  <Button
                    size="sm"
                    onClick={() => {
                      open({ kind: 'confirm', entries: selectedEntries });
                    }}
                  >
                    {t('configScreen.list.confirmSelected', { count: selectedEntries.length })}
                  </Button>
                )}
              </Group>
            )}
            {shown.length === 0 ? (
              <EmptyNote>
                {shownView === 'unconfirmed' && search.trim() === ''
                  ? t('configScreen.list.empty')
                  : t('configScreen.list.noMatch')}
              </EmptyNote>
            ) : (
              grouped.map(([group, entries]) => (
                <Stack
                  key={group}
                  gap="xs"
                  component="section"
                  aria-label={t(`configScreen.groups.${group as ConfigGroup | 'other'}`)}
                >
                  <Title order={2} size="h4">
                    {t(`configScreen.groups.${group as ConfigGroup | 'other'}`)}
                  </Title>
                  {entries.map((entry) => (
                    <ConfigEntryCard
                      key={entry.key}
                      entry={entry}
                      edit={
                        canEdit
                          ? {
                              selected: selected.has(entry.key),
                              onSelect: (on) => {
                                const next = new Set(selected);
                                if (on) next.add(entry.key);
                                else next.delete(entry.key);
                                setSelected(next);
                              },
                              onConfirm: () => {
                                open({ kind: 'confirm', entries: [entry] });
                              },
                              onChange: () => {
                                open({ kind: 'change', entry });
                              },
                            }
                          : undefined
                      }
                    />
                  ))}
                </Stack>
              ))
            )}
          </Section>
          <ConfigVersionHistory entries={query.data.entries} />
          {canEdit && (
            <Dialog
              opened={request !== null}
              title={
                request?.kind === 'change'
                  ? t('configScreen.edit.changeTitle', {
                      title: configWordsOf(i18n, request.entry.key).title,
                    })
                  : t('configScreen.edit.confirmTitle', {
                      count: request?.kind === 'confirm' ? request.entries.length : 0,
                    })
              }
              onClose={() => {
                setRequest(null);
              }}
            >
              {request !== null && (
                <ConfigChangeForm
                  key={opening}
                  request={request}
                  basedOn={query.data.versionNumber}
                  onCancel={() => {
                    setRequest(null);
                  }}
                  onStale={() => {
                    void queryClient.invalidateQueries({ queryKey: CLINICAL_CONFIG_QUERY_KEY });
                  }}
                  onDone={(next) => {
                    queryClient.setQueryData(CLINICAL_CONFIG_QUERY_KEY, next);
                    void queryClient.invalidateQueries({ queryKey: CLINICAL_CONFIG_QUERY_KEY });
                    setSelected(new Set());
                    setRequest(null);
                    setNotice({
                      id: Date.now(),
                      tone: 'success',
                      text: t('configScreen.edit.saved', { number: next.versionNumber }),
                    });
                  }}
                />
              )}
            </Dialog>
          )}
        </>
      )}
    </Stack>
  );
}
