// Every output says which rules, sources and confidence markers produced it, so screens, letters and the audit
// trail can show why the engine advised what it did (RULES.md "How to use this reference").
import type { ConfigKey } from './config';

/** RULES.md confidence markers; `[BG]` in vector notes reads as UNCONFIRMED. */
export type ConfidenceMarker = 'SOURCE' | 'UNCONFIRMED' | 'INFERRED';

export const CONFLICT_IDS = [
  'C1',
  'C2',
  'C3',
  'C4',
  'C5',
  'C6',
  'C7',
  'C8',
  'C9',
  'C10',
  'C11',
  'C12',
  'C13',
  'C14',
  'C15',
  'C16',
  'C17',
  'C18',
] as const;
export type ConflictId = (typeof CONFLICT_IDS)[number];

/** Source tag without brackets: `S1`, `S22/003`, or a named reference for non-RULES sources. */
export type SourceTag = string;

export interface RuleTrace {
  readonly ruleId: string;
  readonly sources: readonly SourceTag[];
  readonly marker: ConfidenceMarker;
  readonly note?: string;
}

export interface Explanation {
  readonly rules: readonly RuleTrace[];
  readonly configKeys: readonly ConfigKey[];
  readonly conflicts: readonly ConflictId[];
}

/** A part of the assessment that could not be decided because inputs were not recorded. */
export interface InsufficientData {
  readonly status: 'insufficientData';
  readonly missing: readonly string[];
  readonly explanation: Explanation;
}

/** A question the guideline text available to RULES.md does not answer (section G, † cells, …). */
export interface NotCovered {
  readonly status: 'notCovered';
  readonly gap: string;
  readonly ruleId: string;
  readonly explanation: Explanation;
}

export function rule(
  ruleId: string,
  sources: readonly SourceTag[],
  marker: ConfidenceMarker = 'SOURCE',
  note?: string,
): RuleTrace {
  return note === undefined ? { ruleId, sources, marker } : { ruleId, sources, marker, note };
}

export function explain(
  rules: readonly RuleTrace[],
  configKeys: readonly ConfigKey[] = [],
  conflicts: readonly ConflictId[] = [],
): Explanation {
  return { rules, configKeys, conflicts };
}

export const EMPTY_EXPLANATION: Explanation = explain([]);

/** Union of several explanations, keeping the first occurrence of each rule/key/conflict. */
export function mergeExplanations(...parts: readonly Explanation[]): Explanation {
  const rules: RuleTrace[] = [];
  const seenRules = new Set<string>();
  const configKeys: ConfigKey[] = [];
  const conflicts: ConflictId[] = [];
  for (const part of parts) {
    for (const r of part.rules) {
      const id = `${r.ruleId}|${r.marker}|${r.note ?? ''}`;
      if (!seenRules.has(id)) {
        seenRules.add(id);
        rules.push(r);
      }
    }
    for (const k of part.configKeys) if (!configKeys.includes(k)) configKeys.push(k);
    for (const c of part.conflicts) if (!conflicts.includes(c)) conflicts.push(c);
  }
  return { rules, configKeys, conflicts };
}

export function insufficientData(missing: readonly string[], explanation: Explanation): InsufficientData {
  return { status: 'insufficientData', missing, explanation };
}

export function notCovered(ruleId: string, gap: string, explanation: Explanation): NotCovered {
  return { status: 'notCovered', gap, ruleId, explanation };
}

export function isDecided<T extends { readonly status: string }>(
  value: T,
): value is Exclude<T, InsufficientData | NotCovered> {
  return value.status !== 'insufficientData' && value.status !== 'notCovered';
}
