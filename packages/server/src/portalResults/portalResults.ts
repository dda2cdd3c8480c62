/**
 * The signed-in patient's results, plan and letters (issue 13, item 5), read in one unit of work with a
 * read event per record shown: the patient, the decision, the list of letters; and one letter's PDF,
 * which must be the session patient's own result letter (404 otherwise, whatever the organisation).
 */
import { and, desc, eq, inArray } from 'drizzle-orm';
import { PATIENT_LETTER_KINDS, type PortalLetter, type PortalResults } from '@osteopad/contract';
import type { Database } from '../db/connection';
import { decisions, episodeDocuments } from '../db/schema';
import { auditedTransaction } from '../audit/auditedTransaction';
import { notFound } from '../domain/errors';
import { storedDecisionOf } from '../decision/storedDecision';
import type { PortalPatient } from '../auth/requirePortalPatient';
import { portalResultsOf } from './portalResultsView';

export const portalLetterHref = (id: string): string => `/api/portal/letters/${id}/pdf`;

/** The patient's latest recorded decision (of any of their episodes) with their result letters. */
export async function loadPortalResults(
  db: Database,
  { actor, patientId }: PortalPatient,
): Promise<PortalResults> {
  return auditedTransaction(db, actor, async (tx, trail) => {
    const [row] = await tx
      .select()
      .from(decisions)
      .where(and(eq(decisions.organizationId, actor.organizationId), eq(decisions.patientId, patientId)))
      .orderBy(desc(decisions.decidedAt), desc(decisions.sequence))
      .limit(1);
    trail.record({
      action: 'read',
      objectType: 'patient',
      objectId: patientId,
      patientId,
      details: { view: 'portal_results' },
    });
    if (row === undefined) return { status: 'none' as const };
    const letterRows = await tx
      .select({
        id: episodeDocuments.id,
        kind: episodeDocuments.kind,
        locale: episodeDocuments.locale,
        createdAt: episodeDocuments.createdAt,
      })
      .from(episodeDocuments)
      .where(
        and(
          eq(episodeDocuments.organizationId, actor.organizationId),
          eq(episodeDocuments.patientId, patientId),
          inArray(episodeDocuments.kind, [...PATIENT_LETTER_KINDS]),
        ),
      )
      .orderBy(desc(episodeDocuments.createdAt), desc(episodeDocuments.id));
    const letters: PortalLetter[] = letterRows.map((l) => ({
      id: l.id,
      kind: 'result_letter',
      locale: l.locale,
      createdAt: l.createdAt.toISOString(),
      href: portalLetterHref(l.id),
    }));
    trail.record({
      action: 'read',
      objectType: 'decision',
      objectId: row.id,
      patientId,
      details: { view: 'portal_results', episodeId: row.episodeId },
    });
    trail.record({
      action: 'read',
      objectType: 'episode_documents',
      objectId: row.episodeId,
      patientId,
      details: { view: 'portal_results', letters: letters.length },
    });
    return portalResultsOf(storedDecisionOf(row), letters);
  });
}

/** One of the patient's own result letters, byte for byte as kept; any other id is not found. */
export async function readPortalLetter(
  db: Database,
  { actor, patientId }: PortalPatient,
  letterId: string,
): Promise<{ pdf: Buffer; sha256: string }> {
  return auditedTransaction(db, actor, async (tx, trail) => {
    const [row] = await tx
      .select({ pdf: episodeDocuments.pdf, sha256: episodeDocuments.sha256 })
      .from(episodeDocuments)
      .where(
        and(
          eq(episodeDocuments.organizationId, actor.organizationId),
          eq(episodeDocuments.id, letterId),
          eq(episodeDocuments.patientId, patientId),
          inArray(episodeDocuments.kind, [...PATIENT_LETTER_KINDS]),
        ),
      );
    if (row === undefined) throw notFound('Letter');
    trail.record({
      action: 'read',
      objectType: 'episode_document',
      objectId: letterId,
      patientId,
      details: { view: 'portal_letter' },
    });
    return row;
  });
}
