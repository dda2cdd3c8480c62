import { Alert, Button, Checkbox, Group, Stack, Table, Text, TextInput } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  BMD_CATEGORIES,
  DXA_SITES,
  Z_SCORE_CATEGORIES,
  isOneOf,
  type DxaBody,
  type DxaClassification,
  type DxaExam,
  type DxaSite,
} from '@osteopad/contract';
import { ApiError } from '../api/client';
import { investigationsQuery, previewDxa, saveDxa } from '../api/investigations';
import { Section } from '../common/Section';
import { RuleTraces } from './RuleTraces';
import { SaveProblem } from './SaveProblem';
import { fieldErrorsOf, numberText, parseNumber, type FieldErrors } from './investigationsForm';
import { useFieldError } from './useFieldError';
import { todayIso } from './investigationsForm';

interface SiteForm {
  bmd: string;
  t: string;
  z: string;
  evaluable: boolean;
  vertebrae: string;
}

interface DxaForm {
  examDate: string;
  device: string;
  sites: Record<DxaSite, SiteForm>;
}

const isSpine = (site: DxaSite): boolean => site === 'lumbarSpine';

const EMPTY_SITE: SiteForm = { bmd: '', t: '', z: '', evaluable: true, vertebrae: '' };

function formOf(exam: DxaExam | null): DxaForm {
  const sites = {} as Record<DxaSite, SiteForm>;
  for (const site of DXA_SITES) {
    const v = exam?.sites[site] ?? null;
    sites[site] =
      v === null
        ? EMPTY_SITE
        : {
            bmd: numberText(v.bmdGcm2),
            t: numberText(v.tScore),
            z: numberText(v.zScore),
            evaluable: v.evaluable,
            vertebrae: numberText(v.vertebraeEvaluable),
          };
  }
  return { examDate: exam?.examDate ?? todayIso(), device: exam?.device ?? '', sites };
}

/** The request the form stands for, or the fields that are not numbers. */
function bodyOf(form: DxaForm): { body: DxaBody; local: FieldErrors } {
  const local: FieldErrors = {};
  const sites: DxaBody['sites'] = {};
  for (const site of DXA_SITES) {
    const s = form.sites[site];
    const values: Record<string, number | null> = {};
    const fields = { bmdGcm2: s.bmd, tScore: s.t, zScore: s.z, vertebraeEvaluable: s.vertebrae };
    for (const [key, text] of Object.entries(fields)) {
      const value = parseNumber(text);
      if (value === 'invalid') local[`sites.${site}.${key}`] = 'not_a_number';
      else values[key] = value;
    }
    const empty = Object.values(values).every((v) => v === null);
    if (empty && s.evaluable) continue;
    sites[site] = {
      bmdGcm2: values.bmdGcm2 ?? null,
      tScore: values.tScore ?? null,
      zScore: values.zScore ?? null,
      evaluable: s.evaluable,
      ...(site === 'lumbarSpine' ? { vertebraeEvaluable: values.vertebraeEvaluable ?? null } : {}),
    };
  }
  return { body: { examDate: form.examDate, device: form.device, sites }, local };
}

