// Checks the raw text of one message before handing it to the HL7 library, which accepts almost anything:
// a missing MSH, nonsense encoding characters or a segment written with another field separator are caught here
// with a message that names the segment.
export interface StructureProblem {
  field: string;
  code: string;
  message: string;
}

const SEGMENT_NAME = /^[A-Z][A-Z0-9]{2}$/;

function isAlphanumericOrSpace(ch: string): boolean {
  return /^[A-Za-z0-9\s]$/.test(ch);
}

function hasAlphanumericOrSpace(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (isAlphanumericOrSpace(text.charAt(i))) return true;
  return false;
}

/** Returns the problems that make the message unreadable; an empty list means the library can parse it. */
export function checkMessageStructure(text: string): StructureProblem[] {
  const segments = text.split('\r');
  const first = segments[0] ?? '';
  if (!first.startsWith('MSH')) {
    const name = first.slice(0, 3);
    return [
      {
        field: 'MSH',
        code: 'hl7.missingMsh',
        message: `the message does not start with an MSH segment (it starts with "${name}")`,
      },
    ];
  }
  const fieldSeparator = first.charAt(3);
  if (fieldSeparator === '' || isAlphanumericOrSpace(fieldSeparator)) {
    return [
      {
        field: 'MSH-1',
        code: 'hl7.fieldSeparator',
        message: `"${fieldSeparator}" cannot be a field separator`,
      },
    ];
  }
  const encodingEnd = first.indexOf(fieldSeparator, 4);
  const encoding = first.slice(4, encodingEnd < 0 ? undefined : encodingEnd);
  const distinct = new Set(encoding + fieldSeparator);
  if (
    encoding.length < 4 ||
    encoding.length > 5 ||
    distinct.size !== encoding.length + 1 ||
    hasAlphanumericOrSpace(encoding)
  ) {
    return [
      {
        field: 'MSH-2',
        code: 'hl7.encodingCharacters',
        message: `encoding characters "${encoding}" are not four distinct separator characters (expected e.g. ^~\\&)`,
      },
    ];
  }
  const problems: StructureProblem[] = [];
  segments.forEach((segment, index) => {
    const name = segment.slice(0, 3);
    const next = segment.charAt(3);
    if (!SEGMENT_NAME.test(name) || (segment.length > 3 && next !== fieldSeparator)) {
      const shown = segment.length > 20 ? `${segment.slice(0, 20)}…` : segment;
      problems.push({
        field: `segment ${index + 1}`,
        code: 'hl7.segmentSyntax',
        message: `"${shown}" is not a segment: expected a 3-character segment name followed by "${fieldSeparator}" (wrong field separator or a broken line?)`,
      });
    }
  });
  return problems;
}
