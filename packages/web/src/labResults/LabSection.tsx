import { Alert, Badge, Button, Group, List, Stack, Table, Text, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LabAnalyteView, LabResult, LabResultFlag, LabsAndFalls } from '@osteopad/contract';
import { LABS_AND_FALLS_QUERY_KEY, saveLabResults, updateLabResult } from '../api/labResults';
import { Section } from '../common/Section';
import { formatDate } from '../format/dates';
import { RuleBadges } from './RuleBadges';
import { fieldErrors, isOneOf, parseDecimal, saveErrorText } from './labTexts';
import './i18n/register';

const FLAG_COLOURS: Record<LabResultFlag, string> = { low: 'orange', normal: 'green', high: 'red' };
const FLAG_ICONS: Record<LabResultFlag, string> = { low: '↓', normal: '✓', high: '↑' };
const MISSING = ['dxa.tScore', 'fractures', 'treatmentIndication'] as const;
const TESTS = [
  'calcium',
  'albumin',
  'creatinine_eGFR',
  'TSH',
  '25OHD',
  'testosterone',
  'ESR',
  'proteinSpectrumOrMProtein',
  'phosphate',
  'alkalinePhosphatase',
  'coeliacSerology',
  'tryptase',
  'urinaryCalcium',
] as const;
const GROUPS = ['basic', 'testosterone', 'extended', 'onIndication'] as const;

/** A flag in colour and in words (with an arrow), or the note that the range is unconfirmed. */
export function LabFlagBadge({ flag }: { flag: LabResultFlag | null }) {
  const { t } = useTranslation();
  if (flag === null)
    return (
      <Badge color="gray" variant="light" tt="none" data-flag="none">
        {t('labResults.labs.rangeUnconfirmed')}
      </Badge>
    );
  return (
    <Badge color={FLAG_COLOURS[flag]} variant="filled" tt="none" data-flag={flag}>
      <span aria-hidden="true">{FLAG_ICONS[flag]} </span>
      {t(`labResults.labs.flags.${flag}`)}
    </Badge>
  );
}

interface Row {
  value: string;
  rangeLow: string;
  rangeHigh: string;
}

const blankRow = (a: LabAnalyteView): Row => ({
  value: '',
  rangeLow: a.defaultRangeLow === null ? '' : String(a.defaultRangeLow),
  rangeHigh: a.defaultRangeHigh === null ? '' : String(a.defaultRangeHigh),
});

const optionalNumber = (text: string): number | null => (text.trim() === '' ? null : parseDecimal(text));

function rangeText(low: number | null, high: number | null): string {
  if (low === null && high === null) return '';
  return `${low ?? ''}–${high ?? ''}`;
}

