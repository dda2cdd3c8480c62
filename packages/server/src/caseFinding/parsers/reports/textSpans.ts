// Offsets into a sentence, and the few operations on them the scanner needs.

export interface Span {
  start: number;
  end: number;
}

/** Every match of a global pattern in `text[from, to)`, as offsets into `text`. */
export function spans(pattern: RegExp, text: string, from = 0, to = text.length): Span[] {
  const found: Span[] = [];
  for (const match of text.slice(from, to).matchAll(pattern)) {
    found.push({ start: from + match.index, end: from + match.index + match[0].length });
  }
  return found;
}

export function overlaps(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
}

export function wordCount(text: string): number {
  return text.match(/[\p{L}\p{N}]+/gu)?.length ?? 0;
}

/** Words between two spans, whichever comes first. */
export function wordsBetween(text: string, a: Span, b: Span): number {
  return wordCount(text.slice(Math.min(a.end, b.end), Math.max(a.start, b.start)));
}
