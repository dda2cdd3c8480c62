import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  INTAKE_QUESTIONNAIRE,
  isIntakeItemEnabled,
  type Intake,
  type IntakeAnswer,
} from '@osteopad/contract';
import { ApiError } from '../api/client';
import { intakeQuery, saveIntake } from '../api/intake';
import { isPatientId } from '../api/patients';
import { AnchorLink } from '../common/AnchorLink';
import { LoadingState } from '../common/LoadingState';
import { NoAccessScreen } from '../common/NoAccessScreen';
import { NotFoundScreen } from '../common/NotFoundScreen';
import { PageHeading } from '../common/PageHeading';
import { QueryError } from '../common/QueryError';
import { Section } from '../common/Section';
import { errorText } from '../common/errorText';
import { formatDateTime } from '../format/dates';
import { IntakeItemInput } from './IntakeItemInput';
import { issueText, itemText, staffIntakeWording } from './intakeTexts';
import { enabledAnswers, fieldIssues, NUMBER_ITEMS } from './intakeAnswers';
import './i18n/register';

const route = getRouteApi('/app/episodes/$episodeId/intake');

type Outcome = 'saved' | 'completed' | 'invalid' | 'stale' | 'ended' | 'failed';

function IntakeForm({ episodeId, intake }: { episodeId: string; intake: Intake }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [answers, setAnswers] = useState<Record<string, IntakeAnswer>>({ ...intake.response?.answers });
  const [version, setVersion] = useState(intake.response?.version ?? 0);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [outcome, setOutcome] = useState<{ kind: Outcome; error?: unknown } | null>(null);

  const mutation = useMutation({
    mutationFn: (complete: boolean) =>
      saveIntake(episodeId, { answers: enabledAnswers(answers), version, complete }),
    onSuccess: (saved, complete) => {
      setErrors({});
      setVersion(saved.response?.version ?? version);
      setAnswers({ ...saved.response?.answers });
      queryClient.setQueryData(intakeQuery(episodeId).queryKey, saved);
      setOutcome({ kind: complete ? 'completed' : 'saved' });
    },
    onError: (error) => {
      if (error instanceof ApiError && error.status === 400 && error.issues.length > 0) {
        setErrors(fieldIssues(error.issues, (code, linkId) => issueText(t, code, NUMBER_ITEMS.get(linkId))));
        setOutcome({ kind: 'invalid' });
      } else if (error instanceof ApiError && error.code === 'stale_version') setOutcome({ kind: 'stale' });
      else if (error instanceof ApiError && error.code === 'episode_ended') setOutcome({ kind: 'ended' });
      else setOutcome({ kind: 'failed', error });
    },
  });

  const setAnswer = (linkId: string, value: IntakeAnswer | undefined) => {
    setAnswers((current) => {
      const next = Object.entries(current).filter(([key]) => key !== linkId);
      return Object.fromEntries(value === undefined ? next : [...next, [linkId, value]]);
    });
    setErrors((current) => {
      const { [linkId]: _removed, ...rest } = current;
      return rest;
    });
  };

  const response = intake.response;
  const wording = staffIntakeWording(t);
  const shows = (kind: Outcome): boolean => outcome?.kind === kind;
  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">
        {t('intake.intro', { version: intake.questionnaireVersion })}
      </Text>
      <Text size="sm" data-testid="intake-status">
        {response === null
          ? t('intake.statusNew')
          : response.status === 'completed'
            ? t('intake.statusCompleted')
            : t('intake.statusInProgress')}
        {response !== null && (
          <>
            {' · '}
            {t('intake.lastSaved', {
              when: formatDateTime(response.updatedAt),
              who: response.updatedBy ?? '',
            })}
            {response.byPatient && (
              <>
                {' · '}
                <strong data-testid="intake-by-patient">{t('intake.byPatient')}</strong>
              </>
            )}
          </>
        )}
      </Text>
      {INTAKE_QUESTIONNAIRE.items
        .filter((group) => isIntakeItemEnabled(group, answers))
        .map((group) => (
          <Section key={group.linkId} title={itemText(t, group.linkId)}>
            {group.items
              .filter((item) => isIntakeItemEnabled(item, answers))
              .map((item) => (
                <IntakeItemInput
                  key={item.linkId}
                  wording={wording}
                  item={item}
                  value={answers[item.linkId]}
                  error={errors[item.linkId]}
                  onChange={(value) => {
                    setAnswer(item.linkId, value);
                  }}
                />
              ))}
          </Section>
        ))}
      <div role="status" aria-live="polite">
        {shows('saved') && <Alert color="green">{t('intake.saved', { version })}</Alert>}
        {shows('completed') && <Alert color="green">{t('intake.completedNotice', { version })}</Alert>}
      </div>
      {shows('invalid') && (
        <Alert color="red" role="alert">
          {t('intake.invalid')}
        </Alert>
      )}
      {shows('stale') && (
        <Alert color="orange" role="alert">
          <Stack gap="xs" align="flex-start">
            {t('intake.stale')}
            <Button
              size="xs"
              variant="white"
              onClick={() => {
                void queryClient.query({ ...intakeQuery(episodeId), staleTime: 0 }).then((fresh) => {
                  setAnswers({ ...fresh.response?.answers });
                  setVersion(fresh.response?.version ?? 0);
                  setErrors({});
                  setOutcome(null);
                });
              }}
            >
              {t('intake.reload')}
            </Button>
          </Stack>
        </Alert>
      )}
      {shows('ended') && (
        <Alert color="red" role="alert">
          {t('intake.ended')}
        </Alert>
      )}
      {shows('failed') && (
        <Alert color="red" role="alert">
          {errorText(t, outcome?.error)}
        </Alert>
      )}
      <Group>
        <Button
          variant="default"
          loading={mutation.isPending && !mutation.variables}
          disabled={mutation.isPending}
          onClick={() => {
            mutation.mutate(false);
          }}
        >
          {t('intake.save')}
        </Button>
        <Button
          loading={mutation.isPending && mutation.variables}
          disabled={mutation.isPending}
          onClick={() => {
            mutation.mutate(true);
          }}
        >
          {t('intake.complete')}
        </Button>
      </Group>
    </Stack>
  );
}

/** The staff intake form of an episode, rendered from the questionnaire definition. */
export function IntakeScreen() {
  const { t } = useTranslation();
  const { episodeId } = route.useParams();
  const valid = isPatientId(episodeId);
  const query = useQuery({ ...intakeQuery(episodeId), enabled: valid });

  if (!valid) return <NotFoundScreen />;
  if (query.isError && query.error instanceof ApiError) {
    if (query.error.status === 404) return <NotFoundScreen />;
    if (query.error.status === 403) return <NoAccessScreen />;
  }
  return (
    <Stack gap="md">
      {query.data !== undefined && (
        <AnchorLink to="/patients/$patientId" params={{ patientId: query.data.patientId }} size="sm">
          <span aria-hidden="true">← </span>
          {t('intake.backToPatient')}
        </AnchorLink>
      )}
      <PageHeading documentTitle={t('intake.documentTitle')}>{t('intake.title')}</PageHeading>
      {query.isPending ? (
        <LoadingState />
      ) : query.isError ? (
        <QueryError error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <IntakeForm episodeId={episodeId} intake={query.data} />
      )}
    </Stack>
  );
}