/** The R6 order list from the engine, the results with their flags, and the entry of new results. */
export function LabSection({ data, today }: { data: LabsAndFalls; today: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [rows, setRows] = useState<Record<string, Row>>(() =>
    Object.fromEntries(data.analytes.map((a) => [a.code, blankRow(a)])),
  );
  const [sampledOn, setSampledOn] = useState(today);
  const [sent, setSent] = useState<string[]>([]);
  const [editing, setEditing] = useState<{ result: LabResult; row: Row } | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: LABS_AND_FALLS_QUERY_KEY });

  const save = useMutation({
    mutationFn: (codes: string[]) =>
      saveLabResults(data.episodeId, {
        results: codes.map((code) => {
          const row = rows[code] ?? { value: '', rangeLow: '', rangeHigh: '' };
          const analyte = data.analytes.find((a) => a.code === code);
          return {
            analyte: analyte?.code ?? 'calcium',
            value: parseDecimal(row.value),
            rangeLow: optionalNumber(row.rangeLow),
            rangeHigh: optionalNumber(row.rangeHigh),
            sampledOn,
          };
        }),
      }),
    onSuccess: async () => {
      setRows(Object.fromEntries(data.analytes.map((a) => [a.code, blankRow(a)])));
      await refresh();
    },
  });
  const edit = useMutation({
    mutationFn: (e: { result: LabResult; row: Row }) =>
      updateLabResult(e.result.id, {
        analyte: e.result.analyte,
        value: parseDecimal(e.row.value),
        rangeLow: optionalNumber(e.row.rangeLow),
        rangeHigh: optionalNumber(e.row.rangeHigh),
        sampledOn: e.result.sampledOn,
        version: e.result.version,
      }),
    onSuccess: async () => {
      setEditing(null);
      await refresh();
    },
  });

  const errors = fieldErrors(t, save.error);
  const errorAt = (code: string, field: string): string | undefined => {
    const index = sent.indexOf(code);
    return index < 0 ? undefined : errors.get(`body.results.${index}.${field}`);
  };
  const dateError = sent
    .map((_, i) => errors.get(`body.results.${i}.sampledOn`))
    .find((e) => e !== undefined);
  const editErrors = fieldErrors(t, edit.error);
  const saveMessage = saveErrorText(t, save.error);
  const editMessage = saveErrorText(t, edit.error);
  const panel = data.panel;
  const setRow = (code: string, patch: Partial<Row>) => {
    setRows((r) => ({
      ...r,
      [code]: { ...(r[code] ?? { value: '', rangeLow: '', rangeHigh: '' }), ...patch },
    }));
  };

  return (
    <Section title={t('labResults.labs.title')}>
      <Stack gap="xs" data-testid="lab-order-list">
        <Text fw={600}>{t('labResults.labs.orderList')}</Text>
        {panel.status === 'insufficientData' ? (
          <Text>
            {t('labResults.labs.insufficient', {
              missing: panel.missing
                .map((m) => (isOneOf(MISSING, m) ? t(`labResults.labs.missing.${m}`) : m))
                .join(', '),
            })}
          </Text>
        ) : panel.items.length === 0 ? (
          <Text>{t('labResults.labs.noOrders')}</Text>
        ) : (
          <List>
            {panel.items.map((item) => (
              <List.Item key={`${item.group}-${item.test}`} data-testid="lab-order">
                {isOneOf(TESTS, item.test) ? t(`labResults.labs.tests.${item.test}`) : item.test}
                {' — '}
                {isOneOf(GROUPS, item.group) ? t(`labResults.labs.groups.${item.group}`) : item.group}{' '}
                <Badge variant="outline" color="gray" tt="none">
                  {t('labResults.rule', { ruleId: item.ruleId })}
                </Badge>
              </List.Item>
            ))}
          </List>
        )}
        {panel.referSecondaryCare && <Alert color="orange">{t('labResults.labs.referSecondaryCare')}</Alert>}
        <RuleBadges rules={panel.rules} />
      </Stack>

      <Text fw={600}>{t('labResults.labs.results')}</Text>
      {editMessage !== null && <Alert color="red">{editMessage}</Alert>}
      {data.results.length === 0 ? (
        <Text>{t('labResults.labs.noResults')}</Text>
      ) : (
        <Table data-testid="lab-results">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('labResults.labs.analyte')}</Table.Th>
              <Table.Th>{t('labResults.labs.value')}</Table.Th>
              <Table.Th>{t('labResults.labs.range')}</Table.Th>
              <Table.Th>{t('labResults.labs.flag')}</Table.Th>
              <Table.Th>{t('labResults.labs.sampledOn')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data.results.map((r) =>
              editing?.result.id === r.id ? (
                <Table.Tr key={r.id} data-analyte={r.analyte}>
                  <Table.Td>{t(`labResults.labs.analytes.${r.analyte}`)}</Table.Td>
                  <Table.Td>
                    <TextInput
                      aria-label={t('labResults.labs.value')}
                      value={editing.row.value}
                      error={editErrors.get('body.value')}
                      onChange={(e) => {
                        setEditing({ ...editing, row: { ...editing.row, value: e.currentTarget.value } });
                      }}
                      rightSection={<Text size="xs">{r.unit}</Text>}
                      rightSectionWidth={90}
                    />
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4} wrap="nowrap">
                      <TextInput
                        aria-label={t('labResults.labs.rangeLow')}
                        value={editing.row.rangeLow}
                        error={editErrors.get('body.rangeLow')}
                        onChange={(e) => {
                          setEditing({
                            ...editing,
                            row: { ...editing.row, rangeLow: e.currentTarget.value },
                          });
                        }}
                      />
                      <TextInput
                        aria-label={t('labResults.labs.rangeHigh')}
                        value={editing.row.rangeHigh}
                        error={editErrors.get('body.rangeHigh')}
                        onChange={(e) => {
                          setEditing({
                            ...editing,
                            row: { ...editing.row, rangeHigh: e.currentTarget.value },
                          });
                        }}
                      />
                    </Group>
                  </Table.Td>
                  <Table.Td />
                  <Table.Td>{formatDate(r.sampledOn)}</Table.Td>
                  <Table.Td>
                    <Group gap={4} wrap="nowrap">
                      <Button
                        size="xs"
                        loading={edit.isPending}
                        onClick={() => {
                          edit.mutate(editing);
                        }}
                      >
                        {t('labResults.labs.saveEdit')}
                      </Button>
                      <Button
                        size="xs"
                        variant="subtle"
                        onClick={() => {
                          setEditing(null);
                        }}
                      >
                        {t('labResults.labs.cancel')}
                      </Button>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ) : (
                <Table.Tr key={r.id} data-analyte={r.analyte}>
                  <Table.Td>{t(`labResults.labs.analytes.${r.analyte}`)}</Table.Td>
                  <Table.Td>
                    {r.value} {r.unit}
                  </Table.Td>
                  <Table.Td>{rangeText(r.rangeLow, r.rangeHigh)}</Table.Td>
                  <Table.Td>
                    <LabFlagBadge flag={r.flag} />
                  </Table.Td>
                  <Table.Td>{formatDate(r.sampledOn)}</Table.Td>
                  <Table.Td>
                    {data.writable && (
                      <Button
                        size="xs"
                        variant="subtle"
                        onClick={() => {
                          edit.reset();
                          setEditing({
                            result: r,
                            row: {
                              value: String(r.value),
                              rangeLow: r.rangeLow === null ? '' : String(r.rangeLow),
                              rangeHigh: r.rangeHigh === null ? '' : String(r.rangeHigh),
                            },
                          });
                        }}
                      >
                        {t('labResults.labs.edit')}
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ),
            )}
          </Table.Tbody>
        </Table>
      )}

      {data.writable && (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            const codes = data.analytes
              .map((a) => a.code)
              .filter((c) => (rows[c]?.value ?? '').trim() !== '');
            if (codes.length === 0) return;
            setSent(codes);
            save.mutate(codes);
          }}
        >
          <Stack gap="xs">
            <Text fw={600}>{t('labResults.labs.entry')}</Text>
            {saveMessage !== null && <Alert color="red">{saveMessage}</Alert>}
            <TextInput
              type="date"
              label={t('labResults.labs.sampledOn')}
              value={sampledOn}
              max={today}
              error={dateError}
              onChange={(e) => {
                setSampledOn(e.currentTarget.value);
              }}
              w={200}
            />
            <Table data-testid="lab-entry">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('labResults.labs.analyte')}</Table.Th>
                  <Table.Th>{t('labResults.labs.value')}</Table.Th>
                  <Table.Th>{t('labResults.labs.unit')}</Table.Th>
                  <Table.Th>{t('labResults.labs.rangeLow')}</Table.Th>
                  <Table.Th>{t('labResults.labs.rangeHigh')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.analytes.map((a) => {
                  const row = rows[a.code] ?? blankRow(a);
                  const name = t(`labResults.labs.analytes.${a.code}`);
                  return (
                    <Table.Tr key={a.code} data-analyte={a.code}>
                      <Table.Td>
                        {name}
                        {a.defaultRangeRule !== null && (
                          <Text size="xs" c="dimmed">
                            {t('labResults.labs.defaultRange', { ruleId: a.defaultRangeRule })}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td>
                        <TextInput
                          aria-label={`${name}: ${t('labResults.labs.value')}`}
                          inputMode="decimal"
                          value={row.value}
                          error={errorAt(a.code, 'value')}
                          onChange={(e) => {
                            setRow(a.code, { value: e.currentTarget.value });
                          }}
                        />
                      </Table.Td>
                      <Table.Td>{a.unit}</Table.Td>
                      <Table.Td>
                        <TextInput
                          aria-label={`${name}: ${t('labResults.labs.rangeLow')}`}
                          inputMode="decimal"
                          value={row.rangeLow}
                          error={errorAt(a.code, 'rangeLow')}
                          onChange={(e) => {
                            setRow(a.code, { rangeLow: e.currentTarget.value });
                          }}
                        />
                      </Table.Td>
                      <Table.Td>
                        <TextInput
                          aria-label={`${name}: ${t('labResults.labs.rangeHigh')}`}
                          inputMode="decimal"
                          value={row.rangeHigh}
                          error={errorAt(a.code, 'rangeHigh')}
                          onChange={(e) => {
                            setRow(a.code, { rangeHigh: e.currentTarget.value });
                          }}
                        />
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
            <Group>
              <Button type="submit" loading={save.isPending}>
                {t('labResults.labs.save')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Section>
  );
}
