import { z } from 'zod/mini';
import { requiredText, shortText, checked } from './fields';

/** The organisation profile that letters print: name, department, address, phone numbers, hours, portal. */
export const organizationProfileSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  department: z.string(),
  street: z.string(),
  houseNumber: z.string(),
  postalCode: z.string(),
  city: z.string(),
  phoneGeneral: z.string(),
  phoneDepartment: z.string(),
  email: z.string(),
  openingHours: z.string(),
  portalUrl: z.string(),
  inviteReminderDays: z.int(),
});
export type OrganizationProfile = z.infer<typeof organizationProfileSchema>;

/** `PUT /api/organization`. */
export const organizationProfileBody = z.strictObject({
  name: requiredText(200),
  department: shortText(200),
  street: shortText(200),
  houseNumber: shortText(20),
  postalCode: shortText(10),
  city: shortText(100),
  phoneGeneral: shortText(30),
  phoneDepartment: shortText(30),
  email: z.union([checked(z.email(), z.maxLength(200)), z.literal('')]),
  openingHours: shortText(300),
  portalUrl: z.union([checked(z.url({ protocol: /^https?$/ }), z.maxLength(300)), z.literal('')]),
  /** Days between an invitation and the reminder task (default 3 weeks, configurable). */
  inviteReminderDays: z.optional(checked(z.int(), z.minimum(1), z.maximum(180))),
});
