import { Checkbox, NumberInput, Radio, Group, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export type AdviceSex = 'female' | 'male';

export interface AboutYouAnswers {
  age: string | number;
  sex: AdviceSex | null;
  pregnant: boolean;
  breastfeeding: boolean;
}

interface AboutYouProps {
  value: AboutYouAnswers;
  onChange: (patch: Partial<AboutYouAnswers>) => void;
  errors: Map<string, string>;
}

/** Age, sex, and for women pregnancy and breastfeeding: what both calculators ask first. */
export function AboutYou({ value, onChange, errors }: AboutYouProps) {
  const { t } = useTranslation();
  const isWoman = value.sex === 'female';
  return (
    <Stack gap="sm">
      <NumberInput
        label={t('advice.you.age')}
        value={value.age}
        onChange={(age) => {
          onChange({ age });
        }}
        allowDecimal={false}
        min={0}
        max={130}
        clampBehavior="none"
        error={errors.get('body.ageYears')}
        w={200}
        data-testid="advice-age"
      />
      <Radio.Group
        label={t('advice.you.sex')}
        value={value.sex ?? ''}
        onChange={(sex) => {
          if (sex === 'female') onChange({ sex });
          else if (sex === 'male') onChange({ sex, pregnant: false, breastfeeding: false });
        }}
      >
        <Group gap="lg" mt={4}>
          <Radio value="female" label={t('advice.you.female')} />
          <Radio value="male" label={t('advice.you.male')} />
        </Group>
      </Radio.Group>
      {isWoman && (
        <Group gap="lg">
          <Checkbox
            label={t('advice.you.pregnant')}
            checked={value.pregnant}
            error={errors.get('body.pregnant')}
            onChange={(event) => {
              onChange({ pregnant: event.currentTarget.checked });
            }}
          />
          <Checkbox
            label={t('advice.you.breastfeeding')}
            checked={value.breastfeeding}
            error={errors.get('body.breastfeeding')}
            onChange={(event) => {
              onChange({ breastfeeding: event.currentTarget.checked });
            }}
          />
        </Group>
      )}
    </Stack>
  );
}
