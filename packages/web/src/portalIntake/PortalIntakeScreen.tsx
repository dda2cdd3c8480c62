import { Alert, Anchor, Button, Group, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IntakeAnswer, IntakeAnswers, PortalIntake, Sex } from '@osteopad/contract';
import { ApiError } from '../api/client';
import { LoadingState } from '../common/LoadingState';
import { PageHeading } from '../common/PageHeading';
import { QueryError } from '../common/QueryError';
import { Section } from '../common/Section';
import { formatDateTime } from '../format/dates';
import { enabledAnswers, fieldIssues, NUMBER_ITEMS } from '../intake/intakeAnswers';
import { IntakeItemInput } from '../intake/IntakeItemInput';
import { PortalShell } from '../portal/PortalShell';
import { portalIntakeQuery, savePortalIntake } from './portalIntakeApi';
import { answerText, portalIntakeWording, portalIssueText } from './portalIntakeTexts';
import { portalSteps, stepOf, type PortalStep } from './portalQuestions';
import './i18n/register';

type Notice = 'saved' | 'invalid' | 'missing' | 'stale' | 'alreadySent' | 'failed';

/** The calcium part asks portions a day: it gets a line on how to count them. */
const CALCIUM_GROUP = 'calcium';

function useNumberFormat(): (n: number) => string {
  const { i18n } = useTranslation();
  const format = new Intl.NumberFormat(i18n.resolvedLanguage ?? 'nl', { maximumFractionDigits: 1 });
  return (n) => format.format(n);
}

/** The answers of every step, question by question: the review before sending, and the sent form. */
function AnswersList({
  steps,
  answers,
  onChange,
}: {
  steps: readonly PortalStep[];
  answers: IntakeAnswers;
  onChange?: (step: number) => void;
}) {
  const { t } = useTranslation();
  const wording = portalIntakeWording(t);
  const formatNumber = useNumberFormat();
  return (
    <Stack gap="md" data-testid="portal-intake-answers">
      {steps.map((step, index) => (
        <Section key={step.group.linkId} title={wording.item(step.group.linkId)}>
          <Stack gap={6} component="dl" m={0}>
            {step.questions.map((question) => (
              <div key={question.linkId}>
                <Text component="dt" size="sm" fw={500}>
                  {wording.item(question.linkId)}
                </Text>
                <Text component="dd" size="sm" m={0}>
                  {answerText(t, question, answers[question.linkId], formatNumber)}
                </Text>
              </div>
            ))}
          </Stack>
          {onChange !== undefined && (
            <Group>
              <Button
                variant="light"
                size="sm"
                aria-label={t('portalIntake.change', { group: wording.item(step.group.linkId) })}
                onClick={() => {
                  onChange(index);
                }}
              >
                {t('portalIntake.changeShort')}
              </Button>
            </Group>
          )}
        </Section>
      ))}
    </Stack>
  );
}

