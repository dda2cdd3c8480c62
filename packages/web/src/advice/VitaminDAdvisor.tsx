import { Alert, Group, List, NumberInput, Paper, Radio, Stack, Text, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { VITAMIN_D_GROUPS, type VitaminDAdvice, type VitaminDAdviceBody } from '@osteopad/contract';
import { adviseVitaminD } from '../api/advice';
import { ApiError } from '../api/client';
import { LoadingState } from '../common/LoadingState';
import { errorText } from '../common/errorText';
import { MarkerBadge } from '../clinicalConfig/MarkerBadge';
import { AboutYou, type AboutYouAnswers } from './AboutYou';
import { AdviceRules } from './AdviceRules';
import { ADVICE_DEBOUNCE_MS } from './CalciumCalculator';
import { fieldErrors, isOneOf, typedNumber } from './adviceTexts';

interface Answers {
  darkSkin: boolean | null;
  outdoorsSufficient: boolean | null;
  bodyCovering: boolean | null;
  onFracturePreventionMedication: boolean | null;
  nursingHome: boolean;
  osteoporosis: boolean;
  currentDailyIU: string | number;
}

function YesNo({
  label,
  description,
  value,
  onChange,
  error,
  name,
}: {
  label: string;
  description?: string;
  value: boolean | null;
  onChange: (value: boolean) => void;
  error?: string | undefined;
  name: string;
}) {
  const { t } = useTranslation();
  return (
    <Radio.Group
      label={label}
      description={description}
      value={value === null ? '' : value ? 'yes' : 'no'}
      onChange={(v) => {
        onChange(v === 'yes');
      }}
      error={error}
      name={name}
      data-question={name}
    >
      <Group gap="lg" mt={4}>
        <Radio value="yes" label={t('advice.you.yes')} />
        <Radio value="no" label={t('advice.you.no')} />
      </Group>
    </Radio.Group>
  );
}

/** The request for these answers, or null while one is missing or half typed. */
function vitaminDRequest(about: AboutYouAnswers, answers: Answers): VitaminDAdviceBody | null {
  const age = typedNumber(about.age);
  const dose = typedNumber(answers.currentDailyIU);
  const { darkSkin, outdoorsSufficient, bodyCovering, onFracturePreventionMedication } = answers;
  if (age === null || age === undefined || about.sex === null || dose === undefined) return null;
  if (
    darkSkin === null ||
    outdoorsSufficient === null ||
    bodyCovering === null ||
    onFracturePreventionMedication === null
  )
    return null;
  return {
    ageYears: age,
    sex: about.sex,
    pregnant: about.pregnant,
    breastfeeding: about.breastfeeding,
    darkSkin,
    outdoorsSufficient,
    bodyCovering,
    onFracturePreventionMedication,
    nursingHome: answers.nursingHome,
    osteoporosis: answers.osteoporosis,
    ...(dose === null ? {} : { currentDailyIU: dose }),
  };
}

/** R13: a few plain questions → the vitamin D dose in µg and IU, and why. */
export function VitaminDAdvisor() {
  const { t } = useTranslation();
  const [about, setAbout] = useState<AboutYouAnswers>({
    age: '',
    sex: null,
    pregnant: false,
    breastfeeding: false,
  });
  const [answers, setAnswers] = useState<Answers>({
    darkSkin: null,
    outdoorsSufficient: null,
    bodyCovering: null,
    onFracturePreventionMedication: null,
    nursingHome: false,
    osteoporosis: false,
    currentDailyIU: '',
  });
  const set = (patch: Partial<Answers>) => {
    setAnswers((a) => ({ ...a, ...patch }));
  };
  const request = vitaminDRequest(about, answers);
  const [debounced] = useDebouncedValue(
    request === null ? null : JSON.stringify(request),
    ADVICE_DEBOUNCE_MS,
  );
  const advice = useQuery({
    queryKey: ['advice', 'vitamin-d', debounced],
    queryFn: () => adviseVitaminD(JSON.parse(debounced ?? '{}') as VitaminDAdviceBody),
    enabled: debounced !== null,
    retry: false,
    placeholderData: keepPreviousData,
  });
  const errors = fieldErrors(t, advice.error);
  // GR 2008 (a clinic's choice, C8) asks two more questions; the answer says which scheme the clinic uses.
  const asksGr2008 = advice.data?.scheme === 'GR2008';

  return (
    <Stack gap="lg">
      <Text>{t('advice.vitaminD.intro')}</Text>
      <Title order={2} size="h3">
        {t('advice.you.title')}
      </Title>
      <AboutYou
        value={about}
        errors={errors}
        onChange={(patch) => {
          setAbout((a) => ({ ...a, ...patch }));
        }}
      />
      <Title order={2} size="h3">
        {t('advice.vitaminD.questionsTitle')}
      </Title>
      <YesNo
        name="darkSkin"
        label={t('advice.vitaminD.darkSkin')}
        value={answers.darkSkin}
        error={errors.get('body.darkSkin')}
        onChange={(darkSkin) => {
          set({ darkSkin });
        }}
      />
      <YesNo
        name="outdoorsSufficient"
        label={t('advice.vitaminD.outdoors')}
        description={t('advice.vitaminD.outdoorsHelp')}
        value={answers.outdoorsSufficient}
        error={errors.get('body.outdoorsSufficient')}
        onChange={(outdoorsSufficient) => {
          set({ outdoorsSufficient });
        }}
      />
      <YesNo
        name="bodyCovering"
        label={t('advice.vitaminD.bodyCovering')}
        value={answers.bodyCovering}
        error={errors.get('body.bodyCovering')}
        onChange={(bodyCovering) => {
          set({ bodyCovering });
        }}
      />
      <YesNo
        name="onFracturePreventionMedication"
        label={t('advice.vitaminD.medication')}
        description={t('advice.vitaminD.medicationHelp')}
        value={answers.onFracturePreventionMedication}
        error={errors.get('body.onFracturePreventionMedication')}
        onChange={(onFracturePreventionMedication) => {
          set({ onFracturePreventionMedication });
        }}
      />
      {asksGr2008 && (
        <>
          <YesNo
            name="nursingHome"
            label={t('advice.vitaminD.nursingHome')}
            value={answers.nursingHome}
            onChange={(nursingHome) => {
              set({ nursingHome });
            }}
          />
          <YesNo
            name="osteoporosis"
            label={t('advice.vitaminD.osteoporosis')}
            value={answers.osteoporosis}
            onChange={(osteoporosis) => {
              set({ osteoporosis });
            }}
          />
        </>
      )}
      <NumberInput
        label={t('advice.vitaminD.currentDose')}
        description={t('advice.vitaminD.currentDoseHelp')}
        value={answers.currentDailyIU}
        onChange={(currentDailyIU) => {
          set({ currentDailyIU });
        }}
        min={0}
        max={100_000}
        step={400}
        allowDecimal={false}
        clampBehavior="none"
        error={errors.get('body.currentDailyIU')}
        w={{ base: '100%', sm: 320 }}
      />
      <Paper withBorder p="md" radius="md">
        <Stack gap="sm">
          <Title order={2} size="h3">
            {t('advice.vitaminD.resultTitle')}
          </Title>
          {request === null ? (
            <Text>{t('advice.vitaminD.incomplete')}</Text>
          ) : advice.isError ? (
            <Alert color="red" variant="light">
              {advice.error instanceof ApiError && advice.error.issues.length > 0
                ? t('advice.calcium.fixFields')
                : errorText(t, advice.error)}
            </Alert>
          ) : advice.data === undefined ? (
            <LoadingState />
          ) : (
            <VitaminDResult
              advice={advice.data}
              bodyCovering={answers.bodyCovering === true}
              currentDailyIU={request.currentDailyIU ?? null}
            />
          )}
        </Stack>
      </Paper>
    </Stack>
  );
}

function VitaminDResult({
  advice,
  bodyCovering,
  currentDailyIU,
}: {
  advice: VitaminDAdvice;
  bodyCovering: boolean;
  currentDailyIU: number | null;
}) {
  const { t } = useTranslation();
  const medication = advice.withMedication;
  const groups = advice.population.matchedGroups;
  const veilRead = advice.scheme === 'GR2008' && bodyCovering;
  return (
    <Stack gap="sm" data-testid="vitamin-d-result">
      <Text fw={600} role="status">
        {advice.microgramPerDay > 0
          ? t('advice.vitaminD.dose', { microgram: advice.microgramPerDay, iu: advice.iuPerDay })
          : t('advice.vitaminD.noDose')}
      </Text>
      {medication !== null ? (
        <Stack gap={4}>
          <Text>{t('advice.vitaminD.becauseMedication')}</Text>
          {medication.lifelong && <Text>{t('advice.vitaminD.lifelong')}</Text>}
          <Text>{t('advice.vitaminD.weekly', { iu: medication.weeklyAlternativeIU })}</Text>
          <Text>{t('advice.vitaminD.drops', { iu: medication.weeklyDropsAlternativeIU })}</Text>
          {medication.encourageDaylightOutdoors && <Text>{t('advice.vitaminD.daylight')}</Text>}
          {advice.population.microgramPerDay !== advice.microgramPerDay && (
            <Text size="sm" c="dimmed">
              {t('advice.vitaminD.withoutMedication', { microgram: advice.population.microgramPerDay })}
            </Text>
          )}
        </Stack>
      ) : groups.length > 0 ? (
        <Stack gap={4}>
          <Text>{t('advice.vitaminD.becauseGroups')}</Text>
          <List>
            {groups.map((group) => (
              <List.Item key={group}>
                {isOneOf(VITAMIN_D_GROUPS, group) ? t(`advice.groups.${group}`) : group}
              </List.Item>
            ))}
          </List>
        </Stack>
      ) : (
        <Text>{t('advice.vitaminD.noGroups')}</Text>
      )}
      {veilRead && (
        <Group gap={6}>
          <Text size="sm">{t('advice.vitaminD.veilInferred')}</Text>
          <MarkerBadge marker="INFERRED" />
        </Group>
      )}
      {advice.doseCheck !== null && currentDailyIU !== null && (
        <DoseCheck
          avoidFallRisk={advice.doseCheck.avoidFallRisk}
          limit={advice.doseCheck.fallRiskDailyIU}
          iu={currentDailyIU}
        />
      )}
      <Text size="sm" c="dimmed">
        {t(`advice.vitaminD.scheme.${advice.scheme}`)}
      </Text>
      <AdviceRules rules={advice.rules} conflicts={advice.conflicts} />
    </Stack>
  );
}

function DoseCheck({ avoidFallRisk, limit, iu }: { avoidFallRisk: boolean; limit: number; iu: number }) {
  const { t } = useTranslation();
  return avoidFallRisk ? (
    <Alert color="orange" variant="light" data-testid="vitamin-d-fall-risk">
      {t('advice.vitaminD.fallRisk', { iu, limit })}
    </Alert>
  ) : (
    <Text>{t('advice.vitaminD.doseBelowLimit', { iu, limit })}</Text>
  );
}
