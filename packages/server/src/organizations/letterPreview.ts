// The invitation letter as the unsaved profile would print it, for the profile screen's preview: the real letter
// renderer with a fictional patient, so no patient's data is read, printed or logged.
import type { LetterLocale, OrganizationProfileBody } from '@osteopad/contract';
import { unprocessable } from '../domain/errors';
import { LetterInputError, renderInvitationLetters, type LetterPatient } from '../letters/invitationLetter';
import { letterOrganization } from '../letters/letterOrganization';

/** Nobody: an invented name and an address in a town that does not exist, with a postcode no street has. */
export const PREVIEW_PATIENT: LetterPatient = {
  familyName: 'Voorbeeld',
  givenNames: 'Proef',
  initials: 'P.',
  sex: 'unknown',
  street: 'Voorbeeldstraat',
  houseNumber: '1',
  postalCode: '0000 AA',
  city: 'Voorbeeldstad',
};

/** Shaped like a real code, but no code: codes are made only when a patient's letter prints. */
export const PREVIEW_PORTAL_CODE = 'VOOR-BEEL-D000';

/** A field of the letter's input (`letters[0].organization.phoneHours.1.to`) as the field of the profile body. */
function profileField(field: string): string {
  return `body.${field.replace(/^letters\[0\]\.organization\./, '')}`;
}

/**
 * Renders the invitation letter for the profile as given (fields left out are empty). A profile the letter cannot
 * print yet is a 422 `organization_profile_incomplete` naming the field, as the print would refuse it.
 */
export async function renderLetterPreview(
  profile: OrganizationProfileBody,
  locale: LetterLocale,
  letterDate: string,
): Promise<Buffer> {
  const organization = letterOrganization({
    ...profile,
    visitingRoute: profile.visitingRoute ?? '',
    postalAddressLine: profile.postalAddressLine ?? '',
    postalAddressPostalCode: profile.postalAddressPostalCode ?? '',
    postalAddressCity: profile.postalAddressCity ?? '',
    phoneHours: profile.phoneHours ?? [],
    signOff: profile.signOff ?? '',
  });
  try {
    return await renderInvitationLetters(
      [{ locale, letterDate, organization, patient: PREVIEW_PATIENT, portalCode: PREVIEW_PORTAL_CODE }],
      { documentLocale: locale },
    );
  } catch (error) {
    if (!(error instanceof LetterInputError)) throw error;
    const field = profileField(error.field);
    throw unprocessable(
      'organization_profile_incomplete',
      `The letter cannot be printed with this profile: ${field} ${error.reason}.`,
      [{ field, message: error.reason, code: 'organization_profile' }],
    );
  }
}
