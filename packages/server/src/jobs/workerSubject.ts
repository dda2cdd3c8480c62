import type { AuditSubject } from '../audit/auditLog';

/** Who the audit log names for work the job queue's worker does (the scheduler pass, sending reminders). */
export function workerSubject(organizationId: string, job: string): AuditSubject {
  return {
    userId: null,
    username: `worker:${job}`,
    role: 'system',
    organizationId,
    clientAddress: null,
    reason: 'care coordination: follow-up reminders',
  };
}
