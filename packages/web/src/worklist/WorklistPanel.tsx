import { EmptyState, Group, Loader, Stack, Text } from '@mantine/core';
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import type {
  InvitationLetterKind,
  LetterLocale,
  WorklistSort,
  WorklistView,
  InvitationResults,
  WorklistItem,
} from '@osteopad/contract';
import { fetchInvitationLetter, fetchInvitationLetters } from '../api/letters';
import { WORKLIST_PAGE_SIZE, worklistQuery, type WorklistFilter } from '../api/worklist';
import { LoadingState } from '../common/LoadingState';
import { Notice } from '../common/Notice';
import { QueryError } from '../common/QueryError';
import { todayIso } from '../format/dates';
import { LetterErrorAlert } from '../letters/LetterErrorAlert';
import { letterFailure, type LetterFailure } from '../letters/letterFailure';
import { PdfReady } from '../letters/PdfReady';
import { usePdfDocument } from '../letters/usePdfDocument';
import { patientName } from '../patients/patientName';
import { EpisodeDialog, type DialogTarget } from './EpisodeDialog';
import { InvitationResultList } from './InvitationResultList';
import { InvitationToolbar } from './InvitationToolbar';
import type { RowAction } from './RowActions';
import { useRefreshWorklist } from './useRefreshWorklist';
import { WorklistFilters } from './WorklistFilters';
import { errorsFromIssues, formFromFilter } from './worklistFilterForm';
import { DEFAULT_ORDER, DEFAULT_SORT, filterOf, searchFor, type WorklistSearch } from './worklistSearch';
import { WorklistTable } from './WorklistTable';
import { WorklistPager } from './WorklistPager';
import { currentCursor, FIRST_PAGE, nextPage, previousPage, type PageStack } from './worklistPages';
import { letterKindFor } from './letterKind';

interface WorklistPanelProps {
  view: WorklistView;
  search: WorklistSearch;
  onSearch: (search: WorklistSearch) => void;
  canReview: boolean;
}

type PanelNotice =
  | { id: number; kind: 'text'; tone: 'success' | 'error'; text: string }
  | { id: number; kind: 'invited'; results: InvitationResults; items: readonly WorklistItem[] };

const NO_SELECTION: ReadonlyMap<string, WorklistItem> = new Map();

