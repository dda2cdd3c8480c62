// Streaming CSV → FractureRegistration. File-level problems (encoding, header) throw ImportFileError before the
// first row; every data row yields either a record or the full list of its errors.
import {
  decodeText,
  REPLACEMENT_CHARACTER,
  undecodableBytesMessage,
  type TextEncoding,
  type TextEncodingOption,
} from '../encoding';
import { parseCalendarDate } from '../dates';
import {
  checkAgbField,
  checkBsnField,
  checkDatePlausibility,
  checkMaxLength,
  dateLimits,
  type DateLimits,
} from '../registrationChecks';
import { RowProblems } from '../rowProblems';
import { resolveSite, type SiteEvidence } from '../siteResolution';
import {
  ImportFileError,
  type FractureRegistration,
  type GeneralPractitioner,
  type ImportedFracture,
  type ImportedPatient,
  type ParsedRow,
  type PostalAddress,
} from '../types';
import { CSV_COLUMN_SPECS, resolveHeader, type CsvColumn, type CsvHeaderLayout } from './columns';
import { CsvTokenizer, RecordTooLongError, type CsvRecord } from './tokenizer';
import {
  acceptedSpellings,
  ENCOUNTER_VALUES,
  lookupValue,
  PATHOLOGICAL_VALUES,
  SEX_VALUES,
  TRAUMA_VALUES,
  YES_NO_VALUES,
} from './values';

export type CsvSeparator = ',' | ';';

export interface CsvImportOptions {
  /** YYYY-MM-DD; dates after it are refused. No clock inside the parser. */
  today: string;
  encoding?: TextEncodingOption;
  separator?: CsvSeparator | 'auto';
  /** Names the system the patient_id values belong to (patient identity when there is no BSN). */
  sourceSystem?: string;
  /** Header names to skip on purpose; any other unknown column is a file error. */
  ignoreColumns?: readonly string[];
  onProgress?: (bytesRead: number) => void;
  onFileInfo?: (info: CsvFileInfo) => void;
}

export interface CsvFileInfo {
  encoding: TextEncoding;
  encodingDetectedBy: 'bom' | 'sniff' | 'option';
  separator: CsvSeparator;
  columns: readonly string[];
}

/** Counts separators outside quotes on the header line; the header decides for the whole file. */
export function detectSeparator(headerLine: string): CsvSeparator {
  let commas = 0;
  let semicolons = 0;
  let tabs = 0;
  let quoted = false;
  for (let i = 0; i < headerLine.length; i++) {
    const ch = headerLine.charAt(i);
    if (ch === '"') quoted = !quoted;
    else if (quoted) continue;
    else if (ch === ',') commas++;
    else if (ch === ';') semicolons++;
    else if (ch === '\t') tabs++;
  }
  if (commas === 0 && semicolons === 0) {
    throw new ImportFileError(
      'csv.separator',
      tabs > 0
        ? 'The header line is separated by tabs; save the file with ";" or "," as separator.'
        : 'The header line contains neither ";" nor ","; this is not a CSV file with several columns.',
    );
  }
  return semicolons > commas ? ';' : ',';
}

interface HeaderRead {
  text: string;
  headerLineEnd: number;
}

/** Gathers decoded text until the first line break, so the separator can be chosen before tokenising. */
async function readUntilFirstLine(chunks: AsyncIterator<string>): Promise<HeaderRead & { done: boolean }> {
  let text = '';
  for (;;) {
    const lf = text.indexOf('\n');
    if (lf >= 0) return { text, headerLineEnd: lf, done: false };
    const next = await chunks.next();
    if (next.done === true) return { text, headerLineEnd: text.length, done: true };
    text += next.value;
    if (text.length > 1_000_000 && text.indexOf('\n') < 0 && text.indexOf('\r') < 0) {
      throw new ImportFileError(
        'csv.noLineBreak',
        'The first megabyte of the file has no line break; this is not a CSV file.',
      );
    }
    // Old Mac exports end lines with CR only.
    if (text.indexOf('\n') < 0 && text.indexOf('\r') >= 0 && text.indexOf('\r') < text.length - 1) {
      return { text, headerLineEnd: text.indexOf('\r'), done: false };
    }
  }
}

/**
 * Rows in batches (one per decoded chunk, typically 64 KB of input): the shape a database writer wants, and
 * far fewer promise round-trips than one row at a time.
 */
