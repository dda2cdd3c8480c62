// RFC 4180 records from decoded text chunks. Rows without a quote take a fast path (String#split); only rows
// with quotes walk the characters. Tracks the physical line of each record for error messages.

export type RecordProblem = 'unclosedQuote' | 'textAfterQuote';

export interface CsvRecord {
  fields: string[];
  /** 1-based physical line on which the record starts. */
  line: number;
  problem?: RecordProblem;
  /** Offsets of the record inside `text` (for locating undecodable characters). */
  start: number;
  end: number;
  text: string;
}

/** A record longer than this (an unclosed quote swallowing the file) stops the import instead of eating memory. */
export const MAX_RECORD_CHARS = 1_000_000;

export class RecordTooLongError extends Error {
  constructor(readonly line: number) {
    super(
      `the row starting on line ${line} is longer than ${MAX_RECORD_CHARS} characters (an unclosed quote?)`,
    );
  }
}

const QUOTE = 34;
const LF = 10;
const CR = 13;

export class CsvTokenizer {
  private carry = '';
  private line = 1;

  constructor(private readonly separator: string) {}

  /**
   * Records complete within `chunk` (plus what was carried over); an incomplete tail waits for the next chunk.
   * Returns an array rather than yielding: a generator resume per row is measurable on a million rows.
   */
  push(chunk: string, final: boolean): CsvRecord[] {
    const records: CsvRecord[] = [];
    const text = this.carry === '' ? chunk : this.carry + chunk;
    this.carry = '';
    const sep = this.separator;
    const sepCode = sep.charCodeAt(0);
    let pos = 0;
    let nextQuote = text.indexOf('"');
    while (pos < text.length) {
      let lineEnd = text.indexOf('\n', pos);
      if (lineEnd < 0) {
        if (!final) break;
        lineEnd = text.length;
      }
      if (nextQuote >= 0 && nextQuote < pos) nextQuote = text.indexOf('"', pos);
      if (nextQuote < 0 || nextQuote >= lineEnd) {
        const contentEnd = lineEnd > pos && text.charCodeAt(lineEnd - 1) === CR ? lineEnd - 1 : lineEnd;
        const record: CsvRecord = {
          fields: text.slice(pos, contentEnd).split(sep),
          line: this.line,
          start: pos,
          end: lineEnd,
          text,
        };
        this.line++;
        pos = lineEnd + 1;
        records.push(record);
        continue;
      }
      const quoted = this.readQuotedRecord(text, pos, sepCode, final);
      if (quoted === null) break;
      pos = quoted.end + 1;
      records.push(quoted);
    }
    if (pos < text.length) {
      this.carry = text.slice(pos);
      if (this.carry.length > MAX_RECORD_CHARS) throw new RecordTooLongError(this.line);
    }
    return records;
  }

  /** Character walk for a record with quotes. Returns null when the record continues in the next chunk. */
  private readQuotedRecord(text: string, start: number, sepCode: number, final: boolean): CsvRecord | null {
    const fields: string[] = [];
    let problem: RecordProblem | undefined;
    let newlines = 0;
    let pos = start;
    for (;;) {
      if (pos < text.length && text.charCodeAt(pos) === QUOTE) {
        let value = '';
        let from = pos + 1;
        for (;;) {
          const close = text.indexOf('"', from);
          if (close < 0 || (close === text.length - 1 && !final)) {
            if (!final) return null;
            value += text.slice(from);
            problem = 'unclosedQuote';
            pos = text.length;
            break;
          }
          value += text.slice(from, close);
          if (text.charCodeAt(close + 1) === QUOTE) {
            value += '"';
            from = close + 2;
            continue;
          }
          pos = close + 1;
          break;
        }
        for (let i = value.indexOf('\n'); i >= 0; i = value.indexOf('\n', i + 1)) newlines++;
        // Text between the closing quote and the separator ("abc"def) is kept, but the row is flagged.
        const after = pos;
        while (pos < text.length && text.charCodeAt(pos) !== sepCode && text.charCodeAt(pos) !== LF) pos++;
        let tail = text.slice(after, pos);
        if (tail.endsWith('\r')) tail = tail.slice(0, -1);
        if (tail !== '') {
          value += tail;
          problem ??= 'textAfterQuote';
        }
        fields.push(value);
      } else {
        let end = pos;
        while (end < text.length && text.charCodeAt(end) !== sepCode && text.charCodeAt(end) !== LF) end++;
        let value = text.slice(pos, end);
        if (end < text.length && text.charCodeAt(end) === LF && value.endsWith('\r'))
          value = value.slice(0, -1);
        fields.push(value);
        pos = end;
      }
      if (pos >= text.length) {
        if (!final) return null;
        break;
      }
      if (text.charCodeAt(pos) === LF) break;
      pos++; // separator
    }
    const record: CsvRecord = { fields, line: this.line, start, end: pos, text };
    if (problem !== undefined) record.problem = problem;
    this.line += 1 + newlines;
    return record;
  }
}
