import type { Database } from '../src/db/connection';
import { inOrganization } from '../src/audit/auditedTransaction';
import { episodes, fractureEvents } from '../src/db/schema';

/**
 * An episode being investigated for an eligible wrist fracture of `patientId` on `fractureDate` (opened
 * that day unless `openedOn` says otherwise), written in the organisation's scope: where a follow-up,
 * decision or episode-page test starts before it adds a decision or tasks.
 */
export async function openInvestigatedEpisode(
  db: Database,
  orgId: string,
  patientId: string,
  fractureDate: string,
  options: { openedOn?: string; identityKey?: string } = {},
): Promise<string> {
  return inOrganization(db, orgId, async (tx) => {
    const fracture = await tx
      .insert(fractureEvents)
      .values({
        organizationId: orgId,
        patientId,
        fractureDate,
        siteCode: 'radius_forearm_wrist',
        identityKey: options.identityKey ?? `wrist-${Math.random()}`,
        eligibility: 'eligible',
        eligibilityReason: 'qualifyingFracture',
        traumaMechanism: 'low',
        pathological: false,
      })
      .returning({ id: fractureEvents.id });
    const row = await tx
      .insert(episodes)
      .values({
        organizationId: orgId,
        patientId,
        indexFractureId: fracture[0]?.id ?? null,
        state: 'investigated',
        openedOn: options.openedOn ?? fractureDate,
      })
      .returning({ id: episodes.id });
    return row[0]?.id ?? '';
  });
}
