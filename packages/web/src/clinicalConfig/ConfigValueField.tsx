import {
  ActionIcon,
  Button,
  Checkbox,
  Group,
  NumberInput,
  Radio,
  Stack,
  Table,
  Text,
  TextInput,
  VisuallyHidden,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConfigLeafShape, ConfigValueShape } from '@osteopad/contract';
import { commonConfigWord, type ConfigWords } from './configWords';
import { parseNumberList } from './configValueCheck';

interface FieldProps<S> {
  shape: S;
  value: unknown;
  onChange: (value: unknown) => void;
  words: ConfigWords;
  label: string;
  /** The allowed range in words, under the field. */
  description?: string | undefined;
  error?: string | undefined;
}

function asNumberOrEmpty(value: unknown): number | string {
  return typeof value === 'number' ? value : '';
}

function LeafField({
  shape,
  value,
  onChange,
  words,
  label,
  description,
  error,
}: FieldProps<ConfigLeafShape>) {
  const { i18n } = useTranslation();
  const dutch = (i18n.resolvedLanguage ?? 'nl') === 'nl';
  switch (shape.kind) {
    case 'number':
      return (
        <NumberInput
          label={label}
          description={description}
          error={error}
          value={asNumberOrEmpty(value)}
          onChange={(next) => {
            onChange(typeof next === 'number' ? next : next === '' ? '' : Number(next.replace(',', '.')));
          }}
          min={shape.min}
          max={shape.max}
          clampBehavior="none"
          allowDecimal={!shape.integer}
          decimalSeparator={dutch ? ',' : '.'}
          hideControls
          data-autofocus
        />
      );
    case 'boolean':
      return (
        <Radio.Group
          label={label}
          description={description}
          error={error}
          value={typeof value === 'boolean' ? String(value) : ''}
          onChange={(next) => {
            onChange(next === 'true');
          }}
        >
          <Group gap="lg" mt={4}>
            <Radio value="true" label={commonConfigWord(i18n, 'boolean.true')} />
            <Radio value="false" label={commonConfigWord(i18n, 'boolean.false')} />
          </Group>
        </Radio.Group>
      );
    case 'enum':
      return (
        <Radio.Group
          label={label}
          description={description}
          error={error}
          value={typeof value === 'string' ? value : ''}
          onChange={onChange}
        >
          <Stack gap={6} mt={4}>
            {shape.values.map((option) => (
              <Radio key={option} value={option} label={words.option(option)} />
            ))}
          </Stack>
        </Radio.Group>
      );
  }
}

/** A list of numbers typed as "16, 52": the text stays as typed, the value is what it reads as. */
function NumberListField({ value, onChange, label, description, error }: FieldProps<ConfigValueShape>) {
  const { i18n } = useTranslation();
  const comma = (i18n.resolvedLanguage ?? 'nl') === 'nl';
  // No thousands separator: "1.200" would read back as 1,2.
  const [text, setText] = useState(() =>
    Array.isArray(value)
      ? value.map((n: unknown) => (comma ? String(n).replace('.', ',') : String(n))).join('; ')
      : '',
  );
  return (
    <TextInput
      label={label}
      description={description}
      error={error}
      value={text}
      onChange={(event) => {
        setText(event.currentTarget.value);
        onChange(parseNumberList(event.currentTarget.value));
      }}
      data-autofocus
    />
  );
}

interface Band {
  minAgeYears: number | string;
  maxAgeYears: number | string | null;
  mgPerDay: number | string;
}

function bandsOf(value: unknown): Band[] {
  return Array.isArray(value) ? (value as Band[]).map((band) => ({ ...band })) : [];
}

