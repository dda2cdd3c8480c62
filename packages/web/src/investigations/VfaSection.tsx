import { Alert, Button, Checkbox, Group, Stack, Table, Text, TextInput } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  VFA_CATEGORIES,
  VFA_LEVELS,
  isOneOf,
  type VfaBody,
  type VfaExam,
  type VfaLevel,
  type VfaResult,
} from '@osteopad/contract';
import { ApiError } from '../api/client';
import { investigationsQuery, previewVfa, saveVfa } from '../api/investigations';
import { Section } from '../common/Section';
import { RuleTraces } from './RuleTraces';
import { SaveProblem } from './SaveProblem';
import { fieldErrorsOf, numberText, parseNumber, todayIso, type FieldErrors } from './investigationsForm';
import { useFieldError } from './useFieldError';

interface VertebraForm {
  grade: string;
  loss: string;
}

interface VfaForm {
  examDate: string;
  assessable: boolean;
  vertebrae: Record<VfaLevel, VertebraForm>;
}

function formOf(exam: VfaExam | null): VfaForm {
  const vertebrae = {} as Record<VfaLevel, VertebraForm>;
  for (const level of VFA_LEVELS) {
    const v = exam?.vertebrae.find((x) => x.level === level);
    vertebrae[level] = {
      grade: numberText(v?.genantGrade ?? null),
      loss: numberText(v?.heightLossPercent ?? null),
    };
  }
  return { examDate: exam?.examDate ?? todayIso(), assessable: exam?.assessable ?? true, vertebrae };
}

/** The request (only the vertebrae with a value; the server names them by their position in it). */
function bodyOf(form: VfaForm): { body: VfaBody; local: FieldErrors; levels: VfaLevel[] } {
  const local: FieldErrors = {};
  const vertebrae: VfaBody['vertebrae'] = [];
  const levels: VfaLevel[] = [];
  for (const level of VFA_LEVELS) {
    const grade = parseNumber(form.vertebrae[level].grade);
    const loss = parseNumber(form.vertebrae[level].loss);
    if (grade === 'invalid') local[`level.${level}.genantGrade`] = 'not_a_number';
    if (loss === 'invalid') local[`level.${level}.heightLossPercent`] = 'not_a_number';
    if (grade === 'invalid' || loss === 'invalid' || (grade === null && loss === null)) continue;
    levels.push(level);
    vertebrae.push({ level, genantGrade: grade, heightLossPercent: loss });
  }
  return { body: { examDate: form.examDate, assessable: form.assessable, vertebrae }, local, levels };
}

/** The server's `vertebrae.<i>.<field>` as the row's level, so the error shows in its row. */
function byLevel(errors: FieldErrors, levels: readonly VfaLevel[]): FieldErrors {
  const out: FieldErrors = {};
  for (const [field, code] of Object.entries(errors)) {
    const match = /^vertebrae\.(\d+)\.(\w+)$/.exec(field);
    const level = match === null ? undefined : levels[Number(match[1])];
    out[level === undefined || match === null ? field : `level.${level}.${match[2] ?? ''}`] = code;
  }
  return out;
}