/** One worklist: filters, the table with its actions, paging; letters and invitations where they apply. */
export function WorklistPanel({ view, search, onSearch, canReview }: WorklistPanelProps) {
  const { t, i18n } = useTranslation();
  const refresh = useRefreshWorklist();
  const filter = filterOf(search);
  const sort = search.sort ?? DEFAULT_SORT;
  const order = search.order ?? DEFAULT_ORDER;
  // The pages come through are kept here; another list, filter or order starts again at page 1.
  const listKey = JSON.stringify({ view, filter, sort, order });
  const [paging, setPaging] = useState<{ forKey: string; stack: PageStack }>({
    forKey: listKey,
    stack: FIRST_PAGE,
  });
  const stack = paging.forKey === listKey ? paging.stack : FIRST_PAGE;
  const turn = (next: PageStack) => {
    setPaging({ forKey: listKey, stack: next });
  };
  const request = { view, filter, sort, order, cursor: currentCursor(stack) };
  const query = useQuery({ ...worklistQuery(request), placeholderData: keepPreviousData });
  const refused = query.error instanceof ApiError && query.error.status === 400;
  const serverErrors =
    query.error instanceof ApiError && refused ? errorsFromIssues(query.error.issues, filter) : {};
  const today = todayIso();

  // The selection belongs to the rows on screen: another list, filter, order or page starts empty.
  const requestKey = JSON.stringify(request);
  const [selection, setSelection] = useState({ forKey: requestKey, items: NO_SELECTION });
  const selected = selection.forKey === requestKey ? selection.items : NO_SELECTION;
  const select = (items: ReadonlyMap<string, WorklistItem>) => {
    setSelection({ forKey: requestKey, items });
  };

  const noticeId = useRef(0);
  const [notice, setNotice] = useState<PanelNotice | null>(null);
  const say = (tone: 'success' | 'error', text: string) => {
    noticeId.current += 1;
    setNotice({ id: noticeId.current, kind: 'text', tone, text });
  };

  const [locale, setLocale] = useState<LetterLocale>('nl');
  const pdf = usePdfDocument();
  const [letterProblem, setLetterProblem] = useState<{
    failure: LetterFailure;
    items: readonly WorklistItem[];
  } | null>(null);
  const letters = useMutation({
    mutationFn: ({
      items,
      language,
      kind,
    }: {
      items: readonly WorklistItem[];
      language: LetterLocale;
      kind: InvitationLetterKind;
    }) => {
      const ids = items.flatMap((item) => (item.episodeId === null ? [] : [item.episodeId]));
      const [only] = ids;
      return ids.length === 1 && only !== undefined
        ? fetchInvitationLetter(only, language, kind)
        : fetchInvitationLetters(ids, language, kind);
    },
    onMutate: () => {
      pdf.clear();
      setLetterProblem(null);
      setNotice(null);
    },
    onSuccess: (blob, { items }) => {
      pdf.show(blob, items.length);
    },
    onError: (error, { items }) => {
      setLetterProblem({ failure: letterFailure(error), items });
    },
  });
  // A batch is one kind of letter: the invitations of "Uit te nodigen", the reminders of "Wacht op reactie".
  const batchKind: InvitationLetterKind = view === 'awaiting_response' ? 'reminder' : 'invitation';
  const printLetters = (items: readonly WorklistItem[], kind: InvitationLetterKind) => {
    letters.mutate({ items, language: locale, kind });
  };

  const dialogSession = useRef(0);
  const [dialog, setDialog] = useState<DialogTarget | null>(null);
  const onAction = (action: RowAction, item: WorklistItem) => {
    if (action === 'letter') {
      printLetters([item], letterKindFor(item.taskKind));
      return;
    }
    dialogSession.current += 1;
    setDialog({ action, item, session: dialogSession.current, open: true });
  };
  const closeDialog = () => {
    setDialog((current) => (current === null ? null : { ...current, open: false }));
  };

  const go = (next: { filter?: WorklistFilter; sort?: WorklistSort; order?: typeof order }) => {
    onSearch(searchFor(view, next.filter ?? filter, next.sort ?? sort, next.order ?? order, 1));
  };

  const withLetters = view === 'to_invite' || view === 'identified' || view === 'awaiting_response';
  const readOnlyReview = view === 'manual_review' && !canReview;
  const items = query.data?.items ?? [];

  // The batch's letters: one line at the end of the filters' line, the whole toolbar once a row is selected.
  const toolbar = (
    <InvitationToolbar
      batch={view === 'to_invite' ? 'invitation' : view === 'awaiting_response' ? 'reminder' : null}
      selected={[...selected.values()]}
      locale={locale}
      onLocaleChange={setLocale}
      printing={letters.isPending}
      onPrint={() => {
        printLetters([...selected.values()], batchKind);
      }}
      onInvited={(results, invited) => {
        noticeId.current += 1;
        setNotice({ id: noticeId.current, kind: 'invited', results, items: invited });
        select(NO_SELECTION);
        pdf.clear();
        refresh();
      }}
    />
  );

  return (
    <Stack gap="xs">
      <EpisodeDialog
        target={dialog}
        onClose={closeDialog}
        onDone={(message) => {
          closeDialog();
          say('success', message);
        }}
      />
      <WorklistFilters
        key={`${view}:${JSON.stringify(filter)}`}
        view={view}
        initial={formFromFilter(filter)}
        serverErrors={serverErrors}
        onApply={(next) => {
          go({ filter: next });
        }}
        onReset={() => {
          go({ filter: {} });
        }}
        aside={
          <>
            {query.data !== undefined && (
              <Group gap="xs" wrap="nowrap">
                <Text role="status" fw={500} size="sm">
                  {query.data.totalIsCapped
                    ? t('worklist.countCapped', {
                        total: new Intl.NumberFormat(i18n.language).format(query.data.total),
                      })
                    : t('worklist.count', { count: query.data.total })}
                </Text>
                {query.isFetching && <Loader size="xs" />}
              </Group>
            )}
            {withLetters && selected.size === 0 && toolbar}
          </>
        }
      />
      {readOnlyReview && <Text size="sm">{t('worklist.readOnlyReview')}</Text>}
      {withLetters && selected.size > 0 && toolbar}
      {pdf.document !== null && <PdfReady document={pdf.document} onClose={pdf.clear} />}
      {letterProblem !== null && (
        <LetterErrorAlert
          failure={letterProblem.failure}
          nameOf={(index) => {
            const item = letterProblem.items[index];
            return item === undefined
              ? t('letters.unknownPatient', { number: index + 1 })
              : patientName(item);
          }}
        />
      )}
      {notice !== null && (
        <Notice
          key={notice.id}
          tone={notice.kind === 'text' ? notice.tone : 'success'}
          onClose={() => {
            setNotice(null);
          }}
        >
          {notice.kind === 'text' ? (
            notice.text
          ) : (
            <InvitationResultList results={notice.results} items={notice.items} />
          )}
        </Notice>
      )}
      {query.isPending ? (
        <LoadingState />
      ) : query.isError ? (
        refused ? null : (
          <QueryError error={query.error} onRetry={() => void query.refetch()} />
        )
      ) : (
        <>
          {items.length === 0 ? (
            <EmptyState title={t('worklist.emptyTitle')} description={t('worklist.empty')} />
          ) : (
            <>
              <WorklistTable
                view={view}
                label={t('worklist.tableLabel', { view: t(`worklist.views.${view}`) })}
                items={items}
                sort={sort}
                order={order}
                onSort={(column) => {
                  go({ sort: column, order: column === sort && order === 'asc' ? 'desc' : 'asc' });
                }}
                selection={
                  view === 'to_invite' || view === 'awaiting_response'
                    ? {
                        selected: new Set(selected.keys()),
                        onToggle: (item, on) => {
                          if (item.episodeId === null) return;
                          const next = new Map(selected);
                          if (on) next.set(item.episodeId, item);
                          else next.delete(item.episodeId);
                          select(next);
                        },
                        onTogglePage: (on) => {
                          const next = new Map<string, WorklistItem>();
                          if (on)
                            for (const item of items)
                              if (item.episodeId !== null) next.set(item.episodeId, item);
                          select(next);
                        },
                      }
                    : null
                }
                canReview={canReview}
                onAction={onAction}
                today={today}
              />
              <WorklistPager
                stack={stack}
                pageSize={WORKLIST_PAGE_SIZE}
                shown={items.length}
                total={query.data.total}
                totalIsCapped={query.data.totalIsCapped}
                hasNext={query.data.nextCursor !== null}
                onPrevious={() => {
                  turn(previousPage(stack));
                }}
                onNext={() => {
                  turn(nextPage(stack, query.data.nextCursor));
                }}
              />
            </>
          )}
        </>
      )}
    </Stack>
  );
}
