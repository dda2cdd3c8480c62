// Genant grades stated in a sentence: "Genant graad 2", "grade II (Genant)", and a bare "graad 2" next to a finding.
import { spans, wordsBetween, type Span } from './textSpans';
import { BARE_GRADE, GENANT_PATTERNS, OTHER_GRADING } from './vocabulary';

export interface GenantMention extends Span {
  /** 0–3; grade 0 says the vertebra is not fractured. */
  grade: number;
}

function romanOrDigit(value: string): number {
  switch (value) {
    case 'i':
      return 1;
    case 'ii':
      return 2;
    case 'iii':
      return 3;
    default:
      return Number(value);
  }
}

/** Grades stated with the word Genant, in a lower-cased sentence. */
export function findGenant(lower: string): GenantMention[] {
  const mentions: GenantMention[] = [];
  for (const pattern of GENANT_PATTERNS) {
    for (const match of lower.matchAll(pattern)) {
      const span = { start: match.index, end: match.index + match[0].length };
      if (mentions.some((m) => m.start < span.end && span.start < m.end)) continue;
      mentions.push({ ...span, grade: romanOrDigit(match[1] ?? '') });
    }
  }
  return mentions;
}

const BARE_GRADE_DISTANCE_WORDS = 6;

/** "graad 2" without the word Genant, close to a finding and in a clause that grades nothing else. */
export function bareGradesNear(lower: string, clause: Span, findings: readonly Span[]): GenantMention[] {
  if (spans(OTHER_GRADING, lower, clause.start, clause.end).length > 0) return [];
  const found: GenantMention[] = [];
  for (const match of lower.slice(clause.start, clause.end).matchAll(BARE_GRADE)) {
    const span = { start: clause.start + match.index, end: clause.start + match.index + match[0].length };
    if (findings.some((f) => wordsBetween(lower, span, f) <= BARE_GRADE_DISTANCE_WORDS))
      found.push({ ...span, grade: romanOrDigit(match[1] ?? '') });
  }
  return found;
}
