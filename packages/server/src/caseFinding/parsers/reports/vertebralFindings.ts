// Finds vertebral fracture findings in one radiology report (IOF Capture the Fracture standard 4: vertebral
// fractures found on imaging enter the FLS). Rule based and explainable: every hit carries its sentence, the
// phrase that triggered it and the words that made it uncertain; every mention that is not a hit carries the
// reason and the words that suppressed it, so a nurse (or whoever tunes the rules) can follow each decision.
import { notAsserted, uncertaintyCue, type MentionContext, type NotAssertedReason } from './assertionContext';
import type { FindingCertainty } from '@osteopad/contract';
import { bareGradesNear, findGenant, type GenantMention } from './genantGrades';
import { sectionsOf, type SentenceSection } from './reportSections';
import { splitSentences, type Sentence } from './sentences';
import { overlaps, spans, wordCount, wordsBetween, type Span } from './textSpans';
import { findLevels, vertebraeOf, type Level } from './vertebralLevels';
import {
  AGE_BEFORE_OLD,
  FINDING_PATTERNS,
  KNOWN_MARKERS,
  LIST_CONTINUATION,
  NEGATION_AFTER,
  NEGATION_BEFORE,
  NEW_MARKERS,
  OTHER_BONE,
  OTHER_STRUCTURE,
  PSEUDO_NEGATION,
  PSEUDO_NEGATION_MEANS_KNOWN,
  SCOPE_BREAKERS,
  VERTEBRAL_CONTEXT,
  type FindingStrength,
} from './vocabulary';

export type GenantGrade = 1 | 2 | 3;

export type { FindingCertainty };

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
  /** `uncertain` when the report hedges ("mogelijk", "verdacht voor", "cannot be excluded"). */
  certainty: FindingCertainty;
  /** The hedge as written, when `certainty` is `uncertain`. */
  certaintyCue?: string;
}

/** Why a fracture phrase did not become a finding. */
export type IgnoredReason = 'negated' | NotAssertedReason | 'cervical';

export interface IgnoredMention {
  sentence: string;
  sentenceStart: number;
  highlight: { start: number; end: number };
  phrase: string;
  reason: IgnoredReason;
  /** The words that decided, as written ("geen", "ter uitsluiting van", "Vraagstelling:", "C5"). */
  cue: string;
}