export async function* parseCsvFractureBatches(
  input: AsyncIterable<unknown>,
  options: CsvImportOptions,
): AsyncGenerator<ParsedRow[], void, undefined> {
  const limits = dateLimits(options.today);
  const decoded = await decodeText(input, {
    ...(options.encoding === undefined ? {} : { encoding: options.encoding }),
    ...(options.onProgress === undefined ? {} : { onProgress: options.onProgress }),
  });
  const chunks = decoded.chunks[Symbol.asyncIterator]();
  const first = await readUntilFirstLine(chunks);
  if (first.text.trim() === '') throw new ImportFileError('file.empty', 'The file is empty.');

  const crOnly = first.text.indexOf('\n') < 0 && first.text.indexOf('\r') >= 0;
  const separator =
    options.separator === undefined || options.separator === 'auto'
      ? detectSeparator(first.text.slice(0, first.headerLineEnd))
      : options.separator;
  const tokenizer = new CsvTokenizer(separator);
  const rowBuilder = new CsvRowBuilder(options, decoded.encoding, limits);
  let layout: CsvHeaderLayout | undefined;
  let dataRows = 0;
  let contentRows = 0;

  async function* texts(): AsyncGenerator<{ text: string; final: boolean }> {
    let pending: string = crOnly ? first.text.replaceAll('\r', '\n') : first.text;
    for (;;) {
      const next = await chunks.next();
      if (next.done === true) {
        yield { text: pending, final: true };
        return;
      }
      yield { text: pending, final: false };
      pending = crOnly ? next.value.replaceAll('\r', '\n') : next.value;
    }
  }

  try {
    for await (const { text, final } of texts()) {
      const batch: ParsedRow[] = [];
      for (const record of tokenizer.push(text, final)) {
        if (layout === undefined) {
          if (record.fields.some((f) => f.includes(REPLACEMENT_CHARACTER))) {
            throw new ImportFileError(
              'encoding.invalidBytes',
              `The header line ${undecodableBytesMessage(decoded.encoding)}.`,
            );
          }
          layout = resolveHeader(record.fields, options.ignoreColumns);
          rowBuilder.useLayout(layout);
          options.onFileInfo?.({
            encoding: decoded.encoding,
            encodingDetectedBy: decoded.detectedBy,
            separator,
            columns: layout.headerNames,
          });
          continue;
        }
        dataRows++;
        if (isBlank(record.fields)) continue;
        contentRows++;
        batch.push(rowBuilder.build(record, dataRows));
      }
      if (batch.length > 0) yield batch;
    }
  } catch (error) {
    if (error instanceof RecordTooLongError) {
      throw new ImportFileError('csv.rowTooLong', `The file cannot be read further: ${error.message}.`);
    }
    throw error;
  }
  if (layout === undefined) throw new ImportFileError('file.empty', 'The file is empty.');
  if (contentRows === 0) {
    throw new ImportFileError('csv.noRows', 'The file has a header line but no data rows.');
  }
}

/** One row at a time; see parseCsvFractureBatches for the faster batched form. */
export async function* parseCsvFractures(
  input: AsyncIterable<unknown>,
  options: CsvImportOptions,
): AsyncGenerator<ParsedRow, void, undefined> {
  for await (const batch of parseCsvFractureBatches(input, options)) yield* batch;
}

/**
 * Finds one character in the decoded text a record was cut from, scanning each chunk once however many
 * records it holds: cheaper than searching every field of a million rows.
 */
class CharacterScan {
  private text: string | undefined;
  private next = -1;

  constructor(private readonly ch: string) {}

  inRecord(record: CsvRecord): boolean {
    if (record.text !== this.text) {
      this.text = record.text;
      this.next = record.text.indexOf(this.ch);
    }
    if (this.next >= 0 && this.next < record.start) this.next = record.text.indexOf(this.ch, record.start);
    return this.next >= record.start && this.next < record.end;
  }
}

function isBlank(fields: readonly string[]): boolean {
  for (const field of fields) if (field.trim() !== '') return false;
  return true;
}

/** Turns one tokenised record into a registration. Holds per-file state (layout, encoding) so rows stay cheap. */
class CsvRowBuilder {
  private layout!: CsvHeaderLayout;
  private namedPositions: { position: number; column: CsvColumn; header: string; maxLength: number }[] = [];
  private readonly undecodable = new CharacterScan(REPLACEMENT_CHARACTER);
  private readonly nul = new CharacterScan('\u0000');

  constructor(
    private readonly options: CsvImportOptions,
    private readonly encoding: TextEncoding,
    private readonly limits: DateLimits,
  ) {}

