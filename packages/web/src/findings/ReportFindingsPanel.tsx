import { EmptyState, Stack, Text } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FINDINGS_PAGE_SIZE, openReportFindingsQuery, type FindingDecision } from '../api/reportFindings';
import type { ReportFinding } from '@osteopad/contract';
import { Dialog } from '../common/Dialog';
import { LoadingState } from '../common/LoadingState';
import { TextNotice, type NoticeContent } from '../common/Notice';
import { Pager } from '../common/Pager';
import { QueryError } from '../common/QueryError';
import { FindingReviewForm } from './FindingReviewForm';
import { FindingsTable } from './FindingsTable';

interface ReviewTarget {
  finding: ReportFinding;
  decision: FindingDecision;
  session: number;
  open: boolean;
}

/** Radiology findings (IOF standard 4): nothing is decided from a report without a person. */
export function ReportFindingsPanel() {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const query = useQuery({ ...openReportFindingsQuery(page), placeholderData: keepPreviousData });
  const session = useRef(0);
  const [target, setTarget] = useState<ReviewTarget | null>(null);
  const [notice, setNotice] = useState<NoticeContent | null>(null);
  const close = () => {
    setTarget((current) => (current === null ? null : { ...current, open: false }));
  };

  return (
    <Stack gap="md">
      <Dialog
        opened={target?.open === true}
        title={
          target?.decision === 'confirm'
            ? t('findings.dialog.confirmTitle')
            : t('findings.dialog.dismissTitle')
        }
        onClose={close}
      >
        {target !== null && (
          <FindingReviewForm
            key={target.session}
            finding={target.finding}
            decision={target.decision}
            onCancel={close}
            onDone={(message) => {
              close();
              setNotice({ id: target.session, tone: 'success', text: message });
            }}
          />
        )}
      </Dialog>
      <Text c="dimmed">{t('worklist.viewHelp.report_findings')}</Text>
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
          <Text role="status" fw={500}>
            {t('findings.count', { count: query.data.total })}
          </Text>
          {query.data.items.length === 0 ? (
            <EmptyState title={t('findings.emptyTitle')} description={t('findings.empty')} />
          ) : (
            <>
              <FindingsTable
                findings={query.data.items}
                onReview={(finding, decision) => {
                  session.current += 1;
                  setTarget({ finding, decision, session: session.current, open: true });
                }}
              />
              <Pager page={page} pageSize={FINDINGS_PAGE_SIZE} total={query.data.total} onChange={setPage} />
            </>
          )}
        </>
      )}
    </Stack>
  );
}
