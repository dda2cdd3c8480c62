import type { TFunction } from 'i18next';
import type { PortalAccessEntry, Role } from '@osteopad/contract';

const ACTIONS = ['read', 'create', 'update', 'delete', 'print', 'export', 'import'] as const;
const OBJECTS = [
  'patient',
  'episode',
  'task',
  'fracture_event',
  'dxa_exam',
  'vfa_exam',
  'lab_result',
  'intake_response',
  'fall_risk_assessment',
  'decision',
  'treatment',
  'appointment',
  'reminder_delivery',
  'invitation_letter',
  'reminder_letter',
  'episode_documents',
  'report_finding',
  'access_log',
  'portal_activation',
  'portal_magic_link',
  'import',
] as const;
const ROLES: readonly Role[] = ['admin', 'specialist', 'nurse', 'secretary', 'quality', 'patient'];

function known<T extends string>(list: readonly T[], value: string): T | undefined {
  return list.find((item) => item === value);
}

/** What happened, in the patient's words: an action and a part of the record the catalogue knows. */
export function accessWhat(t: TFunction, entry: Pick<PortalAccessEntry, 'action' | 'objectType'>): string {
  const object = known(OBJECTS, entry.objectType);
  const what = t(`portal.accessLog.object.${object ?? 'other'}`);
  const action = known(ACTIONS, entry.action);
  return t(`portal.accessLog.action.${action ?? 'other'}`, { what });
}

/** Who it was: the patient, a staff member by name and role, or Osteopad's own work. */
export function accessWho(t: TFunction, entry: Pick<PortalAccessEntry, 'who' | 'name' | 'role'>): string {
  if (entry.who === 'self') return t('portal.accessLog.self');
  if (entry.who === 'system') return t('portal.accessLog.system');
  const role = known(ROLES, entry.role);
  return role === undefined
    ? entry.name
    : t('portal.accessLog.staff', { name: entry.name, role: t(`roles.${role}`) });
}