  useLayout(layout: CsvHeaderLayout): void {
    this.layout = layout;
    this.namedPositions = [];
    for (const [column, position] of Object.entries(layout.index) as [CsvColumn, number][]) {
      if (position < 0) continue;
      this.namedPositions.push({
        position,
        column,
        header: layout.headerNames[position] ?? column,
        maxLength: CSV_COLUMN_SPECS[column].maxLength,
      });
    }
  }

  private cell(fields: readonly string[], column: CsvColumn): string {
    const position = this.layout.index[column];
    if (position < 0) return '';
    const value = fields[position] ?? '';
    // Most cells need no trimming; checking the ends is cheaper than trim() on a million rows.
    const last = value.length - 1;
    return last < 0 || (value.charCodeAt(0) > 32 && value.charCodeAt(last) > 32) ? value : value.trim();
  }

  /** Column name as the file spells it, so messages point at what the user sees. */
  private field(column: CsvColumn): string {
    const position = this.layout.index[column];
    return position < 0 ? column : (this.layout.headerNames[position] ?? column);
  }

  build(record: CsvRecord, row: number): ParsedRow {
    const problems = new RowProblems(row, record.line);
    const fields = record.fields;
    const expected = this.layout.headerNames.length;
    if (record.problem === 'unclosedQuote') {
      problems.error(
        '*',
        'csv.unclosedQuote',
        'a quoted value is never closed, so the rest of the file was read as one value',
      );
      return { ok: false, row, errors: problems.errors };
    }
    if (fields.length !== expected) {
      problems.error(
        '*',
        'csv.fieldCount',
        `has ${fields.length} values but the header has ${expected} columns`,
      );
      return { ok: false, row, errors: problems.errors };
    }
    if (record.problem === 'textAfterQuote') {
      problems.warn('*', 'csv.textAfterQuote', 'text follows a closing quote; the value was read as written');
    }
    if (this.nul.inRecord(record)) {
      const columns = fields.flatMap((f, i) =>
        f.includes('\u0000') ? [this.layout.headerNames[i] ?? `column ${i + 1}`] : [],
      );
      for (const column of columns) {
        problems.error(
          column === '' ? '*' : column,
          'text.nul',
          'contains a NUL character (byte 0x00), which is not text; correct the value at the source',
        );
      }
      return { ok: false, row, errors: problems.errors };
    }
    if (this.undecodable.inRecord(record)) {
      for (const { position, header } of this.namedPositions) {
        if ((fields[position] ?? '').includes(REPLACEMENT_CHARACTER)) {
          problems.error(header, 'encoding.invalidBytes', undecodableBytesMessage(this.encoding));
        }
      }
      if (!problems.hasErrors)
        problems.error('*', 'encoding.invalidBytes', undecodableBytesMessage(this.encoding));
      return { ok: false, row, errors: problems.errors };
    }
    for (const { position, header, maxLength } of this.namedPositions) {
      checkMaxLength(fields[position] ?? '', maxLength, header, problems);
    }
    for (const position of this.layout.unnamed) {
      if ((fields[position] ?? '').trim() !== '') {
        problems.error(
          `column ${position + 1}`,
          'csv.unnamedColumn',
          'has a value but the column has no header name',
        );
      }
    }

    const patient = this.buildPatient(fields, problems);
    const fracture = this.buildFracture(fields, problems);
    if (patient !== undefined && fracture !== undefined) {
      checkDatePlausibility(
        patient.birthDate,
        fracture.date,
        this.limits,
        { birth: this.field('birth_date'), fracture: this.field('fracture_date') },
        problems,
      );
    }
    if (problems.hasErrors || patient === undefined || fracture === undefined) {
      return { ok: false, row, errors: problems.errors };
    }
    const registration: FractureRegistration = {
      source: { format: 'csv', row, line: record.line },
      patient,
      fracture,
    };
    if (this.options.sourceSystem !== undefined) registration.source.system = this.options.sourceSystem;
    return { ok: true, record: registration, warnings: problems.warnings };
  }

  private requiredDate(
    fields: readonly string[],
    column: CsvColumn,
    problems: RowProblems,
  ): string | undefined {
    const raw = this.cell(fields, column);
    if (raw === '') {
      problems.error(this.field(column), 'field.required', 'is empty');
      return undefined;
    }
    const parsed = parseCalendarDate(raw);
    if (!parsed.ok) {
      problems.error(this.field(column), parsed.code, parsed.message);
      return undefined;
    }
    return parsed.date;
  }

