// HL7 v2 escape sequences (chapter 2.7): the parser library leaves them in place, so text fields are
// unescaped here and outgoing ACK texts are escaped.
import type { Hl7Context } from '@medplum/core';

/** \F\ → field separator, \S\ component, \T\ subcomponent, \R\ repetition, \E\ escape, \Xhh..\ bytes, \.br\ → space. */
export function unescapeHl7(text: string, context: Hl7Context): string {
  const esc = context.escapeCharacter;
  if (!text.includes(esc)) return text;
  let out = '';
  let i = 0;
  while (i < text.length) {
    const start = text.indexOf(esc, i);
    if (start < 0) {
      out += text.slice(i);
      break;
    }
    const end = text.indexOf(esc, start + 1);
    if (end < 0) {
      out += text.slice(i);
      break;
    }
    out += text.slice(i, start);
    const sequence = text.slice(start + 1, end);
    out += expand(sequence, context) ?? text.slice(start, end + 1);
    i = end + 1;
  }
  return out;
}

function expand(sequence: string, context: Hl7Context): string | undefined {
  switch (sequence) {
    case 'F':
      return context.fieldSeparator;
    case 'S':
      return context.componentSeparator;
    case 'T':
      return context.subcomponentSeparator;
    case 'R':
      return context.repetitionSeparator;
    case 'E':
      return context.escapeCharacter;
    case '.br':
      return ' ';
    default:
      if (sequence.startsWith('X') && /^X(?:[0-9A-Fa-f]{2})+$/.test(sequence)) {
        return Buffer.from(sequence.slice(1), 'hex').toString('latin1');
      }
      return undefined;
  }
}

/** Makes free text safe to put in one HL7 field; line breaks become spaces. */
export function escapeHl7(text: string, context: Hl7Context): string {
  let out = '';
  for (const ch of text.replace(/[\r\n]+/g, ' ')) {
    if (ch === context.escapeCharacter) out += `${context.escapeCharacter}E${context.escapeCharacter}`;
    else if (ch === context.fieldSeparator) out += `${context.escapeCharacter}F${context.escapeCharacter}`;
    else if (ch === context.componentSeparator)
      out += `${context.escapeCharacter}S${context.escapeCharacter}`;
    else if (ch === context.subcomponentSeparator)
      out += `${context.escapeCharacter}T${context.escapeCharacter}`;
    else if (ch === context.repetitionSeparator)
      out += `${context.escapeCharacter}R${context.escapeCharacter}`;
    else out += ch;
  }
  return out;
}
