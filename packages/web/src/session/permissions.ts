import {
  ADMIN_ROLES,
  CLINICAL_ROLES,
  PATIENT_RECORD_ROLES,
  REMINDER_ROLES,
  STAFF_ROLES,
  type Role,
} from '@osteopad/contract';

/*
 * What each role sees in the web app. The server enforces the same rules (403); these only decide
 * which navigation to show and where to land, so nobody is sent to a screen that will refuse them.
 */

/** The server's PATIENT_RECORD_ROLES (the contract's): staff who search and open patient records. */
export const PATIENT_LIST_ROLES: readonly Role[] = PATIENT_RECORD_ROLES;
/** The worklist shows names, so the same staff; secretaries invite, the clinical staff also decide. */
export const WORKLIST_ROLES: readonly Role[] = PATIENT_LIST_ROLES;
/** The server's CLINICAL_ROLES: manual eligibility review and radiology report findings. */
export const CLINICAL_REVIEW_ROLES: readonly Role[] = CLINICAL_ROLES;
export const AUDIT_LOG_ROLES: readonly Role[] = ADMIN_ROLES;
export const IMPORT_ROLES: readonly Role[] = ADMIN_ROLES;
/** The server's STAFF_ROLES: everyone who works for the hospital may see the clinical configuration. */
export const CLINICAL_CONFIG_ROLES: readonly Role[] = STAFF_ROLES;
/** Reminded of unconfirmed clinical values on every screen: they see to it that the clinic confirms them. */
export const CLINICAL_CONFIG_NOTICE_ROLES: readonly Role[] = ['admin', 'specialist'];

export const canUsePatientList = (role: Role): boolean => PATIENT_LIST_ROLES.includes(role);
export const canUseWorklist = (role: Role): boolean => WORKLIST_ROLES.includes(role);
export const canReviewClinically = (role: Role): boolean => CLINICAL_REVIEW_ROLES.includes(role);
export const canUseAuditLog = (role: Role): boolean => AUDIT_LOG_ROLES.includes(role);
export const canImport = (role: Role): boolean => IMPORT_ROLES.includes(role);
export const canViewClinicalConfig = (role: Role): boolean => CLINICAL_CONFIG_ROLES.includes(role);
export const seesClinicalConfigNotice = (role: Role): boolean => CLINICAL_CONFIG_NOTICE_ROLES.includes(role);

export type HomeTarget = '/worklist' | '/audit' | '/portal' | 'placeholder';

/** Where a user lands after login. */
export function homeFor(role: Role): HomeTarget {
  switch (role) {
    case 'specialist':
    case 'nurse':
    case 'secretary':
      return '/worklist';
    case 'admin':
      return '/audit';
    case 'quality':
      return 'placeholder';
    case 'patient':
      return '/portal';
  }
}

/** The server's REMINDER_ROLES: the reminder outbox (failed and waiting reminders, send again). */
export const REMINDER_SCREEN_ROLES: readonly Role[] = REMINDER_ROLES;
export const canSeeReminders = (role: Role): boolean => REMINDER_SCREEN_ROLES.includes(role);
/** The server's FOLLOW_UP_WORKLIST_ROLES (kept as a literal: the contract module stays out of the main bundle). */
export const FOLLOW_UP_ROLES: readonly Role[] = ['specialist', 'nurse', 'secretary', 'admin'];
export const canUseFollowUpWorklist = (role: Role): boolean => FOLLOW_UP_ROLES.includes(role);
/** The server's ADVICE_ROLES: the calcium and vitamin D calculators (no patient data). */
export const ADVICE_SCREEN_ROLES: readonly Role[] = ['specialist', 'nurse', 'patient'];
export const canUseAdvice = (role: Role): boolean => ADVICE_SCREEN_ROLES.includes(role);
/** The server's ADMIN_ROLES for the user routes: the accounts of the organisation (`/admin/users`). */
export const USER_ADMIN_ROLES: readonly Role[] = ADMIN_ROLES;
export const canManageUsers = (role: Role): boolean => USER_ADMIN_ROLES.includes(role);
/** The server's ADMIN_ROLES for the organisation profile (`/admin/organization`): what letters print. */
export const ORGANIZATION_ADMIN_ROLES: readonly Role[] = ADMIN_ROLES;
export const canManageOrganization = (role: Role): boolean => ORGANIZATION_ADMIN_ROLES.includes(role);
