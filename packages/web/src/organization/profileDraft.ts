import {
  isOneOf,
  phoneHoursIssues,
  WEEKDAYS,
  type OrganizationProfile,
  type PhoneHours,
  type Weekday,
} from '@osteopad/contract';
import { ApiError } from '../api/client';
import type { OrganizationProfileInput } from '../api/organization';

/** The profile's text fields, in the order of the form; each has a label under `organization.fields`. */
export const TEXT_FIELDS = [
  'name',
  'department',
  'street',
  'houseNumber',
  'postalCode',
  'city',
  'visitingRoute',
  'postalAddressLine',
  'postalAddressPostalCode',
  'postalAddressCity',
  'phoneDepartment',
  'phoneGeneral',
  'email',
  'portalUrl',
  'openingHours',
  'signOff',
] as const;
export type TextField = (typeof TEXT_FIELDS)[number];

const POSTAL_ADDRESS_FIELDS = ['postalAddressLine', 'postalAddressPostalCode', 'postalAddressCity'] as const;

/** The form as the user is filling it in: strings as typed, the reminder interval as typed too. */
export type ProfileDraft = Record<TextField, string> & {
  phoneHours: PhoneHours[];
  inviteReminderDays: number | string;
};

/** What the screen says about a field (keys under `organization.problems`). */
export const PROFILE_PROBLEMS = [
  'required',
  'timeFormat',
  'endNotAfterStart',
  'duplicateWeekday',
  'postalAddressIncomplete',
  'email',
  'url',
  'reminderDays',
  'stale',
  'invalid',
] as const;
export type ProfileProblem = (typeof PROFILE_PROBLEMS)[number];

/** Problems by field: a text field's name, `phoneHours.2.to`, `inviteReminderDays`, or `form` for the whole. */
export type ProfileProblems = ReadonlyMap<string, ProfileProblem>;

export const MIN_REMINDER_DAYS = 1;
export const MAX_REMINDER_DAYS = 180;

export function draftOf(profile: OrganizationProfile): ProfileDraft {
  const texts = Object.fromEntries(TEXT_FIELDS.map((field) => [field, profile[field]])) as Record<
    TextField,
    string
  >;
  return {
    ...texts,
    phoneHours: profile.phoneHours.map((hours) => ({ ...hours })),
    inviteReminderDays: profile.inviteReminderDays,
  };
}

function weekOrder(hours: readonly PhoneHours[]): PhoneHours[] {
  return [...hours].sort((a, b) => WEEKDAYS.indexOf(a.weekday) - WEEKDAYS.indexOf(b.weekday));
}

/** The body of the save and of the preview; the phone hours in week order, as the letter reads them. */
export function bodyOf(draft: ProfileDraft, expectedVersion?: number): OrganizationProfileInput {
  const texts = Object.fromEntries(TEXT_FIELDS.map((field) => [field, draft[field].trim()])) as Record<
    TextField,
    string
  >;
  const days = Number(draft.inviteReminderDays);
  return {
    ...texts,
    phoneHours: weekOrder(draft.phoneHours),
    ...(draft.inviteReminderDays === '' || !Number.isInteger(days) ? {} : { inviteReminderDays: days }),
    ...(expectedVersion === undefined ? {} : { expectedVersion }),
  };
}

const ISSUE_PROBLEMS: Readonly<Record<string, ProfileProblem>> = {
  time_format: 'timeFormat',
  end_not_after_start: 'endNotAfterStart',
  duplicate_weekday: 'duplicateWeekday',
};

/**
 * What the form can tell before asking the server: a name, phone hours by the contract's rules (phoneHoursIssues),
 * a postal address whole or empty, a whole number of days for the reminder. The server checks all of it again.
 */
export function draftProblems(draft: ProfileDraft): ProfileProblems {
  const problems = new Map<string, ProfileProblem>();
  if (draft.name.trim() === '') problems.set('name', 'required');
  for (const issue of phoneHoursIssues(draft.phoneHours)) {
    problems.set(`phoneHours.${String(issue.index)}.${issue.field}`, ISSUE_PROBLEMS[issue.code] ?? 'invalid');
  }
  const given = POSTAL_ADDRESS_FIELDS.filter((field) => draft[field].trim() !== '');
  if (given.length > 0) {
    for (const field of POSTAL_ADDRESS_FIELDS) {
      if (draft[field].trim() === '') problems.set(field, 'postalAddressIncomplete');
    }
  }
  const days = Number(draft.inviteReminderDays);
  if (
    draft.inviteReminderDays === '' ||
    !Number.isInteger(days) ||
    days < MIN_REMINDER_DAYS ||
    days > MAX_REMINDER_DAYS
  ) {
    problems.set('inviteReminderDays', 'reminderDays');
  }
  return problems;
}

const PHONE_HOURS_FIELD = /^phoneHours\.(\d+)\.(weekday|from|to)$/;

function problemOfServerField(field: string, code: string): ProfileProblem {
  const hours = PHONE_HOURS_FIELD.exec(field);
  if (hours !== null) {
    if (code === 'custom') return hours[2] === 'weekday' ? 'duplicateWeekday' : 'endNotAfterStart';
    return hours[2] === 'weekday' ? 'invalid' : 'timeFormat';
  }
  if ((POSTAL_ADDRESS_FIELDS as readonly string[]).includes(field)) return 'postalAddressIncomplete';
  if (field === 'name') return 'required';
  if (field === 'email') return 'email';
  if (field === 'portalUrl') return 'url';
  if (field === 'inviteReminderDays') return 'reminderDays';
  return 'invalid';
}

/**
 * The server's refusal of a save placed at the fields (`body.phoneHours.1.to` → `phoneHours.1.to`); a profile changed
 * since it was read (409 `stale_version`) belongs to the whole form. Null when it is no refusal of the input.
 */
export function serverProblems(error: unknown): ProfileProblems | null {
  if (!(error instanceof ApiError)) return null;
  if (error.code === 'stale_version') return new Map([['form', 'stale']]);
  if (error.issues.length === 0) return null;
  const problems = new Map<string, ProfileProblem>();
  for (const issue of error.issues) {
    const field = issue.field.startsWith('body.') ? issue.field.slice('body.'.length) : 'form';
    if (!problems.has(field)) problems.set(field, problemOfServerField(field, issue.code));
  }
  return problems;
}

/** The profile field the letter still needs, from the preview's 422 `organization_profile_incomplete`. */
export function fieldTheLetterNeeds(error: unknown): TextField | 'phoneHours' | null {
  if (!(error instanceof ApiError) || error.code !== 'organization_profile_incomplete') return null;
  const field = (error.issues[0]?.field ?? '').replace(/^body\./, '').split('.')[0] ?? '';
  if (field === 'phoneHours') return 'phoneHours';
  return isOneOf(TEXT_FIELDS, field) ? field : null;
}

/** A new row of phone hours: the first weekday not listed yet, at the hours of the row above (or 9–12). */
export function nextPhoneHours(hours: readonly PhoneHours[]): PhoneHours | null {
  const used = new Set(hours.map((h) => h.weekday));
  const weekday: Weekday | undefined = WEEKDAYS.find((day) => !used.has(day));
  if (weekday === undefined) return null;
  const last = hours.at(-1);
  return { weekday, from: last?.from ?? '09:00', to: last?.to ?? '12:00' };
}
