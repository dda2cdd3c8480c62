// Finds vertebral fracture findings in one radiology report (IOF Capture the Fracture standard 4: vertebral
// fractures found on imaging enter the FLS). Rule based and explainable: every hit carries its sentence and the
// phrase that triggered it, so a nurse can confirm or dismiss it on the manual-review worklist.
import { splitSentences, type Sentence } from './sentences';
import {
  AGE_BEFORE_OLD,
  BARE_GRADE,
  OTHER_GRADING,
  FINDING_PATTERNS,
  GENANT_PATTERNS,
  KNOWN_MARKERS,
  LEVEL,
  LIST_CONTINUATION,
  MRI_SEQUENCE_AFTER,
  MRI_SEQUENCE_BEFORE,
  NEGATION_AFTER,
  NEGATION_BEFORE,
  NEW_MARKERS,
  OTHER_BONE,
  PSEUDO_NEGATION,
  PSEUDO_NEGATION_MEANS_KNOWN,
  SCOPE_BREAKERS,
  VERTEBRAL_CONTEXT,
  type FindingStrength,
} from './vocabulary';

export type GenantGrade = 1 | 2 | 3;

export interface VertebralFinding {
  sentence: string;
  /** Offset of the sentence in the report text. */
  sentenceStart: number;
  /** Offsets of the matched phrase inside `sentence`. */
  highlight: { start: number; end: number };
  phrase: string;
  /** Thoracic and lumbar levels named in the same clause, as Th1–Th12 and L1–L5, in order of mention. */
  levels: string[];
  /** Highest Genant grade stated in the clause. */
  genantGrade?: GenantGrade;
  negated: false;
  /** Described as old, known, unchanged or not recent: still a vertebral fracture for case finding. */
  known: boolean;
}

export interface ReportScan {
  findings: VertebralFinding[];
  /** Finding phrases that were negated ("geen wervelfractuur", "no new fracture", "Genant grade 0"). */
  negatedMentions: number;
  /** Fractures mentioned only at cervical levels: excluded from the FLS (RULES.md R1.3). */
  excludedMentions: number;
}

interface Span {
  start: number;
  end: number;
}

interface Candidate extends Span {
  strength: FindingStrength;
}

/** Which phrase of a clause is highlighted: the most specific wording of the finding, the grade only if alone. */
const STRENGTH_ORDER: Readonly<Record<FindingStrength, number>> = {
  direct: 0,
  likely: 1,
  needsContext: 2,
  genant: 3,
  generic: 4,
};
const GENERIC_CONTEXT_WORDS = 5;

function spans(pattern: RegExp, text: string, from = 0, to = text.length): Span[] {
  const found: Span[] = [];
  for (const match of text.slice(from, to).matchAll(pattern)) {
    found.push({ start: from + match.index, end: from + match.index + match[0].length });
  }
  return found;
}

function overlaps(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
}

function wordCount(text: string): number {
  return text.match(/[\p{L}\p{N}]+/gu)?.length ?? 0;
}

/** Lower-cases one character at a time, so offsets stay valid (toLowerCase can change the length). */
function lowerSameLength(text: string): string {
  let out = '';
  for (const ch of text) {
    const lower = ch.toLowerCase();
    out += lower.length === ch.length ? lower : ch;
  }
  return out;
}

interface Level extends Span {
  name: string;
  region: 'thoracolumbar' | 'cervical' | 'sacral';
}

