import { z } from 'zod/mini';
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
