import type { ReactNode } from 'react';
import type { Role } from '@osteopad/contract';
import { useCurrentUser } from '../session/useCurrentUser';
import { NoAccessScreen } from './NoAccessScreen';

interface RequireRoleProps {
  roles: readonly Role[];
  children: ReactNode;
}

/**
 * Shows the no-access page instead of a screen the user's role may not use. The server refuses such
 * requests anyway (403); this spares the user a screen that can only fail.
 */
export function RequireRole({ roles, children }: RequireRoleProps) {
  const user = useCurrentUser();
  if (user === null) return null;
  if (!roles.includes(user.role)) return <NoAccessScreen />;
  return children;
}
