import { Alert, List, NumberInput, Paper, Progress, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  CALCIUM_FOOD_CODES,
  type CalciumAdvice,
  type CalciumAdviceBody,
  type CalciumFoodCode,
} from '@osteopad/contract';
import { adviseCalcium, calciumFoodsQuery } from '../api/advice';
import { LoadingState } from '../common/LoadingState';
import { QueryError } from '../common/QueryError';
import { errorText } from '../common/errorText';
import { ApiError } from '../api/client';
import { AboutYou, type AboutYouAnswers } from './AboutYou';
import { AdviceRules } from './AdviceRules';
import { fieldErrors, isOneOf, typedNumber, wholeMg } from './adviceTexts';

/** The live result waits this long after the last keystroke before it asks the server. */
export const ADVICE_DEBOUNCE_MS = 300;

type Typed = string | number;

/** The request for these answers, or null while an answer is missing or half typed. */
function calciumRequest(
  about: AboutYouAnswers,
  portions: Readonly<Record<string, Typed>>,
  supplement: Typed,
): CalciumAdviceBody | null {
  const age = typedNumber(about.age);
  const tablets = typedNumber(supplement);
  if (age === null || age === undefined || about.sex === null || tablets === undefined) return null;
  const servings: Partial<Record<CalciumFoodCode, number>> = {};
  for (const [food, typed] of Object.entries(portions)) {
    const n = typedNumber(typed);
    if (n === undefined) return null;
    if (n !== null && n !== 0 && isOneOf(CALCIUM_FOOD_CODES, food)) servings[food] = n;
  }
  return {
    ageYears: age,
    sex: about.sex,
    pregnant: about.pregnant,
    breastfeeding: about.breastfeeding,
    servings,
    supplementMgPerDay: tablets ?? 0,
  };
}

/** R12: portions of the food table a day → intake against the requirement, the shortfall, the upper limit. */
export function CalciumCalculator() {
  const { t, i18n } = useTranslation();
  const foods = useQuery(calciumFoodsQuery);
  const [about, setAbout] = useState<AboutYouAnswers>({
    age: '',
    sex: null,
    pregnant: false,
    breastfeeding: false,
  });
  const [portions, setPortions] = useState<Record<string, Typed>>({});
  const [supplement, setSupplement] = useState<Typed>(0);
  const request = calciumRequest(about, portions, supplement);
  const [debounced] = useDebouncedValue(
    request === null ? null : JSON.stringify(request),
    ADVICE_DEBOUNCE_MS,
  );
  const advice = useQuery({
    queryKey: ['advice', 'calcium', debounced],
    queryFn: () => adviseCalcium(JSON.parse(debounced ?? '{}') as CalciumAdviceBody),
    enabled: debounced !== null,
    retry: false,
    placeholderData: keepPreviousData,
  });
  const errors = fieldErrors(t, advice.error);
  const decimalSeparator = i18n.language === 'nl' ? ',' : '.';

  if (foods.isPending) return <LoadingState />;
  if (foods.isError) return <QueryError error={foods.error} onRetry={() => void foods.refetch()} />;

  return (
    <Stack gap="lg">
      <Text>{t('advice.calcium.intro')}</Text>
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
        {t('advice.calcium.foodsTitle')}
      </Title>
      <Text size="sm">{t('advice.calcium.fatHint')}</Text>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" verticalSpacing="sm">
        {foods.data.foods.map(({ code, mgPerPortion }) =>
          isOneOf(CALCIUM_FOOD_CODES, code) ? (
            <NumberInput
              key={code}
              label={t(`advice.foods.label.${code}`)}
              description={t(`advice.foods.perPortion.${code}`, { mg: mgPerPortion })}
              value={portions[code] ?? 0}
              onChange={(value) => {
                setPortions((p) => ({ ...p, [code]: value }));
              }}
              min={0}
              max={foods.data.maxPortionsPerFood}
              step={foods.data.portionStep}
              decimalScale={1}
              decimalSeparator={decimalSeparator}
              clampBehavior="none"
              error={errors.get(`body.servings.${code}`)}
              data-food={code}
            />
          ) : null,
        )}
      </SimpleGrid>
      <NumberInput
        label={t('advice.calcium.supplement')}
        description={t('advice.calcium.supplementHelp')}
        value={supplement}
        onChange={setSupplement}
        min={0}
        max={5000}
        step={100}
        allowDecimal={false}
        clampBehavior="none"
        error={errors.get('body.supplementMgPerDay')}
        w={{ base: '100%', sm: 320 }}
      />
      <Paper withBorder p="md" radius="md">
        <Stack gap="sm">
          <Title order={2} size="h3">
            {t('advice.calcium.resultTitle')}
          </Title>
          {request === null ? (
            <Text>{t('advice.calcium.needAge')}</Text>
          ) : advice.isError ? (
            <Alert color="red" variant="light">
              {advice.error instanceof ApiError && advice.error.issues.length > 0
                ? t('advice.calcium.fixFields')
                : errorText(t, advice.error)}
            </Alert>
          ) : advice.data === undefined ? (
            <LoadingState />
          ) : (
            <CalciumResult advice={advice.data} />
          )}
        </Stack>
      </Paper>
    </Stack>
  );
}

