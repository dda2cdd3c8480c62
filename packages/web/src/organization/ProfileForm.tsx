import { Alert, Button, Fieldset, Group, NumberInput, SimpleGrid, Stack, TextInput } from '@mantine/core';
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../common/errorText';
import { PhoneHoursFields } from './PhoneHoursFields';
import {
  MAX_REMINDER_DAYS,
  MIN_REMINDER_DAYS,
  type ProfileDraft,
  type ProfileProblem,
  type ProfileProblems,
  type TextField,
} from './profileDraft';

/** The longest text each field takes (the contract's bounds). */
const MAX_LENGTH: Readonly<Record<TextField, number>> = {
  name: 200,
  department: 200,
  street: 200,
  houseNumber: 20,
  postalCode: 10,
  city: 100,
  visitingRoute: 100,
  postalAddressLine: 100,
  postalAddressPostalCode: 10,
  postalAddressCity: 100,
  phoneDepartment: 30,
  phoneGeneral: 30,
  email: 200,
  portalUrl: 300,
  openingHours: 300,
  signOff: 100,
};

const HINTS: Partial<Record<TextField, 'visitingRoute' | 'openingHours' | 'signOff'>> = {
  visitingRoute: 'visitingRoute',
  openingHours: 'openingHours',
  signOff: 'signOff',
};

const INPUT_TYPES: Partial<Record<TextField, 'email' | 'url' | 'tel'>> = {
  email: 'email',
  portalUrl: 'url',
  phoneDepartment: 'tel',
  phoneGeneral: 'tel',
};

function problemText(t: TFunction, problem: ProfileProblem): string {
  return t(`organization.problems.${problem}`);
}

interface ProfileFormProps {
  draft: ProfileDraft;
  onChange: (draft: ProfileDraft) => void;
  /** The form's own checks and the server's refusal, by field. */
  problems: ProfileProblems;
  /** The save failed otherwise (network, no access …). */
  failure: unknown;
  saving: boolean;
  onSave: () => void;
}

/** Every field of the organisation profile, in the sections of a letterhead; Save at the end. */
export function ProfileForm({ draft, onChange, problems, failure, saving, onSave }: ProfileFormProps) {
  const { t } = useTranslation();
  const errorAt = (field: string): string | undefined => {
    const problem = problems.get(field);
    return problem === undefined ? undefined : problemText(t, problem);
  };
  const text = (field: TextField, required = false): ReactNode => {
    const hint = HINTS[field];
    return (
      <TextInput
        key={field}
        label={t(`organization.fields.${field}`)}
        description={hint === undefined ? undefined : t(`organization.hints.${hint}`)}
        required={required}
        type={INPUT_TYPES[field] ?? 'text'}
        value={draft[field]}
        onChange={(event) => {
          onChange({ ...draft, [field]: event.currentTarget.value });
        }}
        error={errorAt(field)}
        maxLength={MAX_LENGTH[field]}
      />
    );
  };
  const formProblem = problems.get('form');
  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        onSave();
      }}
    >
      <Stack gap="lg">
        {(formProblem !== undefined || failure !== null) && (
          <Alert color="red" variant="light" role="alert">
            {formProblem !== undefined ? problemText(t, formProblem) : errorText(t, failure)}
          </Alert>
        )}
        <Fieldset legend={t('organization.sections.organization')}>
          <Stack gap="sm">
            {text('name', true)}
            {text('department')}
          </Stack>
        </Fieldset>
        <Fieldset legend={t('organization.sections.visitingAddress')}>
          <Stack gap="sm">
            <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
              {text('street')}
              {text('houseNumber')}
              {text('postalCode')}
              {text('city')}
            </SimpleGrid>
            {text('visitingRoute')}
          </Stack>
        </Fieldset>
        <Fieldset legend={t('organization.sections.postalAddress')}>
          <Stack gap="sm">
            <Alert variant="transparent" p={0} color="gray">
              {t('organization.hints.postalAddress')}
            </Alert>
            {text('postalAddressLine')}
            <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
              {text('postalAddressPostalCode')}
              {text('postalAddressCity')}
            </SimpleGrid>
          </Stack>
        </Fieldset>
        <Fieldset legend={t('organization.sections.contact')}>
          <Stack gap="sm">
            <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
              {text('phoneDepartment')}
              {text('phoneGeneral')}
            </SimpleGrid>
            <PhoneHoursFields
              hours={draft.phoneHours}
              onChange={(phoneHours) => {
                onChange({ ...draft, phoneHours });
              }}
              errorAt={errorAt}
            />
            {text('openingHours')}
            {text('email')}
            {text('portalUrl')}
          </Stack>
        </Fieldset>
        <Fieldset legend={t('organization.sections.letter')}>
          <Stack gap="sm">
            {text('signOff')}
            <NumberInput
              label={t('organization.fields.inviteReminderDays')}
              description={t('organization.hints.inviteReminderDays')}
              required
              min={MIN_REMINDER_DAYS}
              max={MAX_REMINDER_DAYS}
              allowDecimal={false}
              value={draft.inviteReminderDays}
              onChange={(value) => {
                onChange({ ...draft, inviteReminderDays: value });
              }}
              error={errorAt('inviteReminderDays')}
              w={220}
            />
          </Stack>
        </Fieldset>
        <Group>
          <Button type="submit" loading={saving}>
            {t('organization.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
