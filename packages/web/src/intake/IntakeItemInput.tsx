import { Group, NumberInput, Radio } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type {
  IntakeAnswer,
  IntakeBooleanItem,
  IntakeChoiceItem,
  IntakeNumberItem,
  IntakeQuestion,
} from '@osteopad/contract';
import { itemText, optionText, unitText } from './intakeTexts';

interface ItemProps<Q> {
  item: Q;
  value: IntakeAnswer | undefined;
  error: string | undefined;
  onChange: (value: IntakeAnswer | undefined) => void;
}

function BooleanItem({ item, value, error, onChange }: ItemProps<IntakeBooleanItem>) {
  const { t } = useTranslation();
  return (
    <Radio.Group
      label={itemText(t, item.linkId)}
      withAsterisk={item.required}
      error={error}
      value={value === true ? 'yes' : value === false ? 'no' : null}
      onChange={(v) => {
        onChange(v === 'yes');
      }}
      data-linkid={item.linkId}
    >
      <Group gap="md" mt={4}>
        <Radio value="yes" label={t('intake.yes')} />
        <Radio value="no" label={t('intake.no')} />
      </Group>
    </Radio.Group>
  );
}

function ChoiceItem({ item, value, error, onChange }: ItemProps<IntakeChoiceItem>) {
  const { t } = useTranslation();
  return (
    <Radio.Group
      label={itemText(t, item.linkId)}
      withAsterisk={item.required}
      error={error}
      value={typeof value === 'string' ? value : null}
      onChange={onChange}
      data-linkid={item.linkId}
    >
      <Group gap="md" mt={4}>
        {item.answerOption.map((option) => (
          <Radio key={option} value={option} label={optionText(t, option)} />
        ))}
      </Group>
    </Radio.Group>
  );
}

function NumberItem({ item, value, error, onChange }: ItemProps<IntakeNumberItem>) {
  const { t } = useTranslation();
  const unit = unitText(t, item.unit);
  return (
    // No min/max here: the input would clamp an impossible value silently; the server refuses it with the reason.
    <NumberInput
      label={`${itemText(t, item.linkId)} (${unit})`}
      description={t('intake.range', { min: item.min, max: item.max, unit })}
      withAsterisk={item.required}
      error={error}
      allowDecimal={item.type === 'decimal'}
      decimalSeparator={t('intake.decimalSeparator')}
      clampBehavior="none"
      value={typeof value === 'number' ? value : ''}
      onChange={(v) => {
        onChange(typeof v === 'number' ? v : undefined);
      }}
      maw={360}
      data-linkid={item.linkId}
    />
  );
}

/** One question of the definition, rendered by its type. */
export function IntakeItemInput(props: ItemProps<IntakeQuestion>) {
  const { item } = props;
  switch (item.type) {
    case 'boolean':
      return <BooleanItem {...props} item={item} />;
    case 'choice':
      return <ChoiceItem {...props} item={item} />;
    case 'integer':
    case 'decimal':
      return <NumberItem {...props} item={item} />;
  }
}
