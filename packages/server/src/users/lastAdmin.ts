// An organisation always keeps an active administrator: without one, no one could manage its accounts from
// the web app. The rule is decided here (pure) and checked inside the change's transaction, after the
// organisation's active administrators are locked (userAccounts.ts), so two administrators demoting each
// other at the same moment cannot both succeed.
import type { Role } from '@osteopad/contract';
import { conflict, type DomainError } from '../domain/errors';

export interface AccountState {
  readonly id: string;
  readonly role: Role;
  readonly active: boolean;
}

export interface RoleOrActiveChange {
  readonly role?: Role | undefined;
  readonly active?: boolean | undefined;
}

/** Whether the change takes the account out of the active administrators. */
export function removesAnAdmin(account: AccountState, change: RoleOrActiveChange): boolean {
  if (account.role !== 'admin' || !account.active) return false;
  return (change.role !== undefined && change.role !== 'admin') || change.active === false;
}

/** Whether the change leaves the organisation (whose active administrators are `activeAdminIds`) without one. */
export function removesLastAdmin(
  account: AccountState,
  change: RoleOrActiveChange,
  activeAdminIds: readonly string[],
): boolean {
  return removesAnAdmin(account, change) && activeAdminIds.every((id) => id === account.id);
}

export const LAST_ADMIN_MESSAGE =
  'This is the last active administrator of the organisation. Make another account administrator first.';

/** The refusal, at the field that asked for it (the role, or else `active`). */
export function lastAdminRefused(change: RoleOrActiveChange): DomainError {
  const field = change.role !== undefined && change.role !== 'admin' ? 'body.role' : 'body.active';
  return conflict('last_admin', LAST_ADMIN_MESSAGE, {}, [
    { field, message: LAST_ADMIN_MESSAGE, code: 'last_admin' },
  ]);
}
