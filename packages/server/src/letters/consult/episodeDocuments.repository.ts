/**
 * The episode's kept documents (table `episode_documents`, append-only): make a consult letter from
 * the loaded input and store it with its bytes, hash and input snapshot; read one back exactly as
 * stored; list an episode's. Every read and write is audited per patient in the same unit of work.
 */
import { createHash } from 'node:crypto';
import { and, desc, eq } from 'drizzle-orm';
import type { LetterLocale, StoredDocumentKind, StoredLetter } from '@osteopad/contract';
import type { Actor } from '../../auth/actor';
import { auditedTransaction, type AuditTrail } from '../../audit/auditedTransaction';
import type { Database, Transaction } from '../../db/connection';
import { episodeDocuments, episodes, users } from '../../db/schema';
import { conflict, notFound, unprocessable } from '../../domain/errors';
import type { EpisodeScope } from '../../consult/patientInputSections';
import { LetterInputError } from '../letterInputError';
import type { ConsultLetterInput } from './consultLetterInput';
import type { ConsultLetterInputLoader } from './consultLetterInputLoader';
import { renderGpLetter } from './gpLetter';
import { completeLetterTask } from './letterTasks';
import { renderResultLetter } from './resultLetter';

const RENDERERS: Readonly<
  Record<StoredDocumentKind, (input: ConsultLetterInput, locale: LetterLocale) => Promise<Buffer>>
> = {
  result_letter: renderResultLetter,
  gp_letter: renderGpLetter,
};

/** The audit log's object type of a kept document. */
const DOCUMENT_OBJECT = 'episode_document';

export const documentHref = (id: string): string => `/api/episode-documents/${id}`;

const summaryColumns = {
  id: episodeDocuments.id,
  kind: episodeDocuments.kind,
  locale: episodeDocuments.locale,
  sha256: episodeDocuments.sha256,
  decisionId: episodeDocuments.decisionId,
  createdAt: episodeDocuments.createdAt,
  createdBy: users.displayName,
};

interface SummaryRow {
  id: string;
  kind: StoredDocumentKind;
  locale: LetterLocale;
  sha256: string;
  decisionId: string | null;
  createdAt: Date;
  createdBy: string | null;
}

function toStoredLetter(row: SummaryRow): StoredLetter {
  return { ...row, createdAt: row.createdAt.toISOString(), href: documentHref(row.id) };
}

async function episodeScope(
  tx: Transaction,
  organizationId: string,
  episodeId: string,
): Promise<EpisodeScope> {
  const [episode] = await tx
    .select({ patientId: episodes.patientId })
    .from(episodes)
    .where(and(eq(episodes.organizationId, organizationId), eq(episodes.id, episodeId)));
  if (episode === undefined) throw notFound('Episode');
  return { organizationId, patientId: episode.patientId, episodeId };
}

/** The documents of one episode, newest first, without their bytes (the caller audits). */
export async function episodeDocumentRows(tx: Transaction, scope: EpisodeScope): Promise<StoredLetter[]> {
  const rows = await tx
    .select(summaryColumns)
    .from(episodeDocuments)
    .leftJoin(users, eq(users.id, episodeDocuments.createdBy))
    .where(
      and(
        eq(episodeDocuments.organizationId, scope.organizationId),
        eq(episodeDocuments.episodeId, scope.episodeId),
      ),
    )
    .orderBy(desc(episodeDocuments.createdAt), desc(episodeDocuments.id));
  return rows.map(toStoredLetter);
}

/**
 * Makes the episode's letter of `kind` from the input the loader builds (the stored decision, the
 * patient, the organisation profile as they are now), keeps it, and closes the plan's open task that
 * asked for it (letterTasks.ts). A letter that cannot be printed
 * changes nothing: the organisation profile's gap is a 409 naming the field, the patient's data a 422.
 */
