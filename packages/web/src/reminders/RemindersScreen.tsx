import { Alert, Badge, Button, SegmentedControl, Stack, Table, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  REMINDER_KINDS,
  REMINDER_STATUSES,
  type ReminderDelivery,
  type ReminderStatus,
} from '@osteopad/contract';
import { REMINDERS_QUERY_KEY, remindersQuery, retryReminder } from '../api/reminders';
import { EmptyNote } from '../common/EmptyNote';
import { errorText } from '../common/errorText';
import { LoadingState } from '../common/LoadingState';
import { PageHeading } from '../common/PageHeading';
import { QueryError } from '../common/QueryError';
import { formatDate, formatDateTime } from '../format/dates';
import { taskKindLabel } from '../i18n/labels';
import './i18n/register';

function isOneOf<T extends string>(list: readonly T[], value: string): value is T {
  return (list as readonly string[]).includes(value);
}

/** Failed or waiting: a reminder being sent or already sent cannot be sent again. */
const RETRYABLE: readonly ReminderStatus[] = ['failed', 'queued'];
const canRetry = (r: ReminderDelivery): boolean => RETRYABLE.includes(r.status);

/** The reminder outbox for staff: what failed (with the error) or waits, and sending it again. */
export function RemindersScreen() {
  const { t } = useTranslation();
  const [status, setStatus] = useState<ReminderStatus>('failed');
  const queryClient = useQueryClient();
  const query = useQuery(remindersQuery(status));
  const retry = useMutation({
    mutationFn: retryReminder,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: REMINDERS_QUERY_KEY }),
  });
  const kindLabel = (kind: string) => (isOneOf(REMINDER_KINDS, kind) ? t(`reminders.kind.${kind}`) : kind);
  const taskLabel = (r: ReminderDelivery) => (r.taskKind === null ? '' : taskKindLabel(t, r.taskKind));
  return (
    <Stack gap="md">
      <PageHeading>{t('reminders.title')}</PageHeading>
      <Text size="sm">{t('reminders.intro')}</Text>
      <Alert color="yellow" variant="light">
        {t('reminders.unconfirmed')}
      </Alert>
      {query.data?.channels.length === 0 && (
        <Alert color="orange" variant="light">
          {t('reminders.noChannel')}
        </Alert>
      )}
      <SegmentedControl
        aria-label={t('reminders.tabsLabel')}
        value={status}
        onChange={(value) => {
          if (isOneOf(REMINDER_STATUSES, value)) setStatus(value);
        }}
        data={REMINDER_STATUSES.map((s) => ({ value: s, label: t(`reminders.status.${s}`) }))}
      />
      {retry.isError && (
        <Alert color="red" role="alert">
          {errorText(t, retry.error)}
        </Alert>
      )}
      {retry.isSuccess && (
        <Alert color="green" role="status">
          {t('reminders.retried')}
        </Alert>
      )}
      {query.isPending ? (
        <LoadingState />
      ) : query.isError ? (
        <QueryError error={query.error} onRetry={() => void query.refetch()} />
      ) : query.data.items.length === 0 ? (
        <EmptyNote>{t('reminders.empty')}</EmptyNote>
      ) : (
        <Table.ScrollContainer minWidth={900}>
          <Table striped aria-label={t('reminders.title')} fz="sm" verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('reminders.columns.patient')}</Table.Th>
                <Table.Th scope="col">{t('reminders.columns.kind')}</Table.Th>
                <Table.Th scope="col">{t('reminders.columns.task')}</Table.Th>
                <Table.Th scope="col">{t('reminders.columns.date')}</Table.Th>
                <Table.Th scope="col">{t('reminders.columns.recipient')}</Table.Th>
                <Table.Th scope="col">{t('reminders.columns.attempts')}</Table.Th>
                <Table.Th scope="col">
                  {status === 'sent' ? t('reminders.columns.sent') : t('reminders.columns.next')}
                </Table.Th>
                <Table.Th scope="col">{t('reminders.columns.error')}</Table.Th>
                <Table.Th scope="col">{t('reminders.columns.action')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {query.data.items.map((r) => (
                <Table.Tr key={r.id}>
                  <Table.Td>{r.patientName ?? t('reminders.department')}</Table.Td>
                  <Table.Td>{kindLabel(r.kind)}</Table.Td>
                  <Table.Td>{taskLabel(r)}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(r.occasionOn)}</Table.Td>
                  <Table.Td style={{ overflowWrap: 'anywhere' }}>{r.recipient}</Table.Td>
                  <Table.Td>{r.attempts}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    {r.givenUp ? (
                      <Badge color="red" variant="light" tt="none">
                        {t('reminders.givenUp')}
                      </Badge>
                    ) : status === 'sent' && r.sentAt !== null ? (
                      formatDateTime(r.sentAt)
                    ) : r.nextAttemptAt !== null ? (
                      formatDateTime(r.nextAttemptAt)
                    ) : (
                      ''
                    )}
                  </Table.Td>
                  <Table.Td style={{ overflowWrap: 'anywhere' }}>{r.lastError}</Table.Td>
                  <Table.Td>
                    {canRetry(r) && (
                      <Button
                        size="xs"
                        variant="light"
                        aria-label={t('reminders.retryLabel', { recipient: r.recipient })}
                        loading={retry.isPending && retry.variables.id === r.id}
                        onClick={() => {
                          retry.mutate(r);
                        }}
                      >
                        {t('reminders.retry')}
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
