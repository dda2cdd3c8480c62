import { z } from 'zod';
import type { AppDeps, TypedApp } from '../http/app';
import { requireActor } from '../auth/requireActor';
import { STAFF_ROLES } from '../auth/roles';
import { changeOrganizationProfile, readOrganizationProfile } from './organizationProfile';
import { requiredText, shortText } from '../http/validation';

/** The organisation profile that letters print: name, department, address, phone numbers, hours, portal. */
export const organizationProfile = z.object({
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
  inviteReminderDays: z.number().int(),
});

const profileUpdate = z.strictObject({
  name: requiredText(200),
  department: shortText(200),
  street: shortText(200),
  houseNumber: shortText(20),
  postalCode: shortText(10),
  city: shortText(100),
  phoneGeneral: shortText(30),
  phoneDepartment: shortText(30),
  email: z.union([z.email().max(200), z.literal('')]),
  openingHours: shortText(300),
  portalUrl: z.union([z.url({ protocol: /^https?$/ }).max(300), z.literal('')]),
  /** Days between an invitation and the reminder task (issue: default 3 weeks, configurable). */
  inviteReminderDays: z.number().int().min(1).max(180).optional(),
});

export function registerOrganizationRoutes(app: TypedApp, { db, clock }: AppDeps): void {
  app.get(
    '/api/organization',
    {
      config: { access: { roles: STAFF_ROLES } },
      schema: { tags: ['organization'], response: { 200: organizationProfile } },
    },
    async (request) => {
      return readOrganizationProfile(db, requireActor(request));
    },
  );

  app.put(
    '/api/organization',
    {
      config: { access: { roles: ['admin'] } },
      schema: { tags: ['organization'], body: profileUpdate, response: { 200: organizationProfile } },
    },
    async (request) => {
      return changeOrganizationProfile(db, requireActor(request), request.body, clock());
    },
  );
}
