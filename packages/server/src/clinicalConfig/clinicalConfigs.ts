// Which clinical configuration an organisation's work uses now. The installation's file (or the reference
// defaults) is version 0; each version made on the configuration screen (clinicalConfigVersions.ts) is
// stored and supersedes the one before, for every process (server, worker, MLLP listener) at its next
// piece of work: no restart. A version never changes, so each is parsed once and kept.
import { parseClinicalConfig, type ClinicalConfig } from '@osteopad/clinical';
import { desc, eq } from 'drizzle-orm';
import type { Database, Executor } from '../db/connection';
import { clinicalConfigVersions } from '../db/schema';
import { inOrganization } from '../audit/auditedTransaction';

export interface CurrentClinicalConfig {
  /** 0: the installation's configuration; 1, 2 …: the organisation's versions. */
  readonly number: number;
  readonly config: ClinicalConfig;
}

export interface ClinicalConfigs {
  /** The installation's configuration (its file, or the reference defaults): version 0 of every organisation. */
  readonly base: ClinicalConfig;
  /** The configuration the organisation's work uses now, read in a transaction scoped to it. */
  current(organizationId: string): Promise<CurrentClinicalConfig>;
  /** As `current`, in a transaction the caller has scoped to the organisation already. */
  currentIn(tx: Executor): Promise<CurrentClinicalConfig>;
  /** The configuration alone (what the engine is given). */
  forOrganization(organizationId: string): Promise<ClinicalConfig>;
}

export function storedClinicalConfigs(db: Database, base: ClinicalConfig): ClinicalConfigs {
  const parsed = new Map<string, ClinicalConfig>();
  const baseVersion: CurrentClinicalConfig = { number: 0, config: base };

  async function currentIn(tx: Executor): Promise<CurrentClinicalConfig> {
    const [latest] = await tx
      .select({ id: clinicalConfigVersions.id, number: clinicalConfigVersions.number })
      .from(clinicalConfigVersions)
      .orderBy(desc(clinicalConfigVersions.number))
      .limit(1);
    if (latest === undefined) return baseVersion;
    const known = parsed.get(latest.id);
    if (known !== undefined) return { number: latest.number, config: known };
    const [row] = await tx
      .select({ document: clinicalConfigVersions.document })
      .from(clinicalConfigVersions)
      .where(eq(clinicalConfigVersions.id, latest.id));
    if (row === undefined) throw new Error(`clinical configuration version ${latest.id} vanished`);
    // Stored only after the same parse accepted it (clinicalConfigVersions.ts): a failure here is a defect.
    const config = parseClinicalConfig(row.document);
    parsed.set(latest.id, config);
    return { number: latest.number, config };
  }

  return {
    base,
    current: (organizationId) => inOrganization(db, organizationId, currentIn),
    currentIn,
    forOrganization: async (organizationId) => (await inOrganization(db, organizationId, currentIn)).config,
  };
}