export function VfaSection({ episodeId, exam }: { episodeId: string; exam: VfaExam | null }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [form, setForm] = useState<VfaForm>(() => formOf(exam));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [result, setResult] = useState<VfaResult | null>(exam?.result ?? null);
  const [saveError, setSaveError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const [saving, setSaving] = useState(false);
  const latest = useRef(0);

  const { local } = bodyOf(form);
  const shown = Object.keys(local).length > 0 ? local : errors;
  useEffect(() => {
    const { body, local: typed, levels } = bodyOf(form);
    const request = ++latest.current;
    const timer = setTimeout(() => {
      if (Object.keys(typed).length > 0 || body.examDate === '') return;
      previewVfa(episodeId, body).then(
        (answer) => {
          if (request !== latest.current) return;
          setErrors({});
          setResult(answer.result);
        },
        (error: unknown) => {
          if (request !== latest.current) return;
          setErrors(byLevel(fieldErrorsOf(error), levels));
          setResult(null);
        },
      );
    }, 350);
    return () => {
      clearTimeout(timer);
    };
  }, [episodeId, form]);

  const setLevel = (level: VfaLevel, patch: Partial<VertebraForm>) => {
    setSaved(false);
    setForm((f) => ({ ...f, vertebrae: { ...f.vertebrae, [level]: { ...f.vertebrae[level], ...patch } } }));
  };

  const save = async () => {
    const { body, local: typed, levels } = bodyOf(form);
    if (Object.keys(typed).length > 0) return;
    setSaving(true);
    setSaveError(null);
    try {
      await saveVfa(episodeId, exam?.id ?? null, body, exam?.version ?? 1);
      setSaved(true);
      await queryClient.invalidateQueries({ queryKey: investigationsQuery(episodeId).queryKey });
    } catch (error) {
      setSaveError(error);
      if (error instanceof ApiError && error.status === 400) setErrors(byLevel(fieldErrorsOf(error), levels));
    } finally {
      setSaving(false);
    }
  };

  const errorText = useFieldError(shown);
  const usedGrade = new Map((result?.grades ?? []).map((g) => [g.level, g.grade]));
  const category = result?.category ?? null;

  return (
    <Section title={t('investigations.vfa.title')}>
      <Group align="flex-end">
        <TextInput
          type="date"
          label={t('investigations.examDate')}
          value={form.examDate}
          onChange={(e) => {
            const examDate = e.currentTarget.value;
            setForm((f) => ({ ...f, examDate }));
          }}
          error={errorText('examDate')}
          data-testid="vfa-exam-date"
        />
        <Checkbox
          label={t('investigations.vfa.assessable')}
          checked={form.assessable}
          onChange={(e) => {
            const assessable = e.currentTarget.checked;
            setForm((f) => ({ ...f, assessable }));
          }}
        />
      </Group>
      <Table>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('investigations.vfa.vertebra')}</Table.Th>
            <Table.Th>{t('investigations.vfa.grade')}</Table.Th>
            <Table.Th>{t('investigations.vfa.heightLoss')}</Table.Th>
            <Table.Th>{t('investigations.vfa.usedGrade')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {VFA_LEVELS.map((level) => (
            <Table.Tr key={level} data-level={level}>
              <Table.Th scope="row">{level}</Table.Th>
              <Table.Td>
                <TextInput
                  aria-label={`${level}: ${t('investigations.vfa.grade')}`}
                  inputMode="numeric"
                  size="xs"
                  value={form.vertebrae[level].grade}
                  onChange={(e) => {
                    setLevel(level, { grade: e.currentTarget.value });
                  }}
                  error={errorText(`level.${level}.genantGrade`)}
                />
              </Table.Td>
              <Table.Td>
                <TextInput
                  aria-label={`${level}: ${t('investigations.vfa.heightLoss')}`}
                  inputMode="decimal"
                  size="xs"
                  value={form.vertebrae[level].loss}
                  onChange={(e) => {
                    setLevel(level, { loss: e.currentTarget.value });
                  }}
                  error={errorText(`level.${level}.heightLossPercent`)}
                />
              </Table.Td>
              <Table.Td>{usedGrade.get(level) ?? ''}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {result !== null && (
        <Alert variant="light" color="blue" title={t('investigations.vfa.result')} data-testid="vfa-result">
          <Stack gap="xs">
            {result.status === 'notAssessable' ? (
              <Text>{t('investigations.vfa.notAssessable')}</Text>
            ) : (
              category !== null &&
              isOneOf(VFA_CATEGORIES, category) && (
                <Text fw={700} data-testid="vfa-category" data-category={category}>
                  {t('investigations.vfa.category', {
                    category: t(`investigations.vfaCategory.${category}`),
                  })}
                </Text>
              )
            )}
            <RuleTraces rules={result.explanation.rules} />
          </Stack>
        </Alert>
      )}
      <Group>
        <Button onClick={() => void save()} loading={saving}>
          {t('investigations.save')}
        </Button>
        {saved && <Text role="status">{t('investigations.saved')}</Text>}
        {exam !== null && (
          <Text size="sm" c="dimmed">
            {t('investigations.version', { version: exam.version, by: exam.recordedBy ?? '' })}
          </Text>
        )}
      </Group>
      <SaveProblem error={saveError} />
    </Section>
  );
}