function findLevels(lower: string): Level[] {
  const levels: Level[] = [];
  for (const match of lower.matchAll(LEVEL)) {
    const prefix = match[1] ?? '';
    const number = Number(match[2]);
    const start = match.index;
    const end = start + match[0].length;
    if (prefix === 't' && (number === 1 || number === 2)) {
      if (MRI_SEQUENCE_AFTER.test(lower.slice(end)) || MRI_SEQUENCE_BEFORE.test(lower.slice(0, start)))
        continue;
    }
    if ((prefix === 'th' || prefix === 't') && number >= 1 && number <= 12) {
      levels.push({ start, end, name: `Th${number}`, region: 'thoracolumbar' });
    } else if (prefix === 'l' && number >= 1 && number <= 5) {
      levels.push({ start, end, name: `L${number}`, region: 'thoracolumbar' });
    } else if (prefix === 'c' && number >= 1 && number <= 7) {
      levels.push({ start, end, name: `C${number}`, region: 'cervical' });
    } else if (prefix === 's' && number >= 1 && number <= 5) {
      levels.push({ start, end, name: `S${number}`, region: 'sacral' });
    }
  }
  return levels;
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

interface GenantMention extends Span {
  grade: number;
}

function findGenant(lower: string): GenantMention[] {
  const mentions: GenantMention[] = [];
  for (const pattern of GENANT_PATTERNS) {
    for (const match of lower.matchAll(pattern)) {
      const span = { start: match.index, end: match.index + match[0].length };
      if (mentions.some((m) => overlaps(m, span))) continue;
      mentions.push({ ...span, grade: romanOrDigit(match[1] ?? '') });
    }
  }
  return mentions;
}

/**
 * Clauses are what levels, grades and negations reach across: a sentence cut at ";" and at contrast words
 * ("geen fractuur van de pols, wel een wervelinzakking").
 */
function clauses(lower: string): Span[] {
  const cuts = [0];
  for (let i = 0; i < lower.length; i++) if (lower.charAt(i) === ';') cuts.push(i + 1);
  for (const breaker of spans(SCOPE_BREAKERS, lower)) cuts.push(breaker.start);
  cuts.push(lower.length);
  cuts.sort((a, b) => a - b);
  const result: Span[] = [];
  for (let i = 0; i + 1 < cuts.length; i++) {
    const start = cuts[i] ?? 0;
    const end = cuts[i + 1] ?? lower.length;
    if (end > start) result.push({ start, end });
  }
  return result;
}

function isVertebralCandidate(
  candidate: Candidate,
  lower: string,
  clause: Span,
  levels: readonly Level[],
): boolean {
  const inClause = (span: Span): boolean => span.start >= clause.start && span.end <= clause.end;
  const clauseLevels = levels.filter(inClause);
  const context = [...spans(VERTEBRAL_CONTEXT, lower, clause.start, clause.end), ...clauseLevels];
  const otherBone = spans(OTHER_BONE, lower, clause.start, clause.end);
  switch (candidate.strength) {
    case 'direct':
    case 'genant':
      return true;
    case 'likely':
      return context.length > 0 || otherBone.length === 0;
    case 'needsContext':
      return (
        context.length > 0 &&
        !otherBone.some(
          (b) =>
            wordCount(lower.slice(Math.min(b.end, candidate.end), Math.max(b.start, candidate.start))) <= 2,
        )
      );
    case 'generic':
      return context.some((c) => {
        const between =
          c.start >= candidate.end
            ? lower.slice(candidate.end, c.start)
            : lower.slice(c.end, candidate.start);
        return wordCount(between) <= GENERIC_CONTEXT_WORDS && !/[,;]/.test(between);
      });
  }
}

/**
 * The part of the clause a negation before the candidate can reach: not across a comma, unless the comma is part
 * of a list joined by "of/or/noch/nor" somewhere after it ("geen A, B of C": B and C are negated too).
 */
function negationReach(lower: string, clause: Span, candidate: Span): Span {
  const before = lower.slice(clause.start, candidate.start);
  const comma = before.lastIndexOf(',');
  if (comma < 0) return { start: clause.start, end: candidate.start };
  const restOfList = lower.slice(clause.start + comma + 1, clause.end);
  if (spans(LIST_CONTINUATION, restOfList).length > 0) return { start: clause.start, end: candidate.start };
  return { start: clause.start + comma + 1, end: candidate.start };
}

const NEGATION_WINDOW_WORDS = 8;
const POST_NEGATION_WINDOW_WORDS = 6;

function isNegated(lower: string, clause: Span, candidate: Span, pseudo: readonly Span[]): boolean {
  const reach = negationReach(lower, clause, candidate);
  const cues = spans(NEGATION_BEFORE, lower, reach.start, reach.end).filter(
    (cue) => !pseudo.some((p) => overlaps(p, cue)),
  );
  if (cues.some((cue) => wordCount(lower.slice(cue.end, candidate.start)) <= NEGATION_WINDOW_WORDS))
    return true;
  const after = spans(NEGATION_AFTER, lower, candidate.end, clause.end).filter(
    (cue) => !pseudo.some((p) => overlaps(p, cue)),
  );
  return after.some((cue) => wordCount(lower.slice(candidate.end, cue.start)) <= POST_NEGATION_WINDOW_WORDS);
}

function isKnown(lower: string, clause: Span, candidate: Span, pseudo: readonly Span[]): boolean {
  // "nieuwe compressiefractuur" is new even in a follow-up report; "niet-recente" is a pseudo-negation, not "recent".
  const reach = negationReach(lower, clause, candidate);
  const markedNew = spans(NEW_MARKERS, lower, reach.start, candidate.start).some(
    (m) => !pseudo.some((p) => overlaps(p, m)) && wordCount(lower.slice(m.end, candidate.start)) <= 3,
  );
  if (markedNew) return false;
  const known = spans(KNOWN_MARKERS, lower, clause.start, clause.end).filter(
    (m) => !AGE_BEFORE_OLD.test(lower.slice(0, m.start)),
  );
  return known.length > 0 || spans(PSEUDO_NEGATION_MEANS_KNOWN, lower, clause.start, clause.end).length > 0;
}

const BARE_GRADE_DISTANCE_WORDS = 6;

/** "graad 2" without the word Genant, close to a finding and in a clause that grades nothing else. */
function bareGradesNear(lower: string, clause: Span, findings: readonly Span[]): GenantMention[] {
  if (spans(OTHER_GRADING, lower, clause.start, clause.end).length > 0) return [];
  const found: GenantMention[] = [];
  for (const match of lower.slice(clause.start, clause.end).matchAll(BARE_GRADE)) {
    const span = { start: clause.start + match.index, end: clause.start + match.index + match[0].length };
    const near = findings.some((f) => {
      const between = span.start >= f.end ? lower.slice(f.end, span.start) : lower.slice(span.end, f.start);
      return wordCount(between) <= BARE_GRADE_DISTANCE_WORDS;
    });
    if (near) found.push({ ...span, grade: romanOrDigit(match[1] ?? '') });
  }
  return found;
}

function findCandidates(lower: string, genant: readonly GenantMention[]): Candidate[] {
  const candidates: Candidate[] = genant
    .filter((g) => g.grade >= 1)
    .map((g) => ({ start: g.start, end: g.end, strength: 'genant' as const }));
  for (const { pattern, strength } of FINDING_PATTERNS) {
    for (const span of spans(pattern, lower)) {
      if (!candidates.some((c) => overlaps(c, span))) candidates.push({ ...span, strength });
    }
  }
  return candidates.sort((a, b) => a.start - b.start);
}

function scanSentence(sentence: Sentence, result: ReportScan): void {
  const lower = lowerSameLength(sentence.text);
  const levels = findLevels(lower);
  const genant = findGenant(lower);
  const pseudo = spans(PSEUDO_NEGATION, lower);
  const candidates = findCandidates(lower, genant);
  // "Genant graad 0" says the vertebra is not fractured.
  result.negatedMentions += genant.filter((g) => g.grade === 0).length;

  for (const clause of clauses(lower)) {
    const inClause = (span: Span): boolean => span.start >= clause.start && span.end <= clause.end;
    const clauseCandidates = candidates
      .filter(inClause)
      .filter((c) => isVertebralCandidate(c, lower, clause, levels));
    if (clauseCandidates.length === 0) continue;
    const positive: Candidate[] = [];
    for (const candidate of clauseCandidates) {
      if (isNegated(lower, clause, candidate, pseudo)) result.negatedMentions++;
      else positive.push(candidate);
    }
    const best = [...positive].sort(
      (a, b) => STRENGTH_ORDER[a.strength] - STRENGTH_ORDER[b.strength] || a.start - b.start,
    )[0];
    if (best === undefined) continue;
    const clauseLevels = levels.filter(inClause);
    if (clauseLevels.length > 0 && clauseLevels.every((l) => l.region === 'cervical')) {
      result.excludedMentions++;
      continue;
    }
    const names = [...new Set(clauseLevels.filter((l) => l.region === 'thoracolumbar').map((l) => l.name))];
    const grades = [...genant.filter(inClause), ...bareGradesNear(lower, clause, positive)]
      .map((g) => g.grade)
      .filter((g) => g >= 1 && g <= 3);
    const finding: VertebralFinding = {
      sentence: sentence.text,
      sentenceStart: sentence.start,
      highlight: { start: best.start, end: best.end },
      phrase: sentence.text.slice(best.start, best.end),
      levels: names,
      negated: false,
      known: isKnown(lower, clause, best, pseudo),
    };
    const grade = Math.max(0, ...grades);
    if (grade === 1 || grade === 2 || grade === 3) finding.genantGrade = grade;
    result.findings.push(finding);
  }
}

export function scanReportText(text: string): ReportScan {
  const result: ReportScan = { findings: [], negatedMentions: 0, excludedMentions: 0 };
  for (const sentence of splitSentences(text)) scanSentence(sentence, result);
  return result;
}
