// Decides whether a fracture phrase states a finding about this patient, and how certain the report is of it.
// A clinical question ("ter uitsluiting van wervelfractuur", "Vraagstelling: …", "wervelfractuur?"), a hypothesis
// ("kan … een wervelfractuur ontstaan", "risk of fracture") and a general statement ("patients with osteoporosis
// …", "ook bekend als") are not findings. A hedged finding ("mogelijk", "suspected", "niet uit te sluiten") is a
// finding marked uncertain. Every decision names the words that made it.
import {
  DEFINITION,
  FUTURE_MODALS,
  HEDGE_AFTER,
  HEDGE_BEFORE,
  HYPOTHETICAL_BEFORE,
  MODAL,
  POPULATION_BEFORE,
  PREVENT_AFTER,
  QUESTION_BEFORE,
  RESULT_VERB,
} from './contextVocabulary';
import type { SentenceSection } from './reportSections';
import { overlaps, spans, wordCount, wordsBetween, type Span } from './textSpans';
import { words } from './vocabulary';

export type NotAssertedReason = 'question' | 'hypothetical' | 'generic';

export interface ContextCue {
  reason: NotAssertedReason;
  /** The words that decided, as written in the report ("ter uitsluiting van", "Vraagstelling:", "?"). */
  cue: string;
}

export interface MentionContext {
  /** The sentence as written. */
  text: string;
  /** The sentence lower-cased, with the same offsets. */
  lower: string;
  clause: Span;
  /** The fracture phrase. */
  candidate: Span;
  /** How far back a cue before the phrase reaches (not across a comma that ends a list). */
  reach: Span;
  /** Pseudo-negations ("niet uitgesloten", "cannot be excluded"): they are hedges, not questions. */
  pseudo: readonly Span[];
  section: SentenceSection;
}

const HEDGE_BEFORE_WORDS = 8;
const HEDGE_AFTER_WORDS = 6;
const QUESTION_MARK_WORDS = 2;
/** A verb of coming about after the phrase belongs to it only this close: "… een wervelfractuur ontstaan". */
const VERB_AFTER_WORDS = 3;
const PREVENT_AFTER_WORDS = 3;
const PERFECT_AFTER = /^\s+(?:zijn|is|te zijn)(?![\p{L}])/u;
/** A relative pronoun between the phrase and a later verb: the verb belongs to the phrase ("… die pijn veroorzaakt"). */
const RELATIVE = words('die|dat|welke|waardoor|which|that|who');

function endsWithQuestionMark(text: string): boolean {
  return /\?[\s)"'\u2019\u201d]*$/u.test(text);
}

function cueText(ctx: MentionContext, span: Span): string {
  return ctx.text.slice(span.start, span.end);
}

function first(found: readonly Span[]): Span | undefined {
  return [...found].sort((a, b) => a.start - b.start)[0];
}

/**
 * A modal before the phrase and a verb of coming about with it: "kan … een wervelfractuur ontstaan", "can cause".
 * A verb after the phrase counts only right after it and not in a relative clause ("… die pijn veroorzaakt") or
 * in the perfect ("kan bij de val ontstaan zijn": the fracture is there).
 */
function hypotheticalModal(ctx: MentionContext): string | undefined {
  const { lower, clause, candidate } = ctx;
  for (const modal of spans(MODAL, lower, clause.start, candidate.start)) {
    for (const verb of spans(RESULT_VERB, lower, modal.end, clause.end)) {
      if (overlaps(verb, candidate)) continue;
      if (verb.start >= candidate.end) {
        if (wordsBetween(lower, candidate, verb) > VERB_AFTER_WORDS) continue;
        if (spans(RELATIVE, lower, candidate.end, verb.start).length > 0) continue;
        if (PERFECT_AFTER.test(lower.slice(verb.end))) continue;
      }
      return `${cueText(ctx, modal)} … ${cueText(ctx, verb)}`;
    }
  }
  return undefined;
}

/** Cues before the phrase reach it only within its part of the sentence: not across a colon. */
function cuesBefore(ctx: MentionContext, pattern: RegExp): Span[] {
  return spans(pattern, ctx.lower, ctx.clause.start, ctx.candidate.start).filter(
    (cue) => !ctx.lower.slice(cue.end, ctx.candidate.start).includes(':'),
  );
}

/** Why the phrase is not a finding about this patient, or undefined when it is one. */
export function notAsserted(ctx: MentionContext): ContextCue | undefined {
  const { lower, clause, candidate, section } = ctx;
  if (section.kind === 'question') return { reason: 'question', cue: section.header ?? '' };
  if (endsWithQuestionMark(ctx.text) && section.kind !== 'findings') return { reason: 'question', cue: '?' };
  const hedges = [...spans(HEDGE_BEFORE, lower, clause.start, clause.end), ...ctx.pseudo];
  const question = first(cuesBefore(ctx, QUESTION_BEFORE).filter((q) => !hedges.some((h) => overlaps(h, q))));
  if (question !== undefined) return { reason: 'question', cue: cueText(ctx, question) };
  const generic = first([
    ...spans(DEFINITION, lower, clause.start, clause.end),
    ...cuesBefore(ctx, POPULATION_BEFORE),
  ]);
  if (generic !== undefined) return { reason: 'generic', cue: cueText(ctx, generic) };
  const hypothesis = first(cuesBefore(ctx, HYPOTHETICAL_BEFORE));
  if (hypothesis !== undefined) return { reason: 'hypothetical', cue: cueText(ctx, hypothesis) };
  const prevent = spans(PREVENT_AFTER, lower, candidate.end, clause.end).find(
    (p) => wordsBetween(lower, candidate, p) <= PREVENT_AFTER_WORDS,
  );
  if (prevent !== undefined) return { reason: 'hypothetical', cue: cueText(ctx, prevent) };
  const modal = hypotheticalModal(ctx);
  if (modal !== undefined) return { reason: 'hypothetical', cue: modal };
  return undefined;
}

/** The words that make a finding uncertain, or undefined when the report states it as definite. */
export function uncertaintyCue(ctx: MentionContext): string | undefined {
  const { lower, clause, candidate, reach } = ctx;
  if (endsWithQuestionMark(ctx.text) && ctx.section.kind === 'findings') return '?';
  const before = spans(HEDGE_BEFORE, lower, reach.start, candidate.start).filter(
    (h) => wordsBetween(lower, h, candidate) <= HEDGE_BEFORE_WORDS,
  );
  const after = spans(HEDGE_AFTER, lower, candidate.end, clause.end).filter(
    (h) => wordsBetween(lower, candidate, h) <= HEDGE_AFTER_WORDS,
  );
  const hedge = first([...before, ...after]);
  if (hedge !== undefined) return cueText(ctx, hedge);
  const marks = spans(/\?/gu, lower, clause.start, clause.end).filter(
    (m) =>
      !(m.end === lower.trimEnd().length && endsWithQuestionMark(ctx.text)) &&
      wordCount(lower.slice(Math.min(m.end, candidate.end), Math.max(m.start, candidate.start))) <=
        QUESTION_MARK_WORDS,
  );
  if (marks.length > 0) return '?';
  const modal = spans(MODAL, lower, reach.start, candidate.start).find(
    (m) => !FUTURE_MODALS.has(lower.slice(m.start, m.end)),
  );
  if (modal !== undefined && wordsBetween(lower, modal, candidate) <= HEDGE_BEFORE_WORDS)
    return cueText(ctx, modal);
  return undefined;
}
