// The organisation's clinical configuration versions: made on the configuration screen by a specialist or
// an administrator, with a reason, audited in the same transaction, and in effect for the next piece of
// work of every process (clinicalConfigs.ts). Append-only: a version is read back exactly as it was made.
import type { ClinicalConfigVersions, ConfigChange, ConfigVersionBody } from '@osteopad/contract';
import { configIdentity } from '@osteopad/clinical';
import { desc } from 'drizzle-orm';
import type { Actor } from '../auth/actor';
import type { Database } from '../db/connection';
import { sqlStateOf } from '../db/databaseErrors';
import { clinicalConfigVersions } from '../db/schema';
import { auditedTransaction } from '../audit/auditedTransaction';
import { conflict } from '../domain/errors';
import type { ClinicalConfigs, CurrentClinicalConfig } from './clinicalConfigs';
import { newConfigVersion } from './configVersionChanges';

const stale = () =>
  conflict(
    'stale_version',
    'Someone else changed the clinical configuration in the meantime: read it again and redo the change.',
  );

/** Makes the next version from the one the screen showed (`basedOn`), or refuses the whole change. */
export async function makeConfigVersion(
  db: Database,
  configs: ClinicalConfigs,
  actor: Actor,
  body: ConfigVersionBody,
  today: string,
): Promise<CurrentClinicalConfig> {
  try {
    return await auditedTransaction(db, actor, async (tx, trail) => {
      const current = await configs.currentIn(tx);
      if (current.number !== body.basedOn) throw stale();
      const number = current.number + 1;
      const reason = body.reason.trim();
      const made = newConfigVersion(current.config, number, body.changes, {
        confirmedBy: `${actor.displayName}, ${today}`,
        reason,
      });
      const fingerprint = configIdentity(made.config).configFingerprint;
      const [row] = await tx
        .insert(clinicalConfigVersions)
        .values({
          organizationId: actor.organizationId,
          number,
          version: made.version,
          fingerprint,
          document: made.document,
          changes: made.changes,
          reason,
          createdBy: actor.userId,
          createdByName: actor.displayName,
        })
        .returning({ id: clinicalConfigVersions.id });
      if (row === undefined) throw new Error('clinical configuration version not stored');
      trail.record({
        action: 'update',
        objectType: 'clinical_config',
        objectId: row.id,
        details: {
          number,
          version: made.version,
          fingerprint,
          changed: made.changes.filter((c) => c.kind === 'changed').map((c) => c.key),
          confirmed: made.changes.filter((c) => c.kind === 'confirmed').map((c) => c.key),
        },
      });
      return { number, config: made.config };
    });
  } catch (error) {
    // Two versions made from the same one, each past the other's read: the unique number refuses the second.
    if (sqlStateOf(error) === '23505') throw stale();
    throw error;
  }
}

/** Every version of the organisation, newest first, as made. */
export function listConfigVersions(db: Database, actor: Actor): Promise<ClinicalConfigVersions> {
  return auditedTransaction(db, actor, async (tx) => {
    const rows = await tx.select().from(clinicalConfigVersions).orderBy(desc(clinicalConfigVersions.number));
    return {
      versions: rows.map((row) => ({
        number: row.number,
        version: row.version,
        fingerprint: row.fingerprint,
        reason: row.reason,
        createdAt: row.createdAt.toISOString(),
        createdByName: row.createdByName,
        changes: row.changes as ConfigChange[],
      })),
    };
  });
}
