// Which role a hospital sign-in gets (issue 14): the Osteopad account's own, or the provider's claim
// mapped through the organisation's table. A value without a mapping is refused — never a default role —
// and a patient account never signs in this way.
import { SSO_MAPPABLE_ROLES, type Role, type SsoRoleSource } from '@osteopad/contract';

export interface SsoRoleRule {
  readonly roleSource: SsoRoleSource;
  readonly roleClaim: string | null;
  readonly roleMap: Readonly<Record<string, string>>;
}

export type SsoRoleVerdict =
  | { readonly ok: true; readonly role: Role }
  | { readonly ok: false; readonly problem: 'unmapped_role' | 'patient_account' };

const MAPPABLE: ReadonlySet<string> = new Set(SSO_MAPPABLE_ROLES);

function mappedRole(rule: SsoRoleRule, value: unknown): Role | null {
  if (typeof value !== 'string') return null;
  const role = Object.hasOwn(rule.roleMap, value) ? rule.roleMap[value] : undefined;
  return role !== undefined && MAPPABLE.has(role) ? (role as Role) : null;
}

/**
 * The role of the sign-in. With `claim`, a string claim must be in the map; a list claim (groups) must
 * hold values that map to exactly one role — values without a mapping are other groups and are passed
 * over, two different mapped roles are ambiguous and refused.
 */
export function roleForSignIn(
  accountRole: Role,
  claims: Readonly<Record<string, unknown>>,
  rule: SsoRoleRule,
): SsoRoleVerdict {
  if (accountRole === 'patient') return { ok: false, problem: 'patient_account' };
  if (rule.roleSource === 'account') return { ok: true, role: accountRole };
  const claim = rule.roleClaim === null ? undefined : claims[rule.roleClaim];
  const values: readonly unknown[] = Array.isArray(claim) ? claim : [claim];
  const roles = new Set<Role>();
  for (const value of values) {
    const role = mappedRole(rule, value);
    if (role !== null) roles.add(role);
  }
  const [only, ...others] = [...roles];
  if (only === undefined || others.length > 0) return { ok: false, problem: 'unmapped_role' };
  return { ok: true, role: only };
}

/** The Osteopad username a sign-in names: the configured claim, a string of 1–100 characters. */
export function accountKeyOf(claims: Readonly<Record<string, unknown>>, accountClaim: string): string | null {
  const value = claims[accountClaim];
  if (typeof value !== 'string') return null;
  const key = value.trim();
  return key === '' || key.length > 100 ? null : key;
}
