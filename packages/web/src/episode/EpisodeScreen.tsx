import { Badge, Button, Group, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  COMPLETABLE_TASK_KINDS,
  isOneOf,
  type CallOutcome,
  type CompletableTaskKind,
  type EpisodePage,
  type TaskCompletion,
} from '@osteopad/contract';
import { ApiError } from '../api/client';
import { AnchorLink } from '../common/AnchorLink';
import { EmptyNote } from '../common/EmptyNote';
import { LoadingState } from '../common/LoadingState';
import { NoAccessScreen } from '../common/NoAccessScreen';
import { NotFoundScreen } from '../common/NotFoundScreen';
import { PageHeading } from '../common/PageHeading';
import { PatientIdentity } from '../common/PatientIdentity';
import { todayIso } from '../format/dates';
import { QueryError } from '../common/QueryError';
import { Section } from '../common/Section';
import { formatDate } from '../format/dates';
import { patientName } from '../patients/patientName';
import { ActionRefusal } from './ActionRefusal';
import { AppointmentsTable } from './AppointmentsTable';
import { CallOutcomeForm } from './CallOutcomeForm';
import { EpisodeSummary } from './EpisodeSummary';
import { episodePageQuery, markLetterSent } from './episodeApi';
import { NEXT_STEP_TARGETS } from './nextStepTargets';
import { ReopenForm } from './ReopenForm';
import { ReplyForm } from './ReplyForm';
import { TimelineList } from './TimelineList';
import { documentKindLabel } from './timelineText';
import { useEpisodeAction } from './useEpisodeAction';
import { anyRoleLabel, taskKindLabel } from '../i18n/labels';
import { Notice } from '../common/Notice';
import { useCurrentUser } from '../session/useCurrentUser';
import { OverdueBadge } from './OverdueBadge';
import { outcomesFor } from './taskCompletionFields';
import { TaskCompletionForm } from './TaskCompletionForm';
import { TreatmentPanel } from './TreatmentPanel';
import './i18n/register';

const route = getRouteApi('/app/episodes/$episodeId');

/** Episode ids are UUIDs; anything else in the URL cannot be an episode. */
const EPISODE_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type OpenDialog =
  | { kind: 'reply'; version?: number }
  | { kind: 'call'; taskId: string }
  | { kind: 'reopen' }
  | { kind: 'complete'; task: { id: string; kind: CompletableTaskKind; dueDate: string } }
  | null;

/** The episode page: where the patient is in the pathway, what waits, what happened, and the next step. */
export function EpisodeScreen() {
  const { episodeId } = route.useParams();
  const valid = EPISODE_ID.test(episodeId);
  const query = useQuery({ ...episodePageQuery(episodeId), enabled: valid });

  if (!valid) return <NotFoundScreen />;
  if (query.isError && query.error instanceof ApiError) {
    if (query.error.status === 404) return <NotFoundScreen />;
    if (query.error.status === 403) return <NoAccessScreen />;
  }
  if (query.isPending) return <LoadingState />;
  if (query.isError) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  return <EpisodeView page={query.data} />;
}

