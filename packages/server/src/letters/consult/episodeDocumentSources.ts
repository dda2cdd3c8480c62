/**
 * The letters' part of the episode page (consult/patientInputSections.ts): the kept documents as the
 * page lists them, and a timeline entry per letter made. Both run in the page's unit of work, which
 * audits the read; they are listed in episodes/episodeTimeline.ts at the merge.
 */
import { and, eq } from 'drizzle-orm';
import type { DocumentSource, TimelineSource } from '../../consult/patientInputSections';
import { episodeDocuments, users } from '../../db/schema';
import { documentHref, episodeDocumentRows } from './episodeDocuments.repository';

export const episodeDocumentsSource: DocumentSource = async (tx, scope) =>
  (await episodeDocumentRows(tx, scope)).map(({ id, kind, createdAt, createdBy }) => ({
    id,
    kind,
    createdAt,
    createdBy,
    href: documentHref(id),
  }));

/** `letter_created` {documentKind, locale, documentId}, at the moment the letter was stored. */
export const documentsTimeline: TimelineSource = async (tx, scope) => {
  const rows = await tx
    .select({
      id: episodeDocuments.id,
      kind: episodeDocuments.kind,
      locale: episodeDocuments.locale,
      createdAt: episodeDocuments.createdAt,
      actor: users.displayName,
    })
    .from(episodeDocuments)
    .leftJoin(users, eq(users.id, episodeDocuments.createdBy))
    .where(
      and(
        eq(episodeDocuments.organizationId, scope.organizationId),
        eq(episodeDocuments.episodeId, scope.episodeId),
      ),
    );
  return rows.map((row) => ({
    at: row.createdAt.toISOString(),
    kind: 'letter_created',
    actor: row.actor,
    details: { documentKind: row.kind, locale: row.locale, documentId: row.id },
    note: null,
  }));
};
