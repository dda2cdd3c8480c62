// Radiology report files → scanned reports. Two formats:
//   lines  reportId;patientRef;reportDate;text   (header line optional; text may contain ";" or be quoted)
//   JSON   [{ "reportId", "patientId", "bsn", "reportDate", "text" }, …]
// patientRef in the line format is a hospital patient number, or "bsn:" followed by a BSN.
import { CsvTokenizer } from '../csv/tokenizer';
import {
  decodeText,
  REPLACEMENT_CHARACTER,
  undecodableBytesMessage,
  type TextEncodingOption,
} from '../encoding';
import { parseCalendarDate } from '../dates';
import { checkBsnField, dateLimits, type DateLimits } from '../registrationChecks';
import { RowProblems } from '../rowProblems';
import { ImportFileError, type ImportRowError } from '../types';
import { scanReportText, type IgnoredMention, type VertebralFinding } from './vertebralFindings';

export interface PatientRef {
  /** Hospital patient number. */
  patientId?: string;
  bsn?: string;
}

export interface ScannedReport {
  row: number;
  reportId: string;
  patientRef: PatientRef;
  reportDate: string;
  /** Non-negated vertebral fracture findings: each one goes to the manual-review worklist. */
  findings: VertebralFinding[];
  negatedMentions: number;
  excludedMentions: number;
  /** Questions, hypotheses and general statements about fractures: not findings. */
  notAssertedMentions: number;
  /** Every fracture phrase that is not a finding, with the reason and the words that decided. */
  ignored: IgnoredMention[];
}

export type ReportScanRow =
  { ok: true; report: ScannedReport } | { ok: false; row: number; errors: ImportRowError[] };

export interface ReportScanOptions {
  today: string;
  encoding?: TextEncodingOption;
  onProgress?: (bytesRead: number) => void;
}

export interface RawReport {
  reportId?: unknown;
  patientId?: unknown;
  bsn?: unknown;
  reportDate?: unknown;
  text?: unknown;
}

const MAX_REPORT_CHARS = 200_000;

function asText(value: unknown): string {
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return '';
}

/** Validates one report and scans its text. */
export function scanReport(raw: RawReport, row: number, limits: DateLimits): ReportScanRow {
  const problems = new RowProblems(row);
  const reportId = asText(raw.reportId);
  if (reportId === '') problems.error('reportId', 'field.required', 'is empty');
  const patientRef: PatientRef = {};
  const patientId = asText(raw.patientId);
  if (patientId !== '') patientRef.patientId = patientId;
  const rawBsn = asText(raw.bsn);
  if (rawBsn !== '') {
    const bsn = checkBsnField(rawBsn, 'bsn', problems);
    if (bsn !== undefined) patientRef.bsn = bsn;
  }
  if (patientId === '' && rawBsn === '')
    problems.error('patientId', 'patient.identifierMissing', 'neither a patient number nor a BSN is given');
  let reportDate: string | undefined;
  const rawDate = asText(raw.reportDate);
  if (rawDate === '') {
    problems.error('reportDate', 'field.required', 'is empty');
  } else {
    const parsed = parseCalendarDate(rawDate);
    if (!parsed.ok) problems.error('reportDate', parsed.code, parsed.message);
    else if (parsed.date > limits.today)
      problems.error(
        'reportDate',
        'date.future',
        `report date ${parsed.date} is in the future (today is ${limits.today})`,
      );
    else reportDate = parsed.date;
  }
  const text = typeof raw.text === 'string' ? raw.text : '';
  if (text.trim() === '') problems.error('text', 'field.required', 'the report text is empty');
  else if (text.length > MAX_REPORT_CHARS)
    problems.error(
      'text',
      'field.tooLong',
      `is ${text.length} characters long; the maximum is ${MAX_REPORT_CHARS}`,
    );
  else if (text.includes(REPLACEMENT_CHARACTER))
    problems.error(
      'text',
      'encoding.invalidBytes',
      'contains bytes that could not be decoded; check the file encoding',
    );
  if (problems.hasErrors || reportDate === undefined) return { ok: false, row, errors: problems.errors };
  const scan = scanReportText(text);
  return { ok: true, report: { row, reportId, patientRef, reportDate, ...scan } };
}

/** "bsn:999900006" → BSN; anything else is a hospital patient number (a bare 9-digit number is ambiguous). */
export function parsePatientRef(value: string): { patientId?: string; bsn?: string } {
  const match = /^\s*bsn\s*[:=]\s*(.+)$/i.exec(value);
  if (match?.[1] !== undefined) return { bsn: match[1].trim() };
  return { patientId: value.trim() };
}

