import type { organizations } from '../db/schema';
import type { LetterOrganization } from './invitationLetterInput';

/** The profile's fields that letters print (a stored row, or the unsaved profile of the preview). */
export type LetterProfile = Pick<typeof organizations.$inferSelect, keyof LetterOrganization>;

/** The organisation profile as every letter's letterhead, contact block and closing print it. */
export function letterOrganization(org: LetterProfile): LetterOrganization {
  return {
    name: org.name,
    department: org.department,
    street: org.street,
    houseNumber: org.houseNumber,
    postalCode: org.postalCode,
    city: org.city,
    visitingRoute: org.visitingRoute,
    postalAddressLine: org.postalAddressLine,
    postalAddressPostalCode: org.postalAddressPostalCode,
    postalAddressCity: org.postalAddressCity,
    phoneGeneral: org.phoneGeneral,
    phoneDepartment: org.phoneDepartment,
    phoneHours: org.phoneHours,
    email: org.email,
    openingHours: org.openingHours,
    portalUrl: org.portalUrl,
    signOff: org.signOff,
  };
}
