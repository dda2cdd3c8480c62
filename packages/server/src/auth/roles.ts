export const USER_ROLES = ['admin', 'specialist', 'nurse', 'secretary', 'quality', 'patient'] as const;
export type UserRole = (typeof USER_ROLES)[number];

/** Staff who work with identifiable patient records in the pathway. */
export const CLINICAL_ROLES = ['specialist', 'nurse'] as const satisfies readonly UserRole[];
/** Staff who may see patient demographics (worklists, letters). */
export const PATIENT_RECORD_ROLES = [
  'specialist',
  'nurse',
  'secretary',
] as const satisfies readonly UserRole[];
export const STAFF_ROLES = [
  'admin',
  'specialist',
  'nurse',
  'secretary',
  'quality',
] as const satisfies readonly UserRole[];

/** Purpose of use recorded with every audit event (NEN 7513: "on what authority"). */
export function purposeOfUse(role: UserRole): string {
  switch (role) {
    case 'specialist':
    case 'nurse':
      return 'treatment';
    case 'secretary':
    case 'admin':
      return 'administration';
    case 'quality':
      return 'quality-improvement';
    case 'patient':
      return 'patient-access';
  }
}
