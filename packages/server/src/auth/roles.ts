import type { Role } from '@osteopad/contract';

// The roles and the role groups routes allow are the API's (@osteopad/contract: ROLES,
// CLINICAL_ROLES, PATIENT_RECORD_ROLES, STAFF_ROLES, ADMIN_ROLES); what each role is recorded as
// doing is the server's.

/** Purpose of use recorded with every audit event (NEN 7513: "on what authority"). */
export function purposeOfUse(role: Role): string {
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
