// Vertebral levels named in a sentence (Th12, L1 …), and which level ranges are disc spaces: "L4-L5" in "hernia
// L4-L5" or "loss of height L1-L2, L2-L3" is the disc between two vertebrae, not two vertebrae.
import { DISC_RANGE_CONTEXT } from './contextVocabulary';
import type { Span } from './textSpans';
import { LEVEL, MRI_SEQUENCE_AFTER, MRI_SEQUENCE_BEFORE } from './vocabulary';

export type SpineRegion = 'thoracolumbar' | 'cervical' | 'sacral';

/** Two levels joined by "-", "–" or "/" ("L1-L2", "Th12/L1", "L4-5"). */
export interface LevelRange extends Span {
  /** Written with a slash: disc notation. */
  slash: boolean;
  /** Neighbouring vertebrae (L4-L5, Th12-L1), so the range may be the disc space between them. */
  adjacent: boolean;
}

export interface Level extends Span {
  /** Th1–Th12, L1–L5, C1–C7, S1–S5. */
  name: string;
  region: SpineRegion;
  /** Position from the top of the spine (C1 = 1 … S5 = 29), to tell neighbours apart. */
  order: number;
  range?: LevelRange;
}

const REGION_START: Readonly<Record<SpineRegion | 'lumbar', number>> = {
  cervical: 0,
  thoracolumbar: 7,
  lumbar: 19,
  sacral: 24,
};

function level(prefix: string, number: number, span: Span): Level | undefined {
  if ((prefix === 'th' || prefix === 't') && number >= 1 && number <= 12)
    return {
      ...span,
      name: `Th${number}`,
      region: 'thoracolumbar',
      order: REGION_START.thoracolumbar + number,
    };
  if (prefix === 'l' && number >= 1 && number <= 5)
    return { ...span, name: `L${number}`, region: 'thoracolumbar', order: REGION_START.lumbar + number };
  if (prefix === 'c' && number >= 1 && number <= 7)
    return { ...span, name: `C${number}`, region: 'cervical', order: REGION_START.cervical + number };
  if (prefix === 's' && number >= 1 && number <= 5)
    return { ...span, name: `S${number}`, region: 'sacral', order: REGION_START.sacral + number };
  return undefined;
}

const RANGE_JOIN = /^\s*([-–/])\s*$/u;
/** "L4-5", "Th11/12": the second level written as a bare number. */
const SHORT_RANGE = /^\s*([-–/])\s*(\d{1,2})(?![\p{N}\p{L}])/u;

/** Every level named in a lower-cased sentence, in order, with the ranges they form. */
export function findLevels(lower: string): Level[] {
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
    const found = level(prefix, number, { start, end });
    if (found === undefined) continue;
    levels.push(found);
    const short = SHORT_RANGE.exec(lower.slice(end));
    const second =
      short === null
        ? undefined
        : level(prefix, Number(short[2]), {
            start: end + short[0].length - (short[2] ?? '').length,
            end: end + short[0].length,
          });
    if (short !== null && second !== undefined && second.order > found.order) {
      const range: LevelRange = {
        start,
        end: second.end,
        slash: short[1] === '/',
        adjacent: second.order === found.order + 1,
      };
      found.range = range;
      second.range = range;
      levels.push(second);
    }
  }
  for (let i = 0; i + 1 < levels.length; i++) {
    const first = levels[i];
    const second = levels[i + 1];
    if (
      first === undefined ||
      second === undefined ||
      first.range !== undefined ||
      second.range !== undefined
    )
      continue;
    const join = RANGE_JOIN.exec(lower.slice(first.end, second.start));
    if (join === null) continue;
    const range: LevelRange = {
      start: first.start,
      end: second.end,
      slash: join[1] === '/',
      adjacent: second.order === first.order + 1,
    };
    first.range = range;
    second.range = range;
  }
  return levels;
}

/**
 * The levels of a clause that name vertebrae. A range of neighbouring levels is a disc space when it is written
 * with a slash ("L4/L5"), when the clause speaks of discs or of what is graded per disc level ("hernia L4-L5",
 * "L2-L3 disc", "niveau L4-L5"), or when the clause lists two or more such ranges ("L1-L2, L2-L3"): vertebrae are
 * listed as "L1, L2, L3". A lone "L1-L2" otherwise names both vertebrae ("deformities at L1-L2").
 */
export function vertebraeOf(
  levels: readonly Level[],
  lower: string,
  clause: Span,
): { vertebrae: Level[]; discSpaces: LevelRange[] } {
  const inClause = levels.filter((l) => l.start >= clause.start && l.end <= clause.end);
  const ranges = [
    ...new Set(inClause.map((l) => l.range).filter((r): r is LevelRange => r?.adjacent === true)),
  ];
  const discWords = lower.slice(clause.start, clause.end).search(DISC_RANGE_CONTEXT) >= 0;
  const discSpaces = ranges.filter((r) => r.slash || discWords || ranges.length >= 2);
  const disc = new Set(discSpaces);
  return {
    vertebrae: inClause.filter((l) => l.range === undefined || !disc.has(l.range)),
    discSpaces,
  };
}