export interface ReportScan {
  findings: VertebralFinding[];
  /** Finding phrases that were negated ("geen wervelfractuur", "no new fracture", "Genant grade 0"). */
  negatedMentions: number;
  /** Fractures mentioned only at cervical levels: excluded from the FLS (RULES.md R1.3). */
  excludedMentions: number;
  /** Questions, hypotheses and general statements about fractures ("ter uitsluiting van wervelfractuur"). */
  notAssertedMentions: number;
  /** Every phrase that was not a finding, with its reason and cue. */
  ignored: IgnoredMention[];
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
const OTHER_BONE_WORDS = 2;
const OTHER_STRUCTURE_WORDS = 3;

/** Lower-cases one character at a time, so offsets stay valid (toLowerCase can change the length). */
function lowerSameLength(text: string): string {
  let out = '';
  for (const ch of text) {
    const lower = ch.toLowerCase();
    out += lower.length === ch.length ? lower : ch;
  }
  return out;
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
  vertebrae: readonly Level[],
): boolean {
  // A sacral level is the pelvis ("insufficiëntiefractuur S1"), not a vertebra of the FLS's vertebral group.
  const context = [
    ...spans(VERTEBRAL_CONTEXT, lower, clause.start, clause.end),
    ...vertebrae.filter((l) => l.region !== 'sacral'),
  ];
  const near = (pattern: RegExp, maxWords: number): boolean =>
    spans(pattern, lower, clause.start, clause.end).some(
      (s) => !overlaps(s, candidate) && wordsBetween(lower, s, candidate) <= maxWords,
    );
  switch (candidate.strength) {
    case 'direct':
    case 'genant':
      return true;
    case 'likely':
      return context.length > 0 || spans(OTHER_BONE, lower, clause.start, clause.end).length === 0;
    case 'needsContext':
      return (
        context.length > 0 &&
        !near(OTHER_BONE, OTHER_BONE_WORDS) &&
        !near(OTHER_STRUCTURE, OTHER_STRUCTURE_WORDS)
      );
    case 'generic':
      return (
        !near(OTHER_BONE, OTHER_BONE_WORDS) &&
        !near(OTHER_STRUCTURE, OTHER_BONE_WORDS) &&
        context.some((c) => {
          const between =
            c.start >= candidate.end
              ? lower.slice(candidate.end, c.start)
              : lower.slice(c.end, candidate.start);
          return wordCount(between) <= GENERIC_CONTEXT_WORDS && !/[,;]/.test(between);
        })
      );
  }
}

/**
 * The part of the clause a negation or hedge before the candidate can reach: not across a colon ("geen
 * veranderingen: bekende inzakking Th12"), nor across a comma, unless the comma is part of a list joined by
 * "of/or/noch/nor" somewhere after it ("geen A, B of C": B and C are negated).
 */
function negationReach(lower: string, whole: Span, candidate: Span): Span {
  const colon = lower.slice(whole.start, candidate.start).lastIndexOf(':');
  const clause = colon < 0 ? whole : { start: whole.start + colon + 1, end: whole.end };
  const before = lower.slice(clause.start, candidate.start);
  const comma = before.lastIndexOf(',');
  if (comma < 0) return { start: clause.start, end: candidate.start };
  const restOfList = lower.slice(clause.start + comma + 1, clause.end);
  if (spans(LIST_CONTINUATION, restOfList).length > 0) return { start: clause.start, end: candidate.start };
  return { start: clause.start + comma + 1, end: candidate.start };
}

const NEGATION_WINDOW_WORDS = 8;
const POST_NEGATION_WINDOW_WORDS = 6;

/** The negation cue of the candidate, or undefined when it is not negated. */
function negationCue(
  lower: string,
  clause: Span,
  candidate: Span,
  reach: Span,
  pseudo: readonly Span[],
): Span | undefined {
  const before = spans(NEGATION_BEFORE, lower, reach.start, reach.end).filter(
    (cue) =>
      !pseudo.some((p) => overlaps(p, cue)) && wordsBetween(lower, cue, candidate) <= NEGATION_WINDOW_WORDS,
  );
  if (before[0] !== undefined) return before[0];
  return spans(NEGATION_AFTER, lower, candidate.end, clause.end).find(
    (cue) =>
      !pseudo.some((p) => overlaps(p, cue)) &&
      wordCount(lower.slice(candidate.end, cue.start)) <= POST_NEGATION_WINDOW_WORDS,
  );
}

function isKnown(
  lower: string,
  clause: Span,
  candidate: Span,
  reach: Span,
  pseudo: readonly Span[],
): boolean {
  // "nieuwe compressiefractuur" is new even in a follow-up report; "niet-recente" is a pseudo-negation, not "recent".
  const markedNew = spans(NEW_MARKERS, lower, reach.start, candidate.start).some(
    (m) => !pseudo.some((p) => overlaps(p, m)) && wordCount(lower.slice(m.end, candidate.start)) <= 3,
  );
  if (markedNew) return false;
  const known = spans(KNOWN_MARKERS, lower, clause.start, clause.end).filter(
    (m) => !AGE_BEFORE_OLD.test(lower.slice(0, m.start)),
  );
  return known.length > 0 || spans(PSEUDO_NEGATION_MEANS_KNOWN, lower, clause.start, clause.end).length > 0;
}

function findCandidates(lower: string, genant: readonly GenantMention[]): Candidate[] {
  const candidates: Candidate[] = genant
    .filter((g) => g.grade >= 1)
    .map((g) => ({ start: g.start, end: g.end, strength: 'genant' as const }));
  for (const { pattern, strength, notAfter } of FINDING_PATTERNS) {
    for (const span of spans(pattern, lower)) {
      if (notAfter?.test(lower.slice(0, span.start)) === true) continue;
      if (!candidates.some((c) => overlaps(c, span))) candidates.push({ ...span, strength });
    }
  }
  return candidates.sort((a, b) => a.start - b.start);
}

function scanSentence(sentence: Sentence, section: SentenceSection, result: ReportScan): void {
  const text = sentence.text;
  const lower = lowerSameLength(text);
  const levels = findLevels(lower);
  const genant = findGenant(lower);
  const pseudo = spans(PSEUDO_NEGATION, lower);
  const candidates = findCandidates(lower, genant);
  const ignore = (span: Span, reason: IgnoredReason, cue: string): void => {
    result.ignored.push({
      sentence: text,
      sentenceStart: sentence.start,
      highlight: { start: span.start, end: span.end },
      phrase: text.slice(span.start, span.end),
      reason,
      cue,
    });
    if (reason === 'negated') result.negatedMentions++;
    else if (reason === 'cervical') result.excludedMentions++;
    else result.notAssertedMentions++;
  };
  // "Genant graad 0" says the vertebra is not fractured.
  for (const g of genant.filter((m) => m.grade === 0)) ignore(g, 'negated', text.slice(g.start, g.end));

  for (const clause of clauses(lower)) {
    const { vertebrae } = vertebraeOf(levels, lower, clause);
    const clauseCandidates = candidates
      .filter((c) => c.start >= clause.start && c.end <= clause.end)
      .filter((c) => isVertebralCandidate(c, lower, clause, vertebrae));
    const positive: { candidate: Candidate; context: MentionContext }[] = [];
    for (const candidate of clauseCandidates) {
      const reach = negationReach(lower, clause, candidate);
      const context: MentionContext = { text, lower, clause, candidate, reach, pseudo, section };
      const unasserted = notAsserted(context);
      if (unasserted !== undefined) {
        ignore(candidate, unasserted.reason, unasserted.cue);
        continue;
      }
      const negation = negationCue(lower, clause, candidate, reach, pseudo);
      if (negation !== undefined) {
        ignore(candidate, 'negated', text.slice(negation.start, negation.end));
        continue;
      }
      positive.push({ candidate, context });
    }
    const best = [...positive].sort(
      (a, b) =>
        STRENGTH_ORDER[a.candidate.strength] - STRENGTH_ORDER[b.candidate.strength] ||
        a.candidate.start - b.candidate.start,
    )[0];
    if (best === undefined) continue;
    if (vertebrae.length > 0 && vertebrae.every((l) => l.region === 'cervical')) {
      ignore(best.candidate, 'cervical', vertebrae.map((l) => l.name).join(', '));
      continue;
    }
    const names = [...new Set(vertebrae.filter((l) => l.region === 'thoracolumbar').map((l) => l.name))];
    const grades = [
      ...genant.filter((g) => g.start >= clause.start && g.end <= clause.end),
      ...bareGradesNear(
        lower,
        clause,
        positive.map((p) => p.candidate),
      ),
    ]
      .map((g) => g.grade)
      .filter((g) => g >= 1 && g <= 3);
    const { candidate, context } = best;
    const cue = uncertaintyCue(context);
    const finding: VertebralFinding = {
      sentence: text,
      sentenceStart: sentence.start,
      highlight: { start: candidate.start, end: candidate.end },
      phrase: text.slice(candidate.start, candidate.end),
      levels: names,
      negated: false,
      known: isKnown(lower, clause, candidate, context.reach, pseudo),
      certainty: cue === undefined ? 'definite' : 'uncertain',
    };
    if (cue !== undefined) finding.certaintyCue = cue;
    const grade = Math.max(0, ...grades);
    if (grade === 1 || grade === 2 || grade === 3) finding.genantGrade = grade;
    result.findings.push(finding);
  }
}

export function scanReportText(text: string): ReportScan {
  const result: ReportScan = {
    findings: [],
    negatedMentions: 0,
    excludedMentions: 0,
    notAssertedMentions: 0,
    ignored: [],
  };
  const sentences = splitSentences(text);
  const sections = sectionsOf(text, sentences);
  sentences.forEach((sentence, i) => {
    scanSentence(sentence, sections[i] ?? { kind: 'none' }, result);
  });
  return result;
}