export function DxaSection({ episodeId, exam }: { episodeId: string; exam: DxaExam | null }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [form, setForm] = useState<DxaForm>(() => formOf(exam));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [classification, setClassification] = useState<DxaClassification | null>(
    exam?.classification ?? null,
  );
  const [saveError, setSaveError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const [saving, setSaving] = useState(false);
  const latest = useRef(0);

  // The engine's answer as the user types (debounced); a later answer replaces an earlier one only.
  const { local } = bodyOf(form);
  const shown = Object.keys(local).length > 0 ? local : errors;
  useEffect(() => {
    const { body, local: typed } = bodyOf(form);
    const request = ++latest.current;
    const timer = setTimeout(() => {
      if (Object.keys(typed).length > 0 || body.examDate === '') return;
      if (Object.keys(body.sites).length === 0) {
        setErrors({});
        setClassification(null);
        return;
      }
      previewDxa(episodeId, body).then(
        (answer) => {
          if (request !== latest.current) return;
          setErrors({});
          setClassification(answer.classification);
        },
        (error: unknown) => {
          if (request !== latest.current) return;
          setErrors(fieldErrorsOf(error));
          setClassification(null);
        },
      );
    }, 350);
    return () => {
      clearTimeout(timer);
    };
  }, [episodeId, form]);

  const setSite = (site: DxaSite, patch: Partial<SiteForm>) => {
    setSaved(false);
    setForm((f) => ({ ...f, sites: { ...f.sites, [site]: { ...f.sites[site], ...patch } } }));
  };

  const save = async () => {
    const { body, local: typed } = bodyOf(form);
    if (Object.keys(typed).length > 0) return;
    setSaving(true);
    setSaveError(null);
    try {
      await saveDxa(episodeId, exam?.id ?? null, body, exam?.version ?? 1);
      setSaved(true);
      await queryClient.invalidateQueries({ queryKey: investigationsQuery(episodeId).queryKey });
    } catch (error) {
      setSaveError(error);
      if (error instanceof ApiError && error.status === 400) setErrors(fieldErrorsOf(error));
    } finally {
      setSaving(false);
    }
  };

  const errorText = useFieldError(shown);
  const siteLabel = (site: DxaSite) => t(`investigations.sites.${site}`);
  const rowsOf = new Map((classification?.sites ?? []).map((row) => [row.site, row]));

  return (
    <Section title={t('investigations.dxa.title')}>
      <Group align="flex-start">
        <TextInput
          type="date"
          label={t('investigations.examDate')}
          value={form.examDate}
          onChange={(e) => {
            const examDate = e.currentTarget.value;
            setSaved(false);
            setForm((f) => ({ ...f, examDate }));
          }}
          error={errorText('examDate')}
          data-testid="dxa-exam-date"
        />
        <TextInput
          label={t('investigations.dxa.device')}
          value={form.device}
          maxLength={100}
          onChange={(e) => {
            const device = e.currentTarget.value;
            setForm((f) => ({ ...f, device }));
          }}
        />
      </Group>
      <Table>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('investigations.dxa.site')}</Table.Th>
            <Table.Th>{t('investigations.dxa.bmd')}</Table.Th>
            <Table.Th>{t('investigations.dxa.tScore')}</Table.Th>
            <Table.Th>{t('investigations.dxa.zScore')}</Table.Th>
            <Table.Th>{t('investigations.dxa.evaluable')}</Table.Th>
            <Table.Th>{t('investigations.dxa.siteCategory')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {DXA_SITES.map((site) => {
            const s = form.sites[site];
            const row = rowsOf.get(site);
            const category = row?.category ?? null;
            return (
              <Table.Tr key={site} data-site={site}>
                <Table.Th scope="row">{siteLabel(site)}</Table.Th>
                <Table.Td>
                  <TextInput
                    aria-label={`${siteLabel(site)}: ${t('investigations.dxa.bmd')}`}
                    inputMode="decimal"
                    value={s.bmd}
                    onChange={(e) => {
                      setSite(site, { bmd: e.currentTarget.value });
                    }}
                    error={errorText(`sites.${site}.bmdGcm2`)}
                  />
                </Table.Td>
                <Table.Td>
                  <TextInput
                    aria-label={`${siteLabel(site)}: ${t('investigations.dxa.tScore')}`}
                    inputMode="decimal"
                    value={s.t}
                    onChange={(e) => {
                      setSite(site, { t: e.currentTarget.value });
                    }}
                    error={errorText(`sites.${site}.tScore`)}
                  />
                </Table.Td>
                <Table.Td>
                  <TextInput
                    aria-label={`${siteLabel(site)}: ${t('investigations.dxa.zScore')}`}
                    inputMode="decimal"
                    value={s.z}
                    onChange={(e) => {
                      setSite(site, { z: e.currentTarget.value });
                    }}
                    error={errorText(`sites.${site}.zScore`)}
                  />
                </Table.Td>
                <Table.Td>
                  <Stack gap={4}>
                    <Checkbox
                      aria-label={`${siteLabel(site)}: ${t('investigations.dxa.evaluable')}`}
                      checked={s.evaluable}
                      onChange={(e) => {
                        setSite(site, { evaluable: e.currentTarget.checked });
                      }}
                    />
                    {isSpine(site) && (
                      <TextInput
                        label={t('investigations.dxa.vertebraeEvaluable')}
                        size="xs"
                        inputMode="numeric"
                        value={s.vertebrae}
                        onChange={(e) => {
                          setSite(site, { vertebrae: e.currentTarget.value });
                        }}
                        error={errorText(`sites.${site}.vertebraeEvaluable`)}
                      />
                    )}
                  </Stack>
                </Table.Td>
                <Table.Td data-testid={`dxa-site-category-${site}`}>
                  {category !== null && isOneOf(BMD_CATEGORIES, category)
                    ? t(`investigations.bmdCategory.${category}`)
                    : ''}
                  {row?.used === true && (
                    <Text size="xs" c="dimmed">
                      {t('investigations.dxa.used')}
                    </Text>
                  )}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
      {errorText('sites') !== undefined && (
        <Text c="red" size="sm">
          {errorText('sites')}
        </Text>
      )}
      <DxaResult classification={classification} />
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

function DxaResult({ classification }: { classification: DxaClassification | null }) {
  const { t } = useTranslation();
  if (classification === null) return null;
  const site = classification.lowestSite;
  const category = classification.category;
  const zCategory = classification.zCategory;
  const missing = classification.missing.map((code) =>
    code === 'menopausalStatus' ||
    code === 'sex' ||
    code === 'dxa.tScore' ||
    code === 'dxa.zScore' ||
    code === 'dxa'
      ? t(`investigations.missingInput.${code}`)
      : code,
  );
  return (
    <Alert variant="light" color="blue" title={t('investigations.dxa.result')} data-testid="dxa-result">
      <Stack gap="xs">
        {classification.lowestTScore === null || site === null || !isOneOf(DXA_SITES, site) ? (
          <Text>{t('investigations.dxa.noResult')}</Text>
        ) : (
          <Text data-testid="dxa-lowest">
            {t('investigations.dxa.lowest', {
              score: classification.lowestTScore.toFixed(1),
              site: t(`investigations.sites.${site}`),
            })}
          </Text>
        )}
        {category !== null && isOneOf(BMD_CATEGORIES, category) && (
          <Text fw={700} data-testid="dxa-category" data-category={category}>
            {t('investigations.dxa.category', { category: t(`investigations.bmdCategory.${category}`) })}
          </Text>
        )}
        {classification.lowestZScore !== null &&
          zCategory !== null &&
          isOneOf(Z_SCORE_CATEGORIES, zCategory) && (
            <Text>
              {t('investigations.dxa.zResult', {
                score: classification.lowestZScore.toFixed(1),
                category: t(`investigations.zCategory.${zCategory}`),
              })}
            </Text>
          )}
        {missing.length > 0 && (
          <Text data-testid="dxa-missing">
            {t('investigations.dxa.missing', { missing: missing.join(', ') })}
          </Text>
        )}
        <RuleTraces rules={classification.explanation.rules} />
      </Stack>
    </Alert>
  );
}
