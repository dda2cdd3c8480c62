import type { organizations } from '../db/schema';
import type { LetterOrganization } from './invitationLetterInput';

/** The organisation profile as every letter's letterhead and contact block print it. */
export function letterOrganization(org: typeof organizations.$inferSelect): LetterOrganization {
  return {
    name: org.name,
    department: org.department,
    street: org.street,
    houseNumber: org.houseNumber,
    postalCode: org.postalCode,
    city: org.city,
    phoneGeneral: org.phoneGeneral,
    phoneDepartment: org.phoneDepartment,
    email: org.email,
    openingHours: org.openingHours,
    portalUrl: org.portalUrl,
  };
}
