import { z } from 'zod/mini';
import { requiredText, shortText, checked } from './fields';
import { WEEKDAYS, type Weekday } from './codes';

/** A time of day on the 24-hour clock, as HH:MM (`08:30`, `16:30`). */
export const CLOCK_TIME = /^(?:[01]\d|2[0-3]):[0-5]\d$/;

/** One weekday on which the department answers the phone, from-to (`{ weekday: 'monday', from: '08:30', to: '16:30' }`). */
export interface PhoneHours {
  weekday: Weekday;
  from: string;
  to: string;
}

/** What can be wrong with one entry of the phone hours, and where (`field` of entry `index`). */
export interface PhoneHoursIssue {
  index: number;
  field: 'weekday' | 'from' | 'to';
  code: 'time_format' | 'end_not_after_start' | 'duplicate_weekday';
  message: string;
}

/**
 * The rules of the phone hours, for the server's schema and the web's form alike: HH:MM times, the end after the
 * start, each weekday once (a later entry of the same day is the one refused).
 */
export function phoneHoursIssues(
  hours: readonly { weekday: string; from: string; to: string }[],
): PhoneHoursIssue[] {
  const issues: PhoneHoursIssue[] = [];
  const seen = new Set<string>();
  hours.forEach((entry, index) => {
    if (seen.has(entry.weekday)) {
      issues.push({
        index,
        field: 'weekday',
        code: 'duplicate_weekday',
        message: 'This weekday is listed twice.',
      });
    }
    seen.add(entry.weekday);
    const fromOk = CLOCK_TIME.test(entry.from);
    const toOk = CLOCK_TIME.test(entry.to);
    if (!fromOk)
      issues.push({ index, field: 'from', code: 'time_format', message: 'Expected a time as HH:MM.' });
    if (!toOk) issues.push({ index, field: 'to', code: 'time_format', message: 'Expected a time as HH:MM.' });
    // HH:MM strings of the same length sort as the times they are.
    if (fromOk && toOk && entry.to <= entry.from) {
      issues.push({
        index,
        field: 'to',
        code: 'end_not_after_start',
        message: 'The end time must be after the start time.',
      });
    }
  });
  return issues;
}

const phoneHoursSchema = z.object({ weekday: z.enum(WEEKDAYS), from: z.string(), to: z.string() });

/** The organisation profile that letters print: name, department, addresses, phone numbers, hours, sign-off, portal. */
export const organizationProfileSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  department: z.string(),
  /** Visiting address. */
  street: z.string(),
  houseNumber: z.string(),
  postalCode: z.string(),
  city: z.string(),
  /** Where in the building, as the hospital signposts it: "Route 25", "Polikliniek B, 2e etage". */
  visitingRoute: z.string(),
  /** Postal address when it is not the visiting address ("Postbus 90151"); all three empty otherwise. */
  postalAddressLine: z.string(),
  postalAddressPostalCode: z.string(),
  postalAddressCity: z.string(),
  phoneGeneral: z.string(),
  phoneDepartment: z.string(),
  /** When the department's phone is answered, weekday by weekday. */
  phoneHours: z.array(phoneHoursSchema),
  email: z.string(),
  /** Free text about the hours, printed beside the phone hours (or alone when none are listed). */
  openingHours: z.string(),
  portalUrl: z.string(),
  /** Who signs the invitation letter: "Het team van de osteoporosepolikliniek"; empty: the department. */
  signOff: z.string(),
  inviteReminderDays: z.int(),
  /** Bumped by every change; a save that names an older one is refused (409 `stale_version`). */
  version: z.int(),
});
export type OrganizationProfile = z.infer<typeof organizationProfileSchema>;

/** At most one entry per weekday. */
export const MAX_PHONE_HOURS = WEEKDAYS.length;

const phoneHoursBody = checked(
  z.array(
    z.strictObject({
      weekday: z.enum(WEEKDAYS),
      from: checked(z.string(), z.regex(CLOCK_TIME, 'Expected a time as HH:MM.')),
      to: checked(z.string(), z.regex(CLOCK_TIME, 'Expected a time as HH:MM.')),
    }),
  ),
  z.maxLength(MAX_PHONE_HOURS),
  z.superRefine((hours, ctx) => {
    // The times' format is the entries' own check above; these are the rules across fields and entries.
    for (const issue of phoneHoursIssues(hours).filter((i) => i.code !== 'time_format')) {
      ctx.addIssue({
        code: 'custom',
        message: issue.message,
        path: [issue.index, issue.field],
        input: hours,
      });
    }
  }),
);

interface PostalAddressFields {
  postalAddressLine?: string | undefined;
  postalAddressPostalCode?: string | undefined;
  postalAddressCity?: string | undefined;
}

const POSTAL_ADDRESS_FIELDS = ['postalAddressLine', 'postalAddressPostalCode', 'postalAddressCity'] as const;

/** `PUT /api/organization`; fields left out keep their value. */
export const organizationProfileBody = checked(
  z.strictObject({
    name: requiredText(200),
    department: shortText(200),
    street: shortText(200),
    houseNumber: shortText(20),
    postalCode: shortText(10),
    city: shortText(100),
    visitingRoute: z.optional(shortText(100)),
    postalAddressLine: z.optional(shortText(100)),
    postalAddressPostalCode: z.optional(shortText(10)),
    postalAddressCity: z.optional(shortText(100)),
    phoneGeneral: shortText(30),
    phoneDepartment: shortText(30),
    phoneHours: z.optional(phoneHoursBody),
    email: z.union([checked(z.email(), z.maxLength(200)), z.literal('')]),
    openingHours: shortText(300),
    portalUrl: z.union([checked(z.url({ protocol: /^https?$/ }), z.maxLength(300)), z.literal('')]),
    signOff: z.optional(shortText(100)),
    /** Days between an invitation and the reminder task (default 3 weeks, configurable). */
    inviteReminderDays: z.optional(checked(z.int(), z.minimum(1), z.maximum(180))),
    /** The version the form was read at; a newer one on the server is a 409 `stale_version`. */
    expectedVersion: z.optional(checked(z.int(), z.minimum(1))),
  }),
  // A postal address is whole or absent: a line without its postcode and town cannot be delivered.
  z.superRefine((body: PostalAddressFields, ctx) => {
    const given = POSTAL_ADDRESS_FIELDS.filter((field) => (body[field] ?? '') !== '');
    if (given.length === 0) return;
    for (const field of POSTAL_ADDRESS_FIELDS) {
      if ((body[field] ?? '') === '') {
        ctx.addIssue({
          code: 'custom',
          message:
            'A postal address needs its line, postcode and town; leave all three empty to use the visiting address.',
          path: [field],
          input: body[field],
        });
      }
    }
  }),
);
/** The profile as the server reads it from the body (strings trimmed). */
export type OrganizationProfileBody = z.output<typeof organizationProfileBody>;