/** Age bands as rows: from age, to age (empty: no upper limit), mg per day. */
function AgeBandsField({ value, onChange, words, label, error }: FieldProps<ConfigValueShape>) {
  const { t } = useTranslation();
  const bands = bandsOf(value);
  const set = (index: number, change: Partial<Band>) => {
    onChange(bands.map((band, i) => (i === index ? { ...band, ...change } : band)));
  };
  const number = (next: number | string) => (typeof next === 'number' ? next : '');
  return (
    <Stack gap="xs">
      <Table aria-label={label} withTableBorder>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('configScreen.edit.band.from')}</Table.Th>
            <Table.Th>{t('configScreen.edit.band.to')}</Table.Th>
            <Table.Th>{words.unit ?? ''}</Table.Th>
            <Table.Th>
              <VisuallyHidden>{t('configScreen.edit.band.actions')}</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {bands.map((band, index) => (
            // The rows have no identity of their own; their order is the table's.
            <Table.Tr key={index}>
              <Table.Td>
                <NumberInput
                  aria-label={t('configScreen.edit.band.fromOf', { row: index + 1 })}
                  value={band.minAgeYears}
                  onChange={(next) => {
                    set(index, { minAgeYears: number(next) });
                  }}
                  allowDecimal={false}
                  hideControls
                />
              </Table.Td>
              <Table.Td>
                <NumberInput
                  aria-label={t('configScreen.edit.band.toOf', { row: index + 1 })}
                  placeholder={t('configScreen.edit.band.noUpper')}
                  value={band.maxAgeYears ?? ''}
                  onChange={(next) => {
                    set(index, { maxAgeYears: next === '' ? null : number(next) });
                  }}
                  allowDecimal={false}
                  hideControls
                />
              </Table.Td>
              <Table.Td>
                <NumberInput
                  aria-label={t('configScreen.edit.band.mgOf', { row: index + 1 })}
                  value={band.mgPerDay}
                  onChange={(next) => {
                    set(index, { mgPerDay: number(next) });
                  }}
                  hideControls
                />
              </Table.Td>
              <Table.Td>
                <ActionIcon
                  variant="subtle"
                  color="red"
                  aria-label={t('configScreen.edit.band.remove', { row: index + 1 })}
                  onClick={() => {
                    onChange(bands.filter((_, i) => i !== index));
                  }}
                >
                  ×
                </ActionIcon>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Group justify="space-between">
        <Button
          variant="default"
          size="xs"
          onClick={() => {
            onChange([...bands, { minAgeYears: '', maxAgeYears: null, mgPerDay: '' }]);
          }}
        >
          {t('configScreen.edit.band.add')}
        </Button>
      </Group>
      {error !== undefined && (
        <Text role="alert" size="sm" c="var(--mantine-color-error)">
          {error}
        </Text>
      )}
    </Stack>
  );
}

/** The field for one configuration value, built from its shape. */
export function ConfigValueField(props: FieldProps<ConfigValueShape>) {
  const { t } = useTranslation();
  const { shape, value, onChange, words, label, description, error } = props;
  switch (shape.kind) {
    case 'number':
    case 'boolean':
    case 'enum':
      return <LeafField {...props} shape={shape} />;
    case 'nullable':
      return (
        <Stack gap="xs">
          <Checkbox
            label={t('configScreen.edit.noValue')}
            checked={value === null}
            onChange={(event) => {
              onChange(event.currentTarget.checked ? null : '');
            }}
          />
          {value !== null && <LeafField {...props} shape={shape.inner} />}
        </Stack>
      );
    case 'list':
      if (shape.item.kind === 'enum') {
        const item = shape.item;
        return (
          <Checkbox.Group
            label={label}
            description={description}
            error={error}
            value={Array.isArray(value) ? (value as string[]) : []}
            onChange={(next) => {
              onChange(item.values.filter((v) => next.includes(v)));
            }}
          >
            <Stack gap={6} mt={4}>
              {item.values.map((option) => (
                <Checkbox key={option} value={option} label={words.option(option)} />
              ))}
            </Stack>
          </Checkbox.Group>
        );
      }
      return <NumberListField {...props} />;
    case 'record': {
      const record = typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
      const item = shape.item;
      return (
        <Stack gap="xs" role="group" aria-label={label}>
          {shape.keys.map((field) => (
            <LeafField
              key={field}
              shape={item}
              words={words}
              label={words.field(field)}
              value={record[field]}
              onChange={(next) => {
                onChange({ ...record, [field]: next });
              }}
            />
          ))}
          {error !== undefined && (
            <Text role="alert" size="sm" c="var(--mantine-color-error)">
              {error}
            </Text>
          )}
        </Stack>
      );
    }
    case 'calciumTable':
      return <AgeBandsField {...props} />;
  }
}
