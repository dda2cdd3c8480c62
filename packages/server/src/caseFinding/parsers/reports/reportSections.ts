// Which part of a report each sentence is in. A fracture named under "Vraagstelling:" or "Indication:" is the
// requester's question, not a finding; a "?" under "Conclusie:" is the radiologist's doubt, not a question.
import type { Sentence } from './sentences';
import { FINDINGS_HEADER, OTHER_HEADER, QUESTION_HEADER } from './contextVocabulary';

export type SectionKind =
  /** The clinical question or indication of the request. */
  | 'question'
  /** The radiologist's findings or conclusion. */
  | 'findings'
  /** Another named section (clinical details, technique, comparison). */
  | 'other'
  /** No header seen (yet), or the section ended. */
  | 'none';

export interface SentenceSection {
  kind: SectionKind;
  /** The header as written ("Vraagstelling:"), when there is one. */
  header?: string;
}

const NONE: SentenceSection = { kind: 'none' };

function headerOf(text: string): SentenceSection | undefined {
  for (const [kind, pattern] of [
    ['question', QUESTION_HEADER],
    ['findings', FINDINGS_HEADER],
    ['other', OTHER_HEADER],
  ] as const) {
    const match = pattern.exec(text);
    if (match !== null) return { kind, header: match[0].trim() };
  }
  return undefined;
}

/**
 * A header opens a section at the start of a sentence. A header with text after it on its line covers the rest
 * of that line ("Vraagstelling: val op de rug. Wervelfractuur?"); a header alone on its line covers the lines
 * below it until a blank line or the next header.
 */
export function sectionsOf(text: string, sentences: readonly Sentence[]): SentenceSection[] {
  const result: SentenceSection[] = [];
  let current = NONE;
  /** The current section stops at the end of its header's line (else at a blank line). */
  let endsAtLineEnd = false;
  let previousEnd = 0;
  for (const sentence of sentences) {
    const gap = text.slice(previousEnd, sentence.start);
    if (/\n[^\S\n]*\r?\n/u.test(gap) || (endsAtLineEnd && gap.includes('\n'))) current = NONE;
    const header = headerOf(sentence.text);
    if (header !== undefined) {
      current = header;
      const lineEnd = text.indexOf('\n', sentence.start);
      const restOfLine = text.slice(
        sentence.start + (header.header?.length ?? 0),
        lineEnd < 0 ? text.length : lineEnd,
      );
      endsAtLineEnd = restOfLine.trim() !== '';
    }
    result.push(current);
    previousEnd = sentence.start + sentence.text.length;
  }
  return result;
}