export async function createConsultLetter(
  db: Database,
  actor: Actor,
  episodeId: string,
  kind: StoredDocumentKind,
  locale: LetterLocale,
  loadInput: ConsultLetterInputLoader,
  handover: { today: string; dueDays: number },
): Promise<StoredLetter> {
  return auditedTransaction(db, actor, async (tx, trail) => {
    const scope = await episodeScope(tx, actor.organizationId, episodeId);
    const input = await loadInput(tx, scope);
    const pdf = await renderOrRefuse(kind, input, locale);
    const sha256 = createHash('sha256').update(pdf).digest('hex');
    const [row] = await tx
      .insert(episodeDocuments)
      .values({
        organizationId: scope.organizationId,
        patientId: scope.patientId,
        episodeId,
        kind,
        locale,
        pdf,
        sha256,
        input,
        decisionId: input.decision.decisionId,
        createdBy: actor.userId,
      })
      .returning({ id: episodeDocuments.id, createdAt: episodeDocuments.createdAt });
    if (row === undefined) throw new Error('The document was not stored');
    trail.record({
      action: 'create',
      objectType: DOCUMENT_OBJECT,
      objectId: row.id,
      patientId: scope.patientId,
      details: { kind, locale, sha256, episodeId, decisionId: input.decision.decisionId },
    });
    await completeLetterTask(tx, trail, actor, scope, kind, row.id, handover);
    return toStoredLetter({
      id: row.id,
      kind,
      locale,
      sha256,
      decisionId: input.decision.decisionId,
      createdAt: row.createdAt,
      createdBy: actor.displayName,
    });
  });
}

async function renderOrRefuse(
  kind: StoredDocumentKind,
  input: ConsultLetterInput,
  locale: LetterLocale,
): Promise<Buffer> {
  try {
    return await RENDERERS[kind](input, locale);
  } catch (error) {
    if (!(error instanceof LetterInputError)) throw error;
    const issue = [{ field: error.field, message: error.reason, code: 'letter_input' }];
    if (error.field.startsWith('organization.')) {
      throw conflict(
        'organization_profile_incomplete',
        `The organisation profile is incomplete: ${error.field} ${error.reason}.`,
        {},
        issue,
      );
    }
    if (error.field === 'gp') {
      throw unprocessable(
        'gp_unknown',
        'The patient record names no GP; there is no one to send a GP letter to.',
        issue,
      );
    }
    throw unprocessable(
      'letter_not_printable',
      `The letter cannot be printed: ${error.field} ${error.reason}.`,
      issue,
    );
  }
}

export interface StoredDocumentBytes {
  kind: StoredDocumentKind;
  sha256: string;
  pdf: Buffer;
}

/** One kept document's bytes exactly as stored: an audited read of its patient. */
export async function readEpisodeDocument(
  db: Database,
  actor: Actor,
  documentId: string,
): Promise<StoredDocumentBytes> {
  return auditedTransaction(db, actor, async (tx, trail) => {
    const [row] = await tx
      .select({
        kind: episodeDocuments.kind,
        sha256: episodeDocuments.sha256,
        pdf: episodeDocuments.pdf,
        patientId: episodeDocuments.patientId,
      })
      .from(episodeDocuments)
      .where(
        and(eq(episodeDocuments.organizationId, actor.organizationId), eq(episodeDocuments.id, documentId)),
      );
    if (row === undefined) throw notFound('Document');
    trail.record({
      action: 'read',
      objectType: DOCUMENT_OBJECT,
      objectId: documentId,
      patientId: row.patientId,
    });
    return { kind: row.kind, sha256: row.sha256, pdf: row.pdf };
  });
}

/** The episode's documents: an audited read of its patient. */
export async function listEpisodeDocuments(
  db: Database,
  actor: Actor,
  episodeId: string,
): Promise<StoredLetter[]> {
  return auditedTransaction(db, actor, async (tx, trail) => {
    const scope = await episodeScope(tx, actor.organizationId, episodeId);
    const items = await episodeDocumentRows(tx, scope);
    recordListRead(trail, scope);
    return items;
  });
}

function recordListRead(trail: AuditTrail, scope: EpisodeScope): void {
  trail.record({
    action: 'read',
    objectType: 'episode_documents',
    objectId: scope.episodeId,
    patientId: scope.patientId,
  });
}
