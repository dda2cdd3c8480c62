import type { PatientInput } from '@osteopad/clinical';
import type { EpisodeDocumentSummary, TimelineEntry } from '@osteopad/contract';
import type { Transaction } from '../db/connection';

/*
 * The seams between the parts of the consult, so that each part is written once and the others
 * read it without knowing its tables:
 *
 * - the clinical engine's input (`PatientInput`, packages/clinical/src/patientInput.ts) is collected
 *   per section: the intake answers give risk factors, glucocorticoids, falls questions, calcium,
 *   vitamin D …; the investigations give dxa, vfa, labs. Each part exports a `PatientInputSectionLoader`,
 *   listed in `consult/sectionLoaders.ts`; the decision merges what they answer with the patient and
 *   fracture data it reads itself (sex, birth date, fractures);
 * - the episode page's timeline and document list (contract: timeline.ts) are collected the same way
 *   (`TimelineSource`, `DocumentSource`, listed in episodes/episodeTimeline.ts).
 *
 * Every loader runs inside the caller's unit of work (auditedTransaction: organisation set, audit
 * recorded by the caller), reads only the episode it is given, and filters on organization_id.
 */

/** The part of the engine's input one area of the consult knows. */
export type PatientInputSections = Partial<
  Omit<PatientInput, 'sex' | 'birthDate' | 'ageYears' | 'fractures' | 'treatment'>
>;

export interface EpisodeScope {
  organizationId: string;
  patientId: string;
  episodeId: string;
}

export type PatientInputSectionLoader = (
  tx: Transaction,
  scope: EpisodeScope,
) => Promise<PatientInputSections>;

/** An area's entries of the episode's timeline (any order: the page sorts them by time). */
export type TimelineSource = (tx: Transaction, scope: EpisodeScope) => Promise<TimelineEntry[]>;

/** An area's documents of the episode. */
export type DocumentSource = (tx: Transaction, scope: EpisodeScope) => Promise<EpisodeDocumentSummary[]>;
