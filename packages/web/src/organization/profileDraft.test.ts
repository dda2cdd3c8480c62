import { describe, expect, it } from 'vitest';
import type { OrganizationProfile } from '@osteopad/contract';
import { ApiError } from '../api/client';
import {
  bodyOf,
  draftOf,
  draftProblems,
  fieldTheLetterNeeds,
  nextPhoneHours,
  serverProblems,
  type ProfileDraft,
} from './profileDraft';

const PROFILE: OrganizationProfile = {
  id: '00000000-0000-4000-8000-000000000001',
  name: 'Ziekenhuis Demostad',
  department: 'Osteoporosepolikliniek',
  street: 'Voorbeeldlaan',
  houseNumber: '1',
  postalCode: '1234 AB',
  city: 'Demostad',
  visitingRoute: 'Route 25',
  postalAddressLine: '',
  postalAddressPostalCode: '',
  postalAddressCity: '',
  phoneGeneral: '(012) 345 67 00',
  phoneDepartment: '(012) 345 67 89',
  phoneHours: [
    { weekday: 'monday', from: '15:30', to: '16:30' },
    { weekday: 'wednesday', from: '15:30', to: '16:30' },
  ],
  email: 'fractuurpreventie@demostad.example',
  openingHours: '',
  portalUrl: 'https://mijn.demostad.example',
  signOff: 'Het team van de osteoporosepolikliniek',
  inviteReminderDays: 21,
  version: 3,
};

const draft = (change: Partial<ProfileDraft> = {}): ProfileDraft => ({ ...draftOf(PROFILE), ...change });

describe('draftProblems', () => {
  it('finds nothing wrong with a stored profile', () => {
    expect([...draftProblems(draft())]).toEqual([]);
  });

  it('places bad phone hours at the row and field: format, end before start, a weekday twice', () => {
    const problems = draftProblems(
      draft({
        phoneHours: [
          { weekday: 'monday', from: '8.30', to: '16:30' },
          { weekday: 'tuesday', from: '16:30', to: '16:30' },
          { weekday: 'monday', from: '09:00', to: '12:00' },
        ],
      }),
    );
    expect(Object.fromEntries(problems)).toEqual({
      'phoneHours.0.from': 'timeFormat',
      'phoneHours.1.to': 'endNotAfterStart',
      'phoneHours.2.weekday': 'duplicateWeekday',
    });
  });

  it('wants a name, a whole postal address or none, and 1 to 180 days before the reminder', () => {
    const problems = draftProblems(
      draft({ name: '  ', postalAddressLine: 'Postbus 90151', inviteReminderDays: 0 }),
    );
    expect(Object.fromEntries(problems)).toEqual({
      name: 'required',
      postalAddressPostalCode: 'postalAddressIncomplete',
      postalAddressCity: 'postalAddressIncomplete',
      inviteReminderDays: 'reminderDays',
    });
    expect(draftProblems(draft({ inviteReminderDays: '' })).get('inviteReminderDays')).toBe('reminderDays');
    expect(draftProblems(draft({ inviteReminderDays: 2.5 })).get('inviteReminderDays')).toBe('reminderDays');
  });
});

describe('bodyOf', () => {
  it('sends the phone hours in week order, trimmed texts, and the version the form was read at', () => {
    const body = bodyOf(
      draft({
        signOff: '  Het team  ',
        phoneHours: [
          { weekday: 'friday', from: '08:30', to: '12:00' },
          { weekday: 'monday', from: '08:30', to: '16:30' },
        ],
      }),
      3,
    );
    expect(body.phoneHours?.map((h) => h.weekday)).toEqual(['monday', 'friday']);
    expect(body.signOff).toBe('Het team');
    expect(body.expectedVersion).toBe(3);
    expect(body.inviteReminderDays).toBe(21);
    expect(bodyOf(draft()).expectedVersion).toBeUndefined();
  });
});

describe('serverProblems', () => {
  it('places the server’s refusal at the fields', () => {
    const error = new ApiError(400, 'validation', 'Invalid', [
      {
        field: 'body.phoneHours.1.to',
        message: 'The end time must be after the start time.',
        code: 'custom',
      },
      { field: 'body.phoneHours.2.weekday', message: 'This weekday is listed twice.', code: 'custom' },
      { field: 'body.phoneHours.0.from', message: 'Expected a time as HH:MM.', code: 'invalid_format' },
      { field: 'body.email', message: 'Invalid email', code: 'invalid_format' },
      { field: 'body.postalAddressCity', message: 'A postal address needs …', code: 'custom' },
    ]);
    expect(Object.fromEntries(serverProblems(error) ?? [])).toEqual({
      'phoneHours.1.to': 'endNotAfterStart',
      'phoneHours.2.weekday': 'duplicateWeekday',
      'phoneHours.0.from': 'timeFormat',
      email: 'email',
      postalAddressCity: 'postalAddressIncomplete',
    });
  });

  it('says a profile changed since it was read belongs to the whole form, and leaves other failures alone', () => {
    expect(Object.fromEntries(serverProblems(new ApiError(409, 'stale_version', '')) ?? [])).toEqual({
      form: 'stale',
    });
    expect(serverProblems(new ApiError(0, 'network', ''))).toBeNull();
    expect(serverProblems(new Error('boom'))).toBeNull();
  });
});

describe('fieldTheLetterNeeds', () => {
  it('names the field of the preview’s refusal', () => {
    const refusal = (field: string) =>
      new ApiError(422, 'organization_profile_incomplete', '', [
        { field, message: 'must not be empty', code: 'organization_profile' },
      ]);
    expect(fieldTheLetterNeeds(refusal('body.phoneDepartment'))).toBe('phoneDepartment');
    expect(fieldTheLetterNeeds(refusal('body.phoneHours'))).toBe('phoneHours');
    expect(fieldTheLetterNeeds(refusal('body.somethingNew'))).toBeNull();
    expect(fieldTheLetterNeeds(new ApiError(400, 'validation', ''))).toBeNull();
  });
});

describe('nextPhoneHours', () => {
  it('adds the first weekday not listed, at the hours of the row above', () => {
    expect(nextPhoneHours(PROFILE.phoneHours)).toEqual({ weekday: 'tuesday', from: '15:30', to: '16:30' });
    expect(nextPhoneHours([])).toEqual({ weekday: 'monday', from: '09:00', to: '12:00' });
    const everyDay = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;
    expect(nextPhoneHours(everyDay.map((weekday) => ({ weekday, from: '09:00', to: '10:00' })))).toBeNull();
  });
});
