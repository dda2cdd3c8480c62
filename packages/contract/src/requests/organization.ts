import { z } from 'zod/mini';
import { WEEKDAYS } from '../codes';
import { checked, requiredText, shortText } from '../fields';
import { CLOCK_TIME, phoneHoursIssues } from '../organization';

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
