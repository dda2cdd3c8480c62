// Splits an HL7 v2 file into messages. A message starts at an MSH segment or after a blank line;
// segments may end in CR, LF or CRLF; MLLP frame bytes (VT, FS) left in a dump are ignored. The envelope
// of an HL7 batch file (FHS and BHS headers, BTS and FTS trailers) is not part of any message.
import { decodeText, type TextEncodingOption } from '../encoding';

export interface RawHl7Message {
  /** 1-based position in the file. */
  number: number;
  /** Segments joined by CR, as HL7 wants them. */
  text: string;
  /** 1-based line in the file where the message starts. */
  line: number;
}

/** FHS/BHS open an HL7 batch file and a batch; BTS/FTS close them (HL7 v2.5 chapter 2.10.3). */
const ENVELOPE_SEGMENTS = new Set(['FHS', 'BHS', 'BTS', 'FTS']);

/** True for a segment of a batch envelope: its name followed by a separator character. */
export function isEnvelopeSegment(segment: string): boolean {
  return ENVELOPE_SEGMENTS.has(segment.slice(0, 3)) && /^[^A-Za-z0-9\s]?$/.test(segment.charAt(3));
}

/** VT and FS frame an MLLP message; dumps of a feed sometimes keep them. */
export function stripMllpFrameBytes(text: string): string {
  return text.replaceAll('\u000b', '').replaceAll('\u001c', '');
}

/**
 * Accumulates lines and hands out complete messages. Files that put a blank line after every segment
 * ("double spaced") are recognised from their start, so a blank line does not split them.
 */
export class Hl7MessageSplitter {
  private segments: string[] = [];
  private startLine = 0;
  private line = 0;
  private count = 0;
  private sawBlank = false;
  private carry = '';
  private doubleSpaced: boolean | undefined;

  *push(chunk: string, final: boolean): Generator<RawHl7Message> {
    let text = stripMllpFrameBytes(this.carry + chunk);
    this.doubleSpaced ??= isDoubleSpaced(text);
    this.carry = '';
    if (!final) {
      // Hold back the unfinished last line, and a trailing CR that may be half of a CRLF split across chunks.
      const searchEnd = text.endsWith('\r') ? text.length - 2 : text.length - 1;
      const lastBreak = Math.max(text.lastIndexOf('\n', searchEnd), text.lastIndexOf('\r', searchEnd));
      this.carry = text.slice(lastBreak + 1);
      text = text.slice(0, lastBreak + 1);
    }
    const lines = text.split(/\r\n|\r|\n/);
    if (lines.at(-1) === '') lines.pop();
    for (const raw of lines) {
      this.line++;
      if (raw.trim() === '') {
        if (!this.doubleSpaced) this.sawBlank = true;
        continue;
      }
      if (isEnvelopeSegment(raw)) {
        if (this.segments.length > 0) yield this.flush();
        this.sawBlank = false;
        continue;
      }
      if (this.segments.length > 0 && (raw.startsWith('MSH') || this.sawBlank)) {
        yield this.flush();
      }
      if (this.segments.length === 0) this.startLine = this.line;
      this.sawBlank = false;
      this.segments.push(raw);
    }
    if (final && this.segments.length > 0) yield this.flush();
  }

  private flush(): RawHl7Message {
    this.count++;
    const message = { number: this.count, text: this.segments.join('\r'), line: this.startLine };
    this.segments = [];
    return message;
  }
}

function isDoubleSpaced(text: string): boolean {
  const lines = text.split(/\r\n|\r|\n/).slice(0, 200);
  const blank = lines.filter((l) => l.trim() === '').length;
  return lines.length >= 4 && blank >= (lines.length - blank) * 0.8;
}

export function splitHl7Messages(text: string): RawHl7Message[] {
  return [...new Hl7MessageSplitter().push(text, true)];
}

export async function* readHl7Messages(
  input: AsyncIterable<unknown>,
  options: { encoding?: TextEncodingOption; onProgress?: (bytesRead: number) => void } = {},
): AsyncGenerator<RawHl7Message, void, undefined> {
  const decoded = await decodeText(input, options);
  const splitter = new Hl7MessageSplitter();
  let pending: string | undefined;
  for await (const chunk of decoded.chunks) {
    if (pending !== undefined) yield* splitter.push(pending, false);
    pending = chunk;
  }
  yield* splitter.push(pending ?? '', true);
}
