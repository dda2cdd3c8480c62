import { Button, Fieldset, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isOneOf, WEEKDAYS, type PhoneHours } from '@osteopad/contract';
import { nextPhoneHours } from './profileDraft';

interface PhoneHoursFieldsProps {
  hours: readonly PhoneHours[];
  onChange: (hours: PhoneHours[]) => void;
  /** The message of a field of a row (`phoneHours.1.to`), if any. */
  errorAt: (field: string) => string | undefined;
}

/** The department's phone hours, a row per weekday: the day, from, until. */
export function PhoneHoursFields({ hours, onChange, errorAt }: PhoneHoursFieldsProps) {
  const { t } = useTranslation();
  const weekdays = WEEKDAYS.map((day) => ({ value: day, label: t(`organization.weekdays.${day}`) }));
  const change = (index: number, entry: Partial<PhoneHours>) => {
    onChange(hours.map((row, i) => (i === index ? { ...row, ...entry } : row)));
  };
  const next = nextPhoneHours(hours);
  return (
    <Fieldset legend={t('organization.phoneHours.legend')} variant="unstyled">
      <Stack gap="xs">
        <Text size="sm" c="dimmed">
          {t('organization.phoneHours.help')}
        </Text>
        {hours.length === 0 && <Text size="sm">{t('organization.phoneHours.none')}</Text>}
        {hours.map((row, index) => {
          const field = (name: keyof PhoneHours) => `phoneHours.${String(index)}.${name}`;
          const dayName = t(`organization.weekdays.${row.weekday}`);
          return (
            <Group
              key={index}
              role="group"
              aria-label={t('organization.phoneHours.row', { number: index + 1 })}
              align="flex-start"
              gap="xs"
              wrap="wrap"
            >
              <Select
                label={t('organization.phoneHours.weekday')}
                data={weekdays}
                value={row.weekday}
                allowDeselect={false}
                onChange={(value) => {
                  if (value !== null && isOneOf(WEEKDAYS, value)) change(index, { weekday: value });
                }}
                error={errorAt(field('weekday'))}
                w={140}
                comboboxProps={{ withinPortal: true }}
              />
              <TextInput
                type="time"
                label={t('organization.phoneHours.from')}
                value={row.from}
                onChange={(event) => {
                  change(index, { from: event.currentTarget.value });
                }}
                error={errorAt(field('from'))}
                w={115}
              />
              <TextInput
                type="time"
                label={t('organization.phoneHours.to')}
                value={row.to}
                onChange={(event) => {
                  change(index, { to: event.currentTarget.value });
                }}
                error={errorAt(field('to'))}
                w={115}
              />
              <Button
                variant="subtle"
                color="red"
                mt={25}
                aria-label={t('organization.phoneHours.removeOf', { day: dayName })}
                onClick={() => {
                  onChange(hours.filter((_, i) => i !== index));
                }}
              >
                {t('organization.phoneHours.remove')}
              </Button>
            </Group>
          );
        })}
        {next !== null && (
          <Group>
            <Button
              variant="light"
              onClick={() => {
                onChange([...hours, next]);
              }}
            >
              {t('organization.phoneHours.add')}
            </Button>
          </Group>
        )}
      </Stack>
    </Fieldset>
  );
}
