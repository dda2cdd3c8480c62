// Splits report text into sentences with their offsets, so a finding can be shown highlighted in context.

export interface Sentence {
  text: string;
  /** Offset of `text` in the report. */
  start: number;
}

/** Abbreviations whose full stop does not end a sentence (lower case, without the final dot). */
const ABBREVIATIONS = new Set([
  'o.a',
  'i.v.m',
  'bijv',
  'bv',
  'b.v',
  'ca',
  'c.q',
  'd.w.z',
  'e.d',
  'e.e.a',
  'evt',
  'i.e',
  'e.g',
  'vs',
  'v.s',
  'dr',
  'mw',
  'dhr',
  'nr',
  'zgn',
  'z.g',
  't.o.v',
  'm.n',
  'd.d',
  'cf',
  'resp',
  'excl',
  'incl',
  'fig',
  'st',
  'vgl',
  'ivm',
  'tov',
  'mbv',
  'm.b.v',
  'i.o.m',
  't.u.v',
  'tuv',
  'v.w.b',
  'a.s',
  'etc',
  'approx',
  'max',
  'min',
]);

function wordBefore(text: string, dot: number): string {
  let start = dot;
  while (start > 0 && /[\p{L}\p{N}.]/u.test(text.charAt(start - 1))) start--;
  return text.slice(start, dot).toLowerCase();
}

/** A boundary is a line break, or . ! ? followed by whitespace and not closing an abbreviation or initial. */
export function splitSentences(text: string): Sentence[] {
  const sentences: Sentence[] = [];
  let start = 0;
  const push = (end: number): void => {
    const raw = text.slice(start, end);
    const lead = raw.length - raw.trimStart().length;
    const trimmed = raw.trim();
    if (trimmed !== '') sentences.push({ text: trimmed, start: start + lead });
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text.charAt(i);
    if (ch === '\n' || ch === '\r') {
      push(i);
      start = i + 1;
      continue;
    }
    if (ch !== '.' && ch !== '!' && ch !== '?') continue;
    const next = text.charAt(i + 1);
    if (next !== '' && !/\s/.test(next)) continue;
    // "? compressiefractuur L1": a question mark before a word marks doubt, it does not end a sentence.
    if (
      ch === '?' &&
      (i === 0 || /\s/.test(text.charAt(i - 1))) &&
      /^[^\S\n\r]+\p{L}/u.test(text.slice(i + 1))
    )
      continue;
    if (ch === '.') {
      const word = wordBefore(text, i);
      if (ABBREVIATIONS.has(word) || /^\p{L}$/u.test(word)) continue;
    }
    push(i + 1);
    start = i + 1;
  }
  push(text.length);
  return sentences;
}
