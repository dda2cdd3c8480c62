import {
  Checkbox,
  Group,
  Paper,
  Radio,
  SegmentedControl,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import {
  MULTI_VALUE_ITEMS,
  VALUES_OF_ITEM,
  type AssessmentItem,
  type DecisionChoice,
} from '@osteopad/contract';
import { blockReasonLabel, drugLabel, itemValueLabel, valueLabel } from './decisionLabels';
import { ItemExplanation } from './ItemExplanation';

export interface ItemChoice {
  choice: DecisionChoice;
  value: string | string[] | null;
  reason: string;
}

interface DecisionItemCardProps {
  item: AssessmentItem;
  choice: ItemChoice;
  onChange: (choice: ItemChoice) => void;
  /** Field errors of the server, already in the user's language. */
  errors: { value?: string; reason?: string };
}

function DrugOptions({ item }: { item: AssessmentItem }) {
  const { t } = useTranslation();
  if (item.drugOptions.length === 0) return null;
  return (
    <Stack gap={2}>
      <Text size="sm" fw={600}>
        {t('decision.drugOptions')}
      </Text>
      {item.drugOptions.map((o) => (
        <Text key={o.drug} size="sm">
          {drugLabel(t, o.drug)}:{' '}
          {o.allowed === true
            ? t('decision.drugAllowed')
            : o.allowed === false
              ? t('decision.drugBlocked', {
                  reasons: o.reasons.map((r) => blockReasonLabel(t, r)).join(', '),
                })
              : t('decision.drugUnknown')}
        </Text>
      ))}
    </Stack>
  );
}

/** One item of the assessment: the proposal, why, and the clinician's accept or override. */
export function DecisionItemCard({ item, choice, onChange, errors }: DecisionItemCardProps) {
  const { t } = useTranslation();
  const title = t(`decision.items.${item.code}`);
  const options = VALUES_OF_ITEM[item.code].map((v) => ({ value: v, label: valueLabel(t, item.code, v) }));
  const multi = MULTI_VALUE_ITEMS.includes(item.code);
  const proposed = item.status === 'proposed';
  const overriding = choice.choice === 'override';
  return (
    <Paper withBorder p="md" data-testid={`item-${item.code}`}>
      <Stack gap="xs">
        <Title order={3} size="h5">
          {title}
        </Title>
        {proposed && (
          <Text>{t('decision.proposal', { value: itemValueLabel(t, item.code, item.value) })}</Text>
        )}
        <ItemExplanation item={item} />
        <DrugOptions item={item} />
        <SegmentedControl
          aria-label={t('decision.choiceLabel', { item: title })}
          value={choice.choice}
          data={[
            { value: 'accept', label: t('decision.accept') },
            { value: 'override', label: t('decision.override') },
          ]}
          onChange={(value) => {
            onChange({ ...choice, choice: value === 'override' ? 'override' : 'accept' });
          }}
        />
        {overriding && (
          <>
            {multi ? (
              <Checkbox.Group
                label={t('decision.valueLabel')}
                value={Array.isArray(choice.value) ? choice.value : []}
                onChange={(value) => {
                  onChange({ ...choice, value });
                }}
                error={errors.value}
              >
                <Group gap="sm" mt={4}>
                  {options.map((o) => (
                    <Checkbox key={o.value} value={o.value} label={o.label} />
                  ))}
                </Group>
              </Checkbox.Group>
            ) : (
              <Radio.Group
                label={t('decision.valueLabel')}
                value={typeof choice.value === 'string' ? choice.value : ''}
                onChange={(value) => {
                  onChange({ ...choice, value });
                }}
                error={errors.value}
              >
                <Group gap="sm" mt={4}>
                  {options.map((o) => (
                    <Radio key={o.value} value={o.value} label={o.label} />
                  ))}
                </Group>
              </Radio.Group>
            )}
            <TextInput
              label={t('decision.reasonLabel')}
              value={choice.reason}
              maxLength={1000}
              onChange={(event) => {
                onChange({ ...choice, reason: event.currentTarget.value });
              }}
              error={errors.reason}
            />
          </>
        )}
      </Stack>
    </Paper>
  );
}