  private buildPatient(fields: readonly string[], problems: RowProblems): ImportedPatient | undefined {
    const sourceId = this.cell(fields, 'patient_id');
    const rawBsn = this.cell(fields, 'bsn');
    let bsn: string | undefined;
    if (rawBsn !== '') bsn = checkBsnField(rawBsn, this.field('bsn'), problems);
    else if (sourceId === '') {
      problems.error(
        this.layout.index.bsn >= 0 ? this.field('bsn') : this.field('patient_id'),
        'patient.identifierMissing',
        'neither a BSN nor a patient_id is given',
      );
    }
    const familyName = this.cell(fields, 'family_name');
    if (familyName === '') problems.error(this.field('family_name'), 'field.required', 'is empty');
    const birthDate = this.requiredDate(fields, 'birth_date', problems);
    const sexText = this.cell(fields, 'sex');
    const sex = lookupValue(SEX_VALUES, sexText);
    if (sex === undefined) {
      problems.error(
        this.field('sex'),
        'sex.value',
        `"${sexText}" is not a known sex; use one of ${acceptedSpellings(SEX_VALUES)}`,
      );
    }
    if (familyName === '' || birthDate === undefined || sex === undefined) return undefined;

    const patient: ImportedPatient = { familyName, birthDate, sex: sex.value };
    if (sourceId !== '') {
      patient.sourceId = sourceId;
      if (this.options.sourceSystem !== undefined) patient.sourceSystem = this.options.sourceSystem;
    }
    if (bsn !== undefined) patient.bsn = bsn;
    const givenNames = this.cell(fields, 'given_names');
    if (givenNames !== '') patient.givenNames = givenNames;
    const initials = this.cell(fields, 'initials');
    if (initials !== '') patient.initials = initials;
    const phone = this.cell(fields, 'phone');
    if (phone !== '') patient.phone = phone;
    const address = this.buildAddress(fields);
    if (address !== undefined) patient.address = address;
    const gp = this.buildGp(fields, problems);
    if (gp !== undefined) patient.gp = gp;
    const deceased = this.buildDeath(fields, problems);
    if (deceased !== undefined) patient.deceased = deceased;
    return patient;
  }

  /** `deceased` (yes/no) and `deceased_date`: a date alone says the person died; "no" with a date is a conflict. */
  private buildDeath(fields: readonly string[], problems: RowProblems): { date?: string } | undefined {
    const flagText = this.cell(fields, 'deceased');
    const dateText = this.cell(fields, 'deceased_date');
    if (flagText === '' && dateText === '') return undefined;
    const flag = lookupValue(YES_NO_VALUES, flagText);
    if (flag === undefined) {
      problems.error(
        this.field('deceased'),
        'deceased.value',
        `"${flagText}" is not yes or no; use one of ${acceptedSpellings(YES_NO_VALUES)}`,
      );
      return undefined;
    }
    if (dateText === '') return flag.value === true ? {} : undefined;
    const parsed = parseCalendarDate(dateText);
    if (!parsed.ok) {
      problems.error(this.field('deceased_date'), parsed.code, parsed.message);
      return undefined;
    }
    if (parsed.date > this.limits.today) {
      problems.error(
        this.field('deceased_date'),
        'date.future',
        `date of death ${parsed.date} is in the future (today is ${this.limits.today})`,
      );
      return undefined;
    }
    if (flag.value === false) {
      problems.error(
        this.field('deceased'),
        'deceased.conflict',
        `says not deceased, but ${this.field('deceased_date')} gives a date of death`,
      );
      return undefined;
    }
    return { date: parsed.date };
  }

  private buildAddress(fields: readonly string[]): PostalAddress | undefined {
    const street = this.cell(fields, 'street');
    const houseNumber = this.cell(fields, 'house_number');
    const postalCode = this.cell(fields, 'postal_code');
    const city = this.cell(fields, 'city');
    const country = this.cell(fields, 'country');
    if (street === '' && houseNumber === '' && postalCode === '' && city === '' && country === '')
      return undefined;
    const address: PostalAddress = {};
    if (street !== '') address.street = street;
    if (houseNumber !== '') address.houseNumber = houseNumber;
    if (postalCode !== '') address.postalCode = postalCode;
    if (city !== '') address.city = city;
    if (country !== '') address.country = country;
    return address;
  }