const HEADER = /^\s*"?report_?id"?\s*;/i;

async function* reportsFromLines(
  chunks: AsyncIterable<string>,
  first: string,
  limits: DateLimits,
  encoding: Parameters<typeof undecodableBytesMessage>[0],
): AsyncGenerator<ReportScanRow> {
  const tokenizer = new CsvTokenizer(';');
  let row = 0;
  let headerChecked = false;
  async function* texts(): AsyncGenerator<{ text: string; final: boolean }> {
    let pending = first;
    for await (const chunk of chunks) {
      yield { text: pending, final: false };
      pending = chunk;
    }
    yield { text: pending, final: true };
  }
  for await (const { text, final } of texts()) {
    for (const record of tokenizer.push(text, final)) {
      if (!headerChecked) {
        headerChecked = true;
        if (HEADER.test(record.text.slice(record.start, record.end))) continue;
      }
      row++;
      if (record.fields.every((f) => f.trim() === '')) continue;
      if (record.problem === 'unclosedQuote') {
        yield {
          ok: false,
          row,
          errors: [
            {
              row,
              field: 'text',
              code: 'csv.unclosedQuote',
              message: 'a quoted report text is never closed',
            },
          ],
        };
        continue;
      }
      if (record.fields.length < 4) {
        yield {
          ok: false,
          row,
          errors: [
            {
              row,
              field: '*',
              code: 'reports.fieldCount',
              message: `has ${record.fields.length} fields; expected reportId;patientRef;reportDate;text`,
            },
          ],
        };
        continue;
      }
      const [reportId = '', patientRef = '', reportDate = '', ...textParts] = record.fields;
      const raw: RawReport = {
        reportId,
        reportDate,
        text: textParts.join(';').replaceAll('\\n', '\n'),
        ...parsePatientRef(patientRef),
      };
      const result = scanReport(raw, row, limits);
      if (!result.ok && record.text.slice(record.start, record.end).includes(REPLACEMENT_CHARACTER)) {
        result.errors.push({
          row,
          field: '*',
          code: 'encoding.invalidBytes',
          message: undecodableBytesMessage(encoding),
        });
      }
      yield result;
    }
  }
  if (row === 0) throw new ImportFileError('reports.noRows', 'The file contains no reports.');
}

function reportsFromJson(text: string, limits: DateLimits): ReportScanRow[] {
  let json: unknown;
  try {
    json = JSON.parse(text) as unknown;
  } catch (error) {
    throw new ImportFileError(
      'reports.invalidJson',
      `The file starts with "[" but is not valid JSON: ${error instanceof Error ? error.message : String(error)}.`,
    );
  }
  if (!Array.isArray(json))
    throw new ImportFileError('reports.invalidJson', 'The JSON is not an array of reports.');
  if (json.length === 0) throw new ImportFileError('reports.noRows', 'The file contains no reports.');
  return (json as readonly unknown[]).map((item, i) => {
    if (typeof item !== 'object' || item === null || Array.isArray(item)) {
      return {
        ok: false,
        row: i + 1,
        errors: [
          { row: i + 1, field: `[${i}]`, code: 'reports.notAnObject', message: 'is not a report object' },
        ],
      };
    }
    return scanReport(item, i + 1, limits);
  });
}

export async function* scanReportFile(
  input: AsyncIterable<unknown>,
  options: ReportScanOptions,
): AsyncGenerator<ReportScanRow, void, undefined> {
  const limits = dateLimits(options.today);
  const decoded = await decodeText(input, {
    ...(options.encoding === undefined ? {} : { encoding: options.encoding }),
    ...(options.onProgress === undefined ? {} : { onProgress: options.onProgress }),
  });
  const iterator = decoded.chunks[Symbol.asyncIterator]();
  let first = '';
  while (first.trim() === '') {
    const next = await iterator.next();
    if (next.done === true) throw new ImportFileError('file.empty', 'The file is empty.');
    first += next.value;
  }
  const rest: AsyncIterable<string> = { [Symbol.asyncIterator]: () => iterator };
  if (first.trimStart().startsWith('[')) {
    let all = first;
    for await (const chunk of rest) all += chunk;
    yield* reportsFromJson(all, limits);
    return;
  }
  yield* reportsFromLines(rest, first, limits, decoded.encoding);
}
