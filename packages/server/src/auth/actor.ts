import type { Role } from '@osteopad/contract';
import type { NamedRecords } from '../audit/namedRecords';

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
  /**
   * The organisation-owned records the request names in its path, for the check that they are the
   * actor's organisation's (by the authenticate hook, or by the request's first unit of work).
   */
  readonly namedRecords?: NamedRecords | undefined;
}