  private buildGp(fields: readonly string[], problems: RowProblems): GeneralPractitioner | undefined {
    const name = this.cell(fields, 'gp_name');
    const agb = this.cell(fields, 'gp_agb');
    const practiceName = this.cell(fields, 'gp_practice');
    const address = this.cell(fields, 'gp_address');
    if (name === '' && agb === '' && practiceName === '' && address === '') return undefined;
    const gp: GeneralPractitioner = {};
    if (name !== '') gp.name = name;
    if (agb !== '') {
      const agbCode = checkAgbField(agb, this.field('gp_agb'), problems);
      if (agbCode !== undefined) gp.agbCode = agbCode;
    }
    if (practiceName !== '') gp.practiceName = practiceName;
    if (address !== '') gp.address = address;
    return gp;
  }

  private evidence(
    fields: readonly string[],
    column: CsvColumn,
  ): { value: string; field: string } | undefined {
    const value = this.cell(fields, column);
    return value === '' ? undefined : { value, field: this.field(column) };
  }

  private buildFracture(fields: readonly string[], problems: RowProblems): ImportedFracture | undefined {
    const date = this.requiredDate(fields, 'fracture_date', problems);
    const evidence: SiteEvidence = {};
    const siteCode = this.evidence(fields, 'site_code');
    if (siteCode !== undefined) evidence.siteCode = siteCode;
    const icd10 = this.evidence(fields, 'icd10');
    if (icd10 !== undefined) evidence.icd10 = icd10;
    const snomed = this.evidence(fields, 'snomed');
    if (snomed !== undefined) evidence.snomed = snomed;
    const text = this.evidence(fields, 'fracture_site');
    if (text !== undefined) evidence.text = text;
    if (siteCode === undefined && icd10 === undefined && snomed === undefined && text === undefined) {
      const columns = (['site_code', 'icd10', 'fracture_site'] as const)
        .filter((c) => this.layout.index[c] >= 0)
        .map((c) => this.field(c));
      problems.error(
        columns[0] ?? 'fracture_site',
        'site.missing',
        `no fracture site: fill in ${columns.join(' or ')}`,
      );
      return undefined;
    }
    const site = resolveSite(evidence, problems);

    const encounterText = this.cell(fields, 'encounter_type');
    const encounter = lookupValue(ENCOUNTER_VALUES, encounterText);
    if (encounter === undefined) {
      problems.error(
        this.field('encounter_type'),
        'encounterType.value',
        `"${encounterText}" is not a known encounter type; use one of ${acceptedSpellings(ENCOUNTER_VALUES)}`,
      );
    }
    const traumaText = this.cell(fields, 'trauma_mechanism');
    const trauma = lookupValue(TRAUMA_VALUES, traumaText);
    if (trauma === undefined) {
      problems.error(
        this.field('trauma_mechanism'),
        'traumaMechanism.value',
        `"${traumaText}" is not a known trauma mechanism; use one of ${acceptedSpellings(TRAUMA_VALUES)}`,
      );
    }
    const pathologicalText = this.cell(fields, 'pathological');
    const pathologicalColumn = lookupValue(PATHOLOGICAL_VALUES, pathologicalText);
    if (pathologicalColumn === undefined) {
      problems.error(
        this.field('pathological'),
        'pathological.value',
        `"${pathologicalText}" is not yes or no; use one of ${acceptedSpellings(PATHOLOGICAL_VALUES)}`,
      );
    }
    if (
      date === undefined ||
      encounter === undefined ||
      trauma === undefined ||
      pathologicalColumn === undefined
    )
      return undefined;

    let pathological = pathologicalColumn.value ?? site.pathological ?? null;
    if (pathologicalColumn.value === false && site.pathological === true) {
      problems.warn(
        this.field('pathological'),
        'pathological.conflict',
        'says not pathological, but the diagnosis code is a pathological fracture; recorded as unknown for review',
      );
      pathological = null;
    }
    const fracture: ImportedFracture = {
      date,
      siteCode: site.siteCode,
      encounterType: encounter.value,
      traumaMechanism: trauma.value,
      pathological,
    };
    if (text !== undefined) fracture.siteText = text.value;
    if (site.icd10Code !== undefined) fracture.icd10Code = site.icd10Code;
    if (site.snomedCode !== undefined) fracture.snomedCode = site.snomedCode;
    if (site.icd10Code !== undefined || site.snomedCode !== undefined) {
      fracture.sourceCodes = [
        ...(site.icd10Code === undefined ? [] : [{ system: 'icd10', code: site.icd10Code }]),
        ...(site.snomedCode === undefined ? [] : [{ system: 'snomed', code: site.snomedCode }]),
      ];
    }
    const fractureId = this.cell(fields, 'fracture_id');
    if (fractureId !== '') fracture.sourceFractureId = fractureId;
    return fracture;
  }
}