function PortalIntakeForm({ data, episodeId }: { data: PortalIntake; episodeId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const wording = portalIntakeWording(t);
  const [answers, setAnswers] = useState<Record<string, IntakeAnswer>>({ ...data.intake?.response?.answers });
  const [version, setVersion] = useState(data.intake?.response?.version ?? 0);
  const [step, setStep] = useState(0);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [notice, setNotice] = useState<Notice | null>(null);
  const stepHeading = useRef<HTMLHeadingElement>(null);
  const firstRender = useRef(true);

  const steps = portalSteps(answers, data.sex);
  const reviewing = step >= steps.length;
  const total = steps.length + 1;

  useEffect(() => {
    // The page heading takes focus when the page opens; after that each new step's heading does.
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    stepHeading.current?.focus();
  }, [step]);

  const mutation = useMutation({
    mutationFn: ({ submit }: { submit: boolean; next: number }) =>
      savePortalIntake({ episodeId, answers: enabledAnswers(answers), version, submit }),
    onSuccess: (saved, { submit, next }) => {
      setErrors({});
      setVersion(saved.intake?.response?.version ?? version);
      setAnswers({ ...saved.intake?.response?.answers });
      if (submit) {
        queryClient.setQueryData(portalIntakeQuery.queryKey, saved);
        return;
      }
      setNotice('saved');
      setStep(next);
    },
    onError: (error, { submit }) => {
      if (error instanceof ApiError && error.status === 400 && error.issues.length > 0) {
        const byLinkId = fieldIssues(error.issues, (code, linkId) =>
          portalIssueText(t, code, NUMBER_ITEMS.get(linkId)),
        );
        setErrors(byLinkId);
        const first = Object.keys(byLinkId)
          .map((linkId) => stepOf(steps, linkId))
          .filter((index) => index >= 0)
          .sort((a, b) => a - b)[0];
        if (submit && first !== undefined) setStep(first);
        setNotice(submit && error.issues.some((i) => i.code === 'required') ? 'missing' : 'invalid');
      } else if (error instanceof ApiError && error.code === 'stale_version') setNotice('stale');
      else if (error instanceof ApiError && error.code === 'intake_submitted') setNotice('alreadySent');
      else setNotice('failed');
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
    setNotice(null);
  };

  const go = (next: number, submit = false) => {
    mutation.mutate({ submit, next });
  };

  const current = steps[step];
  const showsCalciumIntro = current?.group.linkId === CALCIUM_GROUP;
  const problem = notice === null || notice === 'saved' ? null : notice;
  const saved = notice === 'saved';
  const offersReload = problem === 'stale' || problem === 'alreadySent';
  return (
    <Stack gap="md">
      <Text size="sm" data-testid="portal-intake-step">
        {t('portalIntake.step', { step: Math.min(step, steps.length) + 1, total })}
      </Text>
      {reviewing || current === undefined ? (
        <Stack gap="md">
          <Title order={2} size="h3" ref={stepHeading} tabIndex={-1}>
            {t('portalIntake.reviewTitle')}
          </Title>
          <Text>{t('portalIntake.reviewIntro')}</Text>
          <AnswersList
            steps={steps}
            answers={answers}
            onChange={(index) => {
              setNotice(null);
              setStep(index);
            }}
          />
        </Stack>
      ) : (
        <Stack gap="md">
          <Title order={2} size="h3" ref={stepHeading} tabIndex={-1}>
            {wording.item(current.group.linkId)}
          </Title>
          {showsCalciumIntro && <Text>{t('portalIntake.calciumIntro')}</Text>}
          {current.questions.map((question) => (
            <IntakeItemInput
              key={question.linkId}
              item={question}
              wording={wording}
              value={answers[question.linkId]}
              error={errors[question.linkId]}
              onChange={(value) => {
                setAnswer(question.linkId, value);
              }}
            />
          ))}
        </Stack>
      )}
      <div role="status" aria-live="polite">
        {saved && <Alert color="green">{t('portalIntake.saved')}</Alert>}
      </div>
      {problem !== null && (
        <Alert color={offersReload ? 'orange' : 'red'} role="alert">
          <Stack gap="xs" align="flex-start">
            {t(`portalIntake.${problem}`)}
            {offersReload && (
              <Button
                size="xs"
                variant="white"
                onClick={() => {
                  void queryClient.invalidateQueries({ queryKey: portalIntakeQuery.queryKey });
                }}
              >
                {t('portalIntake.reload')}
              </Button>
            )}
          </Stack>
        </Alert>
      )}
      <Group gap="sm">
        {step > 0 && (
          <Button
            variant="default"
            disabled={mutation.isPending}
            onClick={() => {
              go(step - 1);
            }}
          >
            {t('portalIntake.previous')}
          </Button>
        )}
        {reviewing ? (
          <Button
            loading={mutation.isPending}
            onClick={() => {
              go(step, true);
            }}
          >
            {t('portalIntake.submit')}
          </Button>
        ) : (
          <Button
            loading={mutation.isPending}
            onClick={() => {
              go(step + 1);
            }}
          >
            {t('portalIntake.next')}
          </Button>
        )}
      </Group>
    </Stack>
  );
}

function SentIntake({ answers, sex, sentAt }: { answers: IntakeAnswers; sex: Sex; sentAt: string }) {
  const { t } = useTranslation();
  return (
    <Stack gap="md">
      <Alert color="green" data-testid="portal-intake-sent">
        <Stack gap={4}>
          {/* The alert's own title is drawn in green on green: too little contrast (WCAG 1.4.3). */}
          <Text fw={700}>{t('portalIntake.submittedTitle')}</Text>
          <Text size="sm">{t('portalIntake.submittedText', { when: formatDateTime(sentAt) })}</Text>
          <Text size="sm">{t('portalIntake.submittedChange')}</Text>
        </Stack>
      </Alert>
      <Title order={2} size="h3">
        {t('portalIntake.yourAnswers')}
      </Title>
      <AnswersList steps={portalSteps(answers, sex)} answers={answers} />
    </Stack>
  );
}

/** The intake questionnaire online: one step per part, saved at each step, checked, then sent once. */
export function PortalIntakeScreen() {
  const { t } = useTranslation();
  const query = useQuery(portalIntakeQuery);
  const data = query.data;
  const response = data?.intake?.response ?? null;
  return (
    <PortalShell signedIn>
      <Stack gap="lg">
        <Anchor component={Link} to="/portal" size="sm">
          {t('portalIntake.back')}
        </Anchor>
        <PageHeading>{t('portalIntake.pageTitle')}</PageHeading>
        {query.isPending ? (
          <LoadingState />
        ) : query.isError ? (
          <QueryError error={query.error} onRetry={() => void query.refetch()} />
        ) : data === undefined || data.episode === null ? (
          <Text data-testid="portal-intake-none">{t('portalIntake.none')}</Text>
        ) : !data.open && response !== null ? (
          <SentIntake
            answers={response.answers}
            sex={data.sex}
            sentAt={response.completedAt ?? response.updatedAt}
          />
        ) : (
          <>
            <Text>{t('portalIntake.intro')}</Text>
            <Text size="sm">{t('portalIntake.requiredNote')}</Text>
            <PortalIntakeForm
              key={`${data.episode.id}:${String(response?.version ?? 0)}`}
              data={data}
              episodeId={data.episode.id}
            />
          </>
        )}
      </Stack>
    </PortalShell>
  );
}
