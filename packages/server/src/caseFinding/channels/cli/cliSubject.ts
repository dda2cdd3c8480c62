import { userInfo } from 'node:os';
import type { AuditSubject } from '../../../audit/auditLog';

/** Who the audit log names for work started on the server's command line. */
export function cliSubject(organizationId: string, channel: string): AuditSubject {
  let user = 'unknown';
  try {
    user = userInfo().username;
  } catch {
    // no passwd entry (containers): keep "unknown"
  }
  return {
    userId: null,
    username: `${channel}:${user}`,
    role: 'system',
    organizationId,
    clientAddress: null,
    reason: 'case-finding import',
  };
}