function CalciumResult({ advice }: { advice: CalciumAdvice }) {
  const { t } = useTranslation();
  const intake = wholeMg(advice.intakeMg);
  const percent = Math.round((advice.intakeMg / advice.requirementMgPerDay) * 100);
  const portion = (food: string, count: number) =>
    isOneOf(CALCIUM_FOOD_CODES, food) ? t(`advice.foods.portion.${food}`, { count }) : food;
  return (
    <Stack gap="sm" data-testid="calcium-result">
      <div role="status">
        <Text>{t('advice.calcium.intake', { mg: intake })}</Text>
        <Text>
          {t(`advice.calcium.requirement.${advice.requirementBasis}`, { mg: advice.requirementMgPerDay })}
        </Text>
      </div>
      <Progress.Root size="xl" radius="sm">
        <Progress.Section
          value={Math.min(100, percent)}
          color={advice.meetsRequirement ? 'teal.8' : 'orange.8'}
          aria-label={t('advice.calcium.barLabel')}
        />
      </Progress.Root>
      <Text size="sm" data-testid="calcium-bar-text">
        {t('advice.calcium.barText', { intake, requirement: advice.requirementMgPerDay, percent })}
      </Text>
      {advice.meetsRequirement ? (
        <Text fw={600}>{t('advice.calcium.enough')}</Text>
      ) : (
        <Stack gap={4} data-testid="calcium-shortfall">
          <Text fw={600}>{t('advice.calcium.shortfall', { mg: wholeMg(advice.shortfallMg) })}</Text>
          <List>
            {advice.shortfallPortions.map((p, i) => (
              <List.Item key={p.food}>
                {i === 0
                  ? portion(p.food, p.portions)
                  : t('advice.calcium.shortfallOr', { portion: portion(p.food, p.portions) })}
              </List.Item>
            ))}
          </List>
        </Stack>
      )}
      {advice.exceedsUpperLimit && (
        <Alert color="orange" variant="light" data-testid="calcium-upper-limit">
          {t('advice.calcium.upperLimit', { mg: advice.upperLimitMgPerDay })}
        </Alert>
      )}
      {advice.lowIntakeRiskFactor && (
        <Text>{t('advice.calcium.lowIntake', { mg: advice.lowIntakeBelowMg })}</Text>
      )}
      {advice.supplement !== null && (
        <Text>
          {advice.supplement.status === 'ok' && advice.supplement.supplementMgPerDay !== null
            ? t('advice.calcium.supplementDose', { mg: advice.supplement.supplementMgPerDay })
            : t('advice.calcium.supplementGap')}
        </Text>
      )}
      <AdviceRules
        rules={[...advice.rules, ...(advice.supplement?.rules ?? [])]}
        conflicts={advice.conflicts}
      />
    </Stack>
  );
}
