// Which characters a person's data may hold. Checked once, where data enters (imports, forms), so that
// everything stored can be printed on a letter and read back as it was meant: control characters break
// address lines and hide text, bidirectional controls make printed text read differently from the stored
// text ("Jan" + U+202E …), and zero-width characters make two identical-looking names differ.

/**
 * C0 and C1 controls (NUL, TAB, LF …), line and paragraph separators, bidirectional marks, embeddings,
 * overrides and isolates, and invisible zero-width characters (incl. the byte-order mark inside text).
 */
const UNSTORABLE = /[\p{Cc}\u2028\u2029\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/u;

const NAMES: Readonly<Record<number, string>> = {
  0x00: 'NUL',
  0x09: 'TAB',
  0x0a: 'LINE FEED',
  0x0d: 'CARRIAGE RETURN',
  0x200b: 'ZERO WIDTH SPACE',
  0x200c: 'ZERO WIDTH NON-JOINER',
  0x200d: 'ZERO WIDTH JOINER',
  0x200e: 'LEFT-TO-RIGHT MARK',
  0x200f: 'RIGHT-TO-LEFT MARK',
  0x202a: 'LEFT-TO-RIGHT EMBEDDING',
  0x202b: 'RIGHT-TO-LEFT EMBEDDING',
  0x202c: 'POP DIRECTIONAL FORMATTING',
  0x202d: 'LEFT-TO-RIGHT OVERRIDE',
  0x202e: 'RIGHT-TO-LEFT OVERRIDE',
  0x2066: 'LEFT-TO-RIGHT ISOLATE',
  0x2067: 'RIGHT-TO-LEFT ISOLATE',
  0x2068: 'FIRST STRONG ISOLATE',
  0x2069: 'POP DIRECTIONAL ISOLATE',
  0xfeff: 'ZERO WIDTH NO-BREAK SPACE',
};

export function isStorableText(value: string): boolean {
  return !UNSTORABLE.test(value);
}

/** Why `value` cannot be stored ("contains U+202E RIGHT-TO-LEFT OVERRIDE at position 4"), or undefined. */
export function unstorableTextReason(value: string): string | undefined {
  const match = UNSTORABLE.exec(value);
  if (match === null) return undefined;
  const code = match[0].codePointAt(0) ?? 0;
  const hex = code.toString(16).toUpperCase().padStart(4, '0');
  const name = NAMES[code] ?? 'a control character';
  return `contains U+${hex} ${name} at position ${match.index + 1}, an invisible or control character that is not stored`;
}
