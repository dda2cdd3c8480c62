import { Alert, Anchor, Button, Group, Paper, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { MIN_PASSWORD_LENGTH } from '@osteopad/contract';
import { SESSION_QUERY_KEY } from '../api/auth';
import { PageHeading } from '../common/PageHeading';
import { parseDate } from '../format/dates';
import { activatePortal } from './portalApi';
import { activationProblem, type ActivationProblem } from './activationProblem';
import { PortalShell } from './PortalShell';
import './i18n/register';

const CODE_PATTERN = /^[A-Za-z0-9 -]+$/;
const USERNAME_PATTERN = /^[A-Za-z0-9._@-]{3,100}$/;

interface Errors {
  code?: string;
  birthDate?: string;
  username?: string;
  password?: string;
}

function ProblemText({ problem }: { problem: ActivationProblem }) {
  const { t } = useTranslation();
  switch (problem.kind) {
    case 'failed':
      return <>{t('portal.activate.failed', { tries: problem.tries, minutes: problem.minutes })}</>;
    case 'expired':
    case 'used':
    case 'replaced': {
      const clinic = problem.clinic.clinicName;
      return (
        <>
          {t(`portal.activate.${problem.kind}`)}{' '}
          {problem.clinic.clinicPhone === ''
            ? t('portal.activate.newCodeNoPhone', { clinic })
            : t('portal.activate.newCode', { clinic, phone: problem.clinic.clinicPhone })}
        </>
      );
    }
    case 'usernameTaken':
      return <>{t('portal.activate.usernameTaken')}</>;
    case 'tooMany':
      return <>{t('portal.activate.tooMany')}</>;
    case 'error':
      return <>{t('portal.activate.error')}</>;
  }
}

/** "I have a code from my letter": the code and date of birth, then the username and password. */
export function PortalActivationScreen() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [step, setStep] = useState<'code' | 'account'>('code');
  const [code, setCode] = useState('');
  const [birthDate, setBirthDate] = useState('');
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [problem, setProblem] = useState<ActivationProblem | null>(null);

  const mutation = useMutation({
    mutationFn: activatePortal,
    onSuccess: async () => {
      // The session is new: load it afresh, then the portal.
      await queryClient.invalidateQueries({ queryKey: SESSION_QUERY_KEY });
      await navigate({ to: '/portal', replace: true });
    },
    onError: (error) => {
      const found = activationProblem(error);
      setProblem(found);
      setStep(found.step);
      if (found.kind === 'usernameTaken') setErrors({ username: t('portal.activate.usernameTaken') });
    },
    onSettled: () => {
      setPassword('');
    },
  });

  const next = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found: Errors = {};
    if (code.trim() === '') found.code = t('portal.activate.codeRequired');
    else if (!CODE_PATTERN.test(code.trim())) found.code = t('portal.activate.codeFormat');
    if (parseDate(birthDate) === null) found.birthDate = t('portal.activate.birthDateRequired');
    setErrors(found);
    if (found.code !== undefined || found.birthDate !== undefined) return;
    setProblem(null);
    setStep('account');
  };

  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found: Errors = {};
    if (!USERNAME_PATTERN.test(username.trim())) found.username = t('portal.activate.usernameInvalid');
    if (password.length < MIN_PASSWORD_LENGTH)
      found.password = t('portal.activate.passwordShort', { min: MIN_PASSWORD_LENGTH });
    setErrors(found);
    const iso = parseDate(birthDate);
    if (found.username !== undefined || found.password !== undefined || iso === null) return;
    setProblem(null);
    mutation.mutate({ code: code.trim(), birthDate: iso, username: username.trim(), password });
  };

  return (
    <PortalShell signedIn={false}>
      <Paper withBorder shadow="sm" p="xl" radius="md">
        <Stack gap="md">
          <PageHeading documentTitle={t('portal.activate.pageTitle')}>
            {t('portal.activate.title')}
          </PageHeading>
          {problem !== null && (
            <Alert color="red" variant="light" role="alert" data-testid="activation-problem">
              <ProblemText problem={problem} />
            </Alert>
          )}
          {step === 'code' ? (
            <form onSubmit={next} noValidate>
              <Stack gap="md">
                <Text>{t('portal.activate.intro')}</Text>
                <TextInput
                  label={t('portal.activate.code')}
                  description={t('portal.activate.codeHint')}
                  name="code"
                  autoComplete="off"
                  autoCapitalize="characters"
                  spellCheck={false}
                  required
                  value={code}
                  onChange={(event) => {
                    setCode(event.currentTarget.value);
                  }}
                  error={errors.code}
                />
                <TextInput
                  label={t('portal.activate.birthDate')}
                  description={t('portal.activate.birthDateHint')}
                  name="birthDate"
                  autoComplete="bday"
                  inputMode="numeric"
                  required
                  value={birthDate}
                  onChange={(event) => {
                    setBirthDate(event.currentTarget.value);
                  }}
                  error={errors.birthDate}
                />
                <Button type="submit" fullWidth>
                  {t('portal.activate.next')}
                </Button>
              </Stack>
            </form>
          ) : (
            <form onSubmit={submit} noValidate>
              <Stack gap="md">
                <Text fw={600}>{t('portal.activate.stepTwo')}</Text>
                <Text>{t('portal.activate.stepTwoIntro')}</Text>
                <TextInput
                  label={t('portal.activate.username')}
                  description={t('portal.activate.usernameHint')}
                  name="username"
                  autoComplete="username"
                  autoCapitalize="none"
                  spellCheck={false}
                  required
                  value={username}
                  onChange={(event) => {
                    setUsername(event.currentTarget.value);
                  }}
                  error={errors.username}
                />
                <PasswordInput
                  label={t('portal.activate.password')}
                  description={t('portal.activate.passwordHint', { min: MIN_PASSWORD_LENGTH })}
                  name="new-password"
                  autoComplete="new-password"
                  required
                  value={password}
                  onChange={(event) => {
                    setPassword(event.currentTarget.value);
                  }}
                  error={errors.password}
                  visibilityToggleButtonProps={{ 'aria-label': t('portal.activate.showPassword') }}
                />
                <Group justify="space-between" wrap="wrap">
                  <Button
                    variant="default"
                    onClick={() => {
                      setStep('code');
                    }}
                  >
                    {t('portal.activate.back')}
                  </Button>
                  <Button type="submit" loading={mutation.isPending}>
                    {t('portal.activate.submit')}
                  </Button>
                </Group>
              </Stack>
            </form>
          )}
          <Anchor component={Link} to="/login">
            {t('portal.activate.toLogin')}
          </Anchor>
        </Stack>
      </Paper>
    </PortalShell>
  );
}
