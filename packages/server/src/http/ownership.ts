import type { Database } from '../db/connection';
import { namedRecordsAreOwn } from '../audit/auditedTransaction';
import { isOwnedParam, type NamedRecords } from '../audit/namedRecords';

/**
 * Path parameters that name an organisation-owned row (`audit/namedRecords.ts` holds the list and the
 * check). Before a handler acts on one, the row must be the caller's organisation's; otherwise the
 * answer is 404, whatever the route does next.
 */
export function isKnownOwnedParam(name: string): boolean {
  return isOwnedParam(name);
}

/** The authenticate hook's check: every named record is a row of the organisation (one statement). */
export async function ownsAll(db: Database, organizationId: string, named: NamedRecords): Promise<boolean> {
  return namedRecordsAreOwn(db, organizationId, named);
}
