import {
  Alert,
  Badge,
  Button,
  Group,
  List,
  NumberInput,
  SegmentedControl,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FallRiskAdvice, LabsAndFalls } from '@osteopad/contract';
import { LABS_AND_FALLS_QUERY_KEY, previewFallRisk, saveFallRisk } from '../api/labResults';
import { Section } from '../common/Section';
import { formatDate } from '../format/dates';
import { RuleBadges } from './RuleBadges';
import { fieldErrors, isOneOf, saveErrorText } from './labTexts';
import './i18n/register';

const INTERVENTIONS = [
  'professionalFallAssessment',
  'physiotherapyStrengthAndBalance',
  'medicationReview',
  'homeSafety',
  'observeRisingAndWalking',
] as const;
const ITEMS = [
  'fracturesPast2Years',
  'limitedMobility',
  'fearOfFalling',
  'alcoholUse',
  'fallRiskIncreasingMedication',
  'somaticComorbidity',
] as const;

interface Answers {
  fallsPastYear: number;
  worriedAboutFalling: boolean;
  difficultyWalkingOrBalance: boolean;
  fallRiskIncreasingMedication: boolean | null;
}

/** The engine's R7 advice: the screens' outcome, the interventions, the rules and their markers. */
export function FallAdvice({ advice }: { advice: FallRiskAdvice }) {
  const { t } = useTranslation();
  return (
    <Stack gap={4} data-testid="fall-advice">
      <Text fw={600}>{t('labResults.fall.advice')}</Text>
      <Text>
        {advice.fallPreventionIndicated ? t('labResults.fall.indicated') : t('labResults.fall.noAdvice')}
      </Text>
      {advice.threeQuestionScreenPositive && <Text size="sm">{t('labResults.fall.threeQuestions')}</Text>}
      {advice.nhgFallRiskInventory && <Text size="sm">{t('labResults.fall.nhgInventory')}</Text>}
      {advice.interventions.length > 0 && (
        <List>
          {advice.interventions.map((code) => (
            <List.Item key={code} data-testid="fall-intervention">
              {isOneOf(INTERVENTIONS, code) ? t(`labResults.fall.interventions.${code}`) : code}
            </List.Item>
          ))}
        </List>
      )}
      {advice.inventoryItems.length > 0 && (
        <Group gap={4}>
          {advice.inventoryItems.map((code) => (
            <Badge key={code} variant="light" tt="none">
              {isOneOf(ITEMS, code) ? t(`labResults.fall.inventoryItems.${code}`) : code}
            </Badge>
          ))}
        </Group>
      )}
      {advice.fallPreventionIndicated && (
        <Text size="sm" c="dimmed">
          {t('labResults.fall.fallClinic', { ruleId: advice.fallClinicReferral.ruleId })}
        </Text>
      )}
      <RuleBadges rules={advice.rules} />
    </Stack>
  );
}

function YesNo({
  label,
  value,
  onChange,
}: {
  label: string;
  value: boolean | null;
  onChange: (v: boolean | null) => void;
}) {
  const { t } = useTranslation();
  const labelId = useId();
  const withUnknown = value === null || label === t('labResults.fall.fallRiskIncreasingMedication');
  return (
    <Stack gap={2}>
      <Text size="sm" fw={500} id={labelId}>
        {label}
      </Text>
      <SegmentedControl
        aria-labelledby={labelId}
        value={value === null ? 'unknown' : value ? 'yes' : 'no'}
        onChange={(v) => {
          onChange(v === 'unknown' ? null : v === 'yes');
        }}
        data={[
          { value: 'no', label: t('labResults.fall.no') },
          { value: 'yes', label: t('labResults.fall.yes') },
          ...(withUnknown ? [{ value: 'unknown', label: t('labResults.fall.unknown') }] : []),
        ]}
      />
    </Stack>
  );
}

/** The R7 screening questions with the engine's advice as they are answered, and their save. */
export function FallRiskSection({ data, today }: { data: LabsAndFalls; today: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const saved = data.fallRisk;
  const [answers, setAnswers] = useState<Answers>(() => ({
    fallsPastYear: saved?.fallsPastYear ?? 0,
    worriedAboutFalling: saved?.worriedAboutFalling ?? false,
    difficultyWalkingOrBalance: saved?.difficultyWalkingOrBalance ?? false,
    fallRiskIncreasingMedication: saved?.fallRiskIncreasingMedication ?? null,
  }));
  const [fallsText, setFallsText] = useState<string | number>(answers.fallsPastYear);
  const [assessedOn, setAssessedOn] = useState(saved?.assessedOn ?? today);
  const preview = useQuery({
    queryKey: ['fall-risk-preview', data.episodeId, answers],
    queryFn: () => previewFallRisk(data.episodeId, answers),
    enabled: data.writable,
    retry: false,
  });
  const save = useMutation({
    mutationFn: () => saveFallRisk(data.episodeId, { ...answers, assessedOn, version: data.fallRiskVersion }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: LABS_AND_FALLS_QUERY_KEY }),
  });
  const errors = fieldErrors(t, save.error ?? preview.error);
  const message = saveErrorText(t, save.error);
  const set = (patch: Partial<Answers>) => {
    setAnswers((a) => ({ ...a, ...patch }));
  };
  const advice = preview.data ?? saved?.advice;

  return (
    <Section title={t('labResults.fall.title')}>
      {saved !== null && (
        <Text size="sm">{t('labResults.fall.lastSaved', { date: formatDate(saved.assessedOn) })}</Text>
      )}
      {message !== null && <Alert color="red">{message}</Alert>}
      <form
        onSubmit={(event) => {
          event.preventDefault();
          save.mutate();
        }}
      >
        <Stack gap="sm">
          <NumberInput
            label={t('labResults.fall.fallsPastYear')}
            value={fallsText}
            allowDecimal={false}
            error={errors.get('body.fallsPastYear')}
            onChange={(v) => {
              setFallsText(v);
              const n = typeof v === 'number' ? v : Number.parseInt(v, 10);
              if (Number.isInteger(n)) set({ fallsPastYear: n });
            }}
            w={260}
            disabled={!data.writable}
          />
          <YesNo
            label={t('labResults.fall.worriedAboutFalling')}
            value={answers.worriedAboutFalling}
            onChange={(v) => {
              set({ worriedAboutFalling: v === true });
            }}
          />
          <YesNo
            label={t('labResults.fall.difficultyWalkingOrBalance')}
            value={answers.difficultyWalkingOrBalance}
            onChange={(v) => {
              set({ difficultyWalkingOrBalance: v === true });
            }}
          />
          <YesNo
            label={t('labResults.fall.fallRiskIncreasingMedication')}
            value={answers.fallRiskIncreasingMedication}
            onChange={(v) => {
              set({ fallRiskIncreasingMedication: v });
            }}
          />
          <TextInput
            type="date"
            label={t('labResults.fall.assessedOn')}
            value={assessedOn}
            max={today}
            error={errors.get('body.assessedOn')}
            onChange={(e) => {
              setAssessedOn(e.currentTarget.value);
            }}
            w={200}
            disabled={!data.writable}
          />
          {advice !== undefined && <FallAdvice advice={advice} />}
          {data.writable && (
            <Group>
              <Button type="submit" loading={save.isPending}>
                {t('labResults.fall.save')}
              </Button>
            </Group>
          )}
        </Stack>
      </form>
    </Section>
  );
}
