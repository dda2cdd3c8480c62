export interface HighlightedSentence {
  before: string;
  match: string;
  after: string;
}

/**
 * Splits a report sentence around the phrase the scanner matched (`highlightStart`/`highlightEnd`,
 * offsets into the sentence). Offsets that do not fit the sentence give no highlight rather than a
 * wrong one.
 */
export function splitHighlight(sentence: string, start: number, end: number): HighlightedSentence {
  if (
    !Number.isInteger(start) ||
    !Number.isInteger(end) ||
    start < 0 ||
    end > sentence.length ||
    start >= end
  ) {
    return { before: sentence, match: '', after: '' };
  }
  return { before: sentence.slice(0, start), match: sentence.slice(start, end), after: sentence.slice(end) };
}