function EpisodeView({ page }: { page: EpisodePage }) {
  const { t } = useTranslation();
  const [dialog, setDialog] = useState<OpenDialog>(null);
  const [opening, setOpening] = useState(0);
  const [completed, setCompleted] = useState<{ id: number; result: TaskCompletion } | null>(null);
  const user = useCurrentUser();
  const { episode, nextStep } = page;
  /** The task's kind when this user can complete it here (some outcomes are a specialist's only). */
  const completableKind = (task: EpisodePage['openTasks'][number]): CompletableTaskKind | null =>
    task.completable &&
    isOneOf(COMPLETABLE_TASK_KINDS, task.kind) &&
    user !== null &&
    outcomesFor(task.kind, user.role).length > 0
      ? task.kind
      : null;
  const open = (next: OpenDialog) => {
    setOpening((n) => n + 1);
    setDialog(next);
  };
  const close = () => {
    setDialog(null);
  };
  const letter = useEpisodeAction(
    (which: 'invitation' | 'reminder') => markLetterSent(episode.id, which, episode.version),
    () => undefined,
  );
  const callTask = page.openTasks.find((task) => task.kind === 'no_response_follow_up');
  const awaitingReply = ['identified', 'invited', 'reminded'].includes(episode.state);
  const reopenable = episode.state === 'declined' || episode.state === 'not_eligible';

  const primary = (() => {
    const label = t(`episode.nextStep.${nextStep.action}`);
    const target = NEXT_STEP_TARGETS[nextStep.action];
    switch (nextStep.action) {
      case 'none':
        return <Text c="dimmed">{label}</Text>;
      case 'invite':
      case 'send_reminder':
        return (
          <Button
            size="md"
            loading={letter.isPending}
            onClick={() => {
              letter.mutate(nextStep.action === 'invite' ? 'invitation' : 'reminder');
            }}
          >
            {label}
          </Button>
        );
      case 'record_call_outcome':
        return (
          <Button
            size="md"
            onClick={() => {
              if (nextStep.taskId !== null) open({ kind: 'call', taskId: nextStep.taskId });
            }}
          >
            {label}
          </Button>
        );
      case 'record_reply':
      case 'ask_gp_phone_number':
        return (
          <Button
            size="md"
            onClick={() => {
              open({ kind: 'reply' });
            }}
          >
            {label}
          </Button>
        );
      case 'complete_task': {
        const task = page.openTasks.find((candidate) => candidate.id === nextStep.taskId);
        if (task === undefined) return <Text c="dimmed">{t('episode.nextStep.none')}</Text>;
        const kind = completableKind(task);
        const which = (
          <Text size="sm">
            {t('episode.nextStep.completeWhich', {
              task: taskKindLabel(t, task.kind),
              date: formatDate(task.dueDate),
            })}
          </Text>
        );
        if (kind === null) return which;
        return (
          <>
            <Button
              size="md"
              onClick={() => {
                setCompleted(null);
                open({ kind: 'complete', task: { id: task.id, kind, dueDate: task.dueDate } });
              }}
            >
              {label}
            </Button>
            {which}
          </>
        );
      }
      case 'review_eligibility':
      case 'open_intake':
      case 'enter_investigations':
      case 'open_decision':
        return (
          <Button component="a" size="md" href={target?.(episode.id) ?? '#'}>
            {label}
          </Button>
        );
    }
  })();

  const dialogBody = () => {
    if (dialog === null) return null;
    switch (dialog.kind) {
      case 'reply':
        return (
          <ReplyForm
            key={opening}
            episodeId={episode.id}
            version={dialog.version ?? episode.version}
            onCancel={close}
            onDone={close}
          />
        );
      case 'call':
        return (
          <CallOutcomeForm
            key={opening}
            taskId={dialog.taskId}
            version={episode.version}
            policy={page.callFollowUp}
            onCancel={close}
            onDone={(outcome: CallOutcome, version: number) => {
              // Reached: the reply is what comes next, so it is offered at once.
              if (outcome === 'reached') open({ kind: 'reply', version });
              else close();
            }}
          />
        );
      case 'complete':
        return (
          <TaskCompletionForm
            key={opening}
            task={dialog.task}
            version={episode.version}
            role={user?.role ?? 'nurse'}
            onCancel={close}
            onDone={(result) => {
              setCompleted({ id: opening, result });
              close();
            }}
          />
        );
      case 'reopen':
        return (
          <ReopenForm
            key={opening}
            episodeId={episode.id}
            version={episode.version}
            onCancel={close}
            onDone={close}
          />
        );
    }
  };

  return (
    <Stack gap="md">
      <AnchorLink to="/patients/$patientId" params={{ patientId: page.patient.id }} size="sm">
        <span aria-hidden="true">← </span>
        {t('episode.back')}
      </AnchorLink>
      <PageHeading documentTitle={t('episode.documentTitle')}>
        {t('episode.heading', { name: patientName(page.patient) })}
      </PageHeading>
      <PatientIdentity patient={page.patient} today={todayIso()} mt={-8} />
      <Section title={t('episode.nextStep.title')}>
        <Group gap="md" data-testid="next-step">
          {primary}
        </Group>
        {letter.isError && <ActionRefusal error={letter.error} />}
      </Section>
      {dialogBody()}
      {completed !== null && (
        <Notice
          key={completed.id}
          tone="success"
          onClose={() => {
            setCompleted(null);
          }}
        >
          <Text size="sm" data-testid="completion-notice">
            {t('episode.complete.done', { task: taskKindLabel(t, completed.result.kind) })}
          </Text>
          {completed.result.created.length > 0 && (
            <Stack gap={2} mt={4} component="ul" data-testid="created-tasks">
              {completed.result.created.map((created) => (
                <Text size="sm" key={created.id} component="li">
                  {t('episode.complete.created', {
                    task: taskKindLabel(t, created.kind),
                    date: formatDate(created.dueDate),
                  })}
                </Text>
              ))}
            </Stack>
          )}
        </Notice>
      )}
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <EpisodeSummary page={page} />
        <Section title={t('episode.tasks.title')}>
          {page.openTasks.length === 0 ? (
            <EmptyNote>{t('episode.tasks.empty')}</EmptyNote>
          ) : (
            <Table>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('episode.tasks.kind')}</Table.Th>
                  <Table.Th>{t('episode.tasks.due')}</Table.Th>
                  <Table.Th>{t('episode.tasks.role')}</Table.Th>
                  <Table.Th>{t('episode.tasks.action')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {page.openTasks.map((task) => {
                  const kind = completableKind(task);
                  return (
                    <Table.Tr key={task.id} data-task-kind={task.kind}>
                      <Table.Td>{taskKindLabel(t, task.kind)}</Table.Td>
                      <Table.Td>
                        <Group gap="xs">
                          <span>{formatDate(task.dueDate)}</span>
                          <OverdueBadge level={task.overdueLevel} />
                        </Group>
                      </Table.Td>
                      <Table.Td>{anyRoleLabel(t, task.assigneeRole)}</Table.Td>
                      <Table.Td>
                        {kind !== null && (
                          <Button
                            size="compact-sm"
                            variant="light"
                            aria-label={t('episode.tasks.completeFor', {
                              task: taskKindLabel(t, task.kind),
                              date: formatDate(task.dueDate),
                            })}
                            onClick={() => {
                              setCompleted(null);
                              open({ kind: 'complete', task: { id: task.id, kind, dueDate: task.dueDate } });
                            }}
                          >
                            {t('episode.tasks.complete')}
                          </Button>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          )}
        </Section>
      </SimpleGrid>
      {(awaitingReply || reopenable || callTask !== undefined) && (
        <Section title={t('episode.actions.title')}>
          <Group gap="sm">
            {awaitingReply && (
              <Button
                variant="light"
                onClick={() => {
                  open({ kind: 'reply' });
                }}
              >
                {t('episode.actions.reply')}
              </Button>
            )}
            {callTask !== undefined && (
              <Button
                variant="light"
                onClick={() => {
                  open({ kind: 'call', taskId: callTask.id });
                }}
              >
                {t('episode.actions.callOutcome')}
              </Button>
            )}
            {reopenable && (
              <Button
                variant="light"
                onClick={() => {
                  open({ kind: 'reopen' });
                }}
              >
                {t('episode.actions.reopen')}
              </Button>
            )}
          </Group>
        </Section>
      )}
      {(page.treatments.length > 0 || ['decided', 'treating', 'follow_up'].includes(episode.state)) && (
        <TreatmentPanel treatments={page.treatments} openTasks={page.openTasks} settings={page.followUp} />
      )}
      <AppointmentsTable appointments={page.appointments} />
      <TimelineList entries={page.timeline} />
      <Section title={t('episode.documents.title')}>
        {page.documents.length === 0 ? (
          <EmptyNote>{t('episode.documents.empty')}</EmptyNote>
        ) : (
          <Stack gap={4}>
            {page.documents.map((document) => (
              <Group key={document.id} gap="sm">
                <Badge variant="light">{documentKindLabel(t, document.kind)}</Badge>
                <Text size="sm">{formatDate(document.createdAt.slice(0, 10))}</Text>
                <Button component="a" size="compact-sm" variant="subtle" href={document.href}>
                  {t('episode.documents.open')}
                </Button>
              </Group>
            ))}
          </Stack>
        )}
      </Section>
    </Stack>
  );
}
