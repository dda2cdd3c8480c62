import { ApiError } from '../api/client';
import { isOneOf } from '@osteopad/contract';

/** Organisation profile fields the letterhead needs; each has a label under `letters.orgFields`. */
export const LETTER_ORGANIZATION_FIELDS = [
  'name',
  'department',
  'street',
  'houseNumber',
  'postalCode',
  'city',
  'phoneGeneral',
  'phoneDepartment',
  'phoneHours',
  'email',
  'openingHours',
  'portalUrl',
  'postalAddressLine',
] as const;
export type LetterOrganizationField = (typeof LETTER_ORGANIZATION_FIELDS)[number];

/** Patient data a letter needs; each has a label under `letters.patientFields`. */
export const LETTER_PATIENT_FIELDS = [
  'familyName',
  'givenNames',
  'initials',
  'sex',
  'street',
  'houseNumber',
  'postalCode',
  'city',
  'portalCode',
  'fractureDate',
] as const;
export type LetterPatientField = (typeof LETTER_PATIENT_FIELDS)[number];

/** Why one patient's letter cannot be printed. */
export type LetterProblem =
  | { kind: 'field'; index: number; field: LetterPatientField | null; raw: string }
  | { kind: 'notFound'; index: number }
  | { kind: 'noInvitationDue'; index: number };

export type LetterFailure =
  | { kind: 'profileIncomplete'; field: LetterOrganizationField | null; raw: string }
  | { kind: 'notPrintable'; problems: LetterProblem[] }
  | { kind: 'other'; error: unknown };

const EPISODE_FIELD = /^episodeIds\[(\d+)\](?:\.(.+))?$/;

function patientField(path: string): LetterPatientField | null {
  if (path === 'fracture.date') return 'fractureDate';
  const name = path.replace(/^patient\./, '');
  return isOneOf(LETTER_PATIENT_FIELDS, name) ? name : null;
}

/**
 * Reads the letters endpoint's refusals: 409 `organization_profile_incomplete` (nothing can be
 * printed until an administrator completes the profile) and 422 `letters_not_printable`, whose
 * issues point at the episodes by their position in the request (`episodeIds[2].patient.street`).
 */
export function letterFailure(error: unknown): LetterFailure {
  if (!(error instanceof ApiError)) return { kind: 'other', error };
  if (error.code === 'organization_profile_incomplete') {
    const raw = error.issues[0]?.field ?? '';
    const name = raw.replace(/^organization\./, '');
    return { kind: 'profileIncomplete', field: isOneOf(LETTER_ORGANIZATION_FIELDS, name) ? name : null, raw };
  }
  if (error.code !== 'letters_not_printable') return { kind: 'other', error };
  const problems = error.issues.flatMap((issue): LetterProblem[] => {
    const match = EPISODE_FIELD.exec(issue.field);
    if (match === null) return [];
    const index = Number(match[1]);
    if (issue.code === 'not_found') return [{ kind: 'notFound', index }];
    if (issue.code === 'state') return [{ kind: 'noInvitationDue', index }];
    const path = match[2] ?? '';
    return [{ kind: 'field', index, field: patientField(path), raw: path }];
  });
  return problems.length === 0 ? { kind: 'other', error } : { kind: 'notPrintable', problems };
}
