import { Group, NumberInput, Radio } from '@mantine/core';
import type {
  IntakeAnswer,
  IntakeBooleanItem,
  IntakeChoiceItem,
  IntakeNumberItem,
  IntakeQuestion,
} from '@osteopad/contract';
import type { IntakeWording } from './intakeTexts';

interface ItemProps<Q> {
  item: Q;
  value: IntakeAnswer | undefined;
  error: string | undefined;
  onChange: (value: IntakeAnswer | undefined) => void;
  wording: IntakeWording;
}

function BooleanItem({ item, value, error, onChange, wording }: ItemProps<IntakeBooleanItem>) {
  return (
    <Radio.Group
      label={wording.item(item.linkId)}
      withAsterisk={item.required}
      error={error}
      value={value === true ? 'yes' : value === false ? 'no' : null}
      onChange={(v) => {
        onChange(v === 'yes');
      }}
      data-linkid={item.linkId}
    >
      <Group gap="md" mt={4}>
        <Radio value="yes" label={wording.yes} />
        <Radio value="no" label={wording.no} />
      </Group>
    </Radio.Group>
  );
}

function ChoiceItem({ item, value, error, onChange, wording }: ItemProps<IntakeChoiceItem>) {
  return (
    <Radio.Group
      label={wording.item(item.linkId)}
      withAsterisk={item.required}
      error={error}
      value={typeof value === 'string' ? value : null}
      onChange={onChange}
      data-linkid={item.linkId}
    >
      <Group gap="md" mt={4}>
        {item.answerOption.map((option) => (
          <Radio key={option} value={option} label={wording.option(option)} />
        ))}
      </Group>
    </Radio.Group>
  );
}

function NumberItem({ item, value, error, onChange, wording }: ItemProps<IntakeNumberItem>) {
  const unit = wording.unit(item.unit);
  return (
    // No min/max here: the input would clamp an impossible value silently; the server refuses it with the reason.
    <NumberInput
      label={`${wording.item(item.linkId)} (${unit})`}
      description={wording.range(item)}
      withAsterisk={item.required}
      error={error}
      allowDecimal={item.type === 'decimal'}
      decimalSeparator={wording.decimalSeparator}
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
