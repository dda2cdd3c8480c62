import type { Role } from '@osteopad/contract';

/** Who is asking: resolved from the session on every authenticated request. */
export interface Actor {
  readonly userId: string;
  readonly username: string;
  readonly displayName: string;
  readonly role: Role;
  readonly organizationId: string;
  /** For role `patient`: the only record this actor may read. */
  readonly patientId: string | null;
  readonly clientAddress: string;
  readonly sessionTokenHash: string;
  readonly csrfToken: string;
  /** Free-text reason the client gave for this access (header X-Access-Reason), if any. */
  readonly accessReason: string;
}
