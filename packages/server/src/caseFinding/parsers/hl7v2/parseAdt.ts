// One HL7 v2 ADT message (A01 admit, A04 register, A08 update) → one registration per fracture diagnosis (DG1).
import { Hl7Message, type Hl7Segment } from '@medplum/core';
import { parseHl7Date, parseHl7Timestamp } from '../dates';
import {
  isBoneMetastasisCode,
  mapIcd10ToSite,
  mapSnomedToSite,
  matchSiteText,
  mentionsFracture,
  parseIcd10Code,
} from '../fractureSites';
import {
  checkAgbField,
  checkBsnField,
  checkDatePlausibility,
  dateLimits,
  type DateLimits,
} from '../registrationChecks';
import { RowProblems } from '../rowProblems';
import type {
  EncounterType,
  FractureRegistration,
  GeneralPractitioner,
  ImportedFracture,
  ImportedPatient,
  ImportRowError,
  ParsedRow,
  PatientUpdate,
  PostalAddress,
  Sex,
  SourceCode,
} from '../types';
import { foldSameInjury } from '../sameInjury';
import { checkMessageStructure } from './structure';
import { stripMllpFrameBytes } from './splitMessages';
import { component, repetitions, segmentsNamed, subcomponent, text, type Repetition } from './segments';
import { unescapeHl7 } from './escaping';

export const SUPPORTED_ADT_EVENTS = ['A01', 'A04', 'A08'] as const;
const SUPPORTED_VERSIONS = new Set(['2.3', '2.3.1', '2.4', '2.5', '2.5.1']);

/** accepted → AA, error → AE (content), rejected → AR (not a message we take: type, event, version, no MSH). */
export type AdtMessageStatus = 'accepted' | 'error' | 'rejected';

export interface AdtMessageResult {
  messageNumber: number;
  status: AdtMessageStatus;
  /** MSH-10, echoed in MSA-2 of the ACK. */
  controlId?: string;
  /** "ADT^A01" */
  messageType?: string;
  /** One per fracture DG1; message-level problems appear as one failed row. */
  rows: ParsedRow[];
  /** Diagnoses that are not fractures (left alone). */
  skippedDiagnoses: number;
  /** An A08 without a fracture diagnosis: the person's new details, for a patient Osteopad may know. */
  patientUpdate?: PatientUpdate;
  /** Every error of the message (row errors included), for the ACK. */
  errors: ImportRowError[];
  /** The parsed message, when it could be parsed: pass it to buildAck. */
  message?: Hl7Message;
}

export interface AdtParseOptions {
  today: string;
  /** Position in a file (1-based); 1 for a message received over MLLP. */
  messageNumber?: number;
}

const ICD10_SYSTEMS = new Set(['I10', 'ICD10', 'ICD10NL', 'I10NL', 'ICD10WHO']);
const SNOMED_SYSTEMS = new Set(['SCT', 'SNOMEDCT', 'SNOMED']);
const BSN_AUTHORITIES = new Set(['NLMINBIZA', '2.16.840.1.113883.2.4.6.3']);
const GP_ROLES = new Set(['PP', 'FHCP']);

function normaliseSystem(system: string): string {
  return system.toUpperCase().replace(/[\s_-]/g, '');
}

function rejected(
  messageNumber: number,
  field: string,
  code: string,
  message: string,
  status: AdtMessageStatus,
  extra: Partial<AdtMessageResult> = {},
): AdtMessageResult {
  const error: ImportRowError = { row: messageNumber, field, code, message };
  return {
    messageNumber,
    status,
    rows: [{ ok: false, row: messageNumber, errors: [error] }],
    skippedDiagnoses: 0,
    errors: [error],
    ...extra,
  };
}

export function parseAdtMessage(input: string | Hl7Message, options: AdtParseOptions): AdtMessageResult {
  const limits = dateLimits(options.today);
  const messageNumber = options.messageNumber ?? 1;
  // Structure is checked on the text even for an already parsed message: the library accepts a PID written
  // with the wrong separator as a segment named "PID^1^^…", which would otherwise surface as "no PID".
  const normalised =
    typeof input === 'string'
      ? stripMllpFrameBytes(input)
          .split(/\r\n|\r|\n/)
          .filter((s) => s.trim() !== '')
          .join('\r')
      : input.toString();
  const nul = locateCharacter(normalised, '\u0000');
  if (nul !== undefined) {
    const controlId = rawControlId(normalised);
    return rejected(
      messageNumber,
      nul,
      'text.nul',
      'contains a NUL character (byte 0x00), which is not text; the message was not read — correct it at the source',
      'error',
      controlId === '' ? {} : { controlId },
    );
  }
  const problems = checkMessageStructure(normalised);
  const firstProblem = problems[0];
  if (firstProblem !== undefined) {
    const structureErrors = problems.map((p) => ({
      row: messageNumber,
      field: p.field,
      code: p.code,
      message: p.message,
    }));
    if (firstProblem.field.startsWith('MSH')) {
      const controlId = rawControlId(normalised);
      return {
        messageNumber,
        status: 'rejected',
        rows: [{ ok: false, row: messageNumber, errors: structureErrors }],
        skippedDiagnoses: 0,
        errors: structureErrors,
        ...(controlId === '' ? {} : { controlId }),
      };
    }
    // Read what is readable so the report lists every problem, but import nothing from a damaged message:
    // the broken line may have been the fracture diagnosis or the patient.
    const readable = normalised
      .split('\r')
      .filter((_, i) => !problems.some((p) => p.field === `segment ${i + 1}`))
      .join('\r');
    const partial = readAdt(Hl7Message.parse(readable), messageNumber, limits);
    const errors = [...structureErrors, ...partial.errors];
    return {
      ...partial,
      status: partial.status === 'rejected' ? 'rejected' : 'error',
      rows: [{ ok: false, row: messageNumber, errors }],
      errors,
      ...(typeof input === 'string' ? {} : { message: input }),
    };
  }
  const message = typeof input === 'string' ? Hl7Message.parse(normalised) : input;
  return readAdt(message, messageNumber, limits);
}

/** "PID-5" for the first `ch` in the message (segments joined by CR), or undefined when there is none. */
function locateCharacter(message: string, ch: string): string | undefined {
  const at = message.indexOf(ch);
  if (at < 0) return undefined;
  const start = message.lastIndexOf('\r', at) + 1;
  const segment = message.slice(start, at);
  const separator = message.charAt(3) || '|';
  const name = segment.slice(0, 3);
  const position = segment.split(separator).length - 1;
  // MSH-1 is the separator itself, so MSH fields are counted one further.
  return `${name}-${name === 'MSH' ? position + 1 : position}`;
}

/** MSH-10 read by hand when the encoding characters are too broken for the library. */
export function rawControlId(raw: string): string {
  if (!raw.startsWith('MSH')) return '';
  const separator = raw.charAt(3);
  if (separator === '' || /[A-Za-z0-9\s]/.test(separator)) return '';
  const header = raw.split('\r')[0] ?? '';
  return (header.split(separator)[9] ?? '').trim();
}

function readAdt(message: Hl7Message, messageNumber: number, limits: DateLimits): AdtMessageResult {
  const msh = message.getSegment('MSH');
  const controlId = text(msh, 10);
  const messageCode = text(msh, 9, 1);
  const event = text(msh, 9, 2);
  const messageType = `${messageCode}^${event}`;
  const known = { message, messageType, ...(controlId === '' ? {} : { controlId }) };
  if (messageCode !== 'ADT') {
    return rejected(
      messageNumber,
      'MSH-9',
      'hl7.unsupportedMessageType',
      `message type ${messageType} is not supported; send ADT^A01, ADT^A04 or ADT^A08`,
      'rejected',
      known,
    );
  }
  if (!(SUPPORTED_ADT_EVENTS as readonly string[]).includes(event)) {
    return rejected(
      messageNumber,
      'MSH-9',
      'hl7.unsupportedEvent',
      `event ${event === '' ? '(empty)' : event} is not supported; only A01, A04 and A08 carry new fractures`,
      'rejected',
      known,
    );
  }
  const version = text(msh, 12);
  if (!version.startsWith('2.')) {
    return rejected(
      messageNumber,
      'MSH-12',
      'hl7.version',
      `HL7 version "${version}" is not supported; send v2.3 to v2.5.1`,
      'rejected',
      known,
    );
  }
  if (controlId === '') {
    return rejected(
      messageNumber,
      'MSH-10',
      'hl7.controlId',
      'the message control ID is empty, so the message cannot be acknowledged',
      'rejected',
      known,
    );
  }
  const pid = message.getSegment('PID');
  if (pid === undefined) {
    return rejected(
      messageNumber,
      'PID',
      'hl7.missingSegment',
      'the message has no PID segment',
      'error',
      known,
    );
  }

  const pv1 = message.getSegment('PV1');
  const diagnoses = segmentsNamed(message, 'DG1');
  const fractureDiagnoses: { segment: Hl7Segment; ordinal: number; coded: CodedDiagnosis }[] = [];
  let skippedDiagnoses = 0;
  let boneMetastasis = false;
  diagnoses.forEach((segment, i) => {
    const coded = readDiagnosis(segment);
    if (coded.metastasis) boneMetastasis = true;
    if (coded.fracture) fractureDiagnoses.push({ segment, ordinal: i + 1, coded });
    else skippedDiagnoses++;
  });

  const systemName = text(msh, 4) || text(msh, 3);
  const recordedAt = readRecordedAt(message);

  // Most ADT traffic concerns patients without a fracture: acknowledge those without judging their data.
  // An update (A08) may concern a patient Osteopad knows; when its PID reads cleanly and it says when it
  // was recorded, it is handed on, and the import applies it only to a known patient.
  if (fractureDiagnoses.length === 0) {
    const accepted: AdtMessageResult = {
      messageNumber,
      status: 'accepted',
      rows: [],
      skippedDiagnoses,
      errors: [],
      ...known,
    };
    // Only an update (A08) dates new details; a death is news in any message.
    const datesDetails = event === 'A08' && recordedAt.instant !== undefined;
    if (!datesDetails && !reportsDeath(pid)) return accepted;
    const problems = new RowProblems(messageNumber);
    const patient = readPatient(message, pid, problems);
    if (patient === undefined || problems.hasErrors) return accepted;
    const source: PatientUpdate['source'] = { format: 'hl7v2', row: messageNumber };
    if (systemName !== '') source.system = systemName;
    if (datesDetails && recordedAt.instant !== undefined) patient.recordedAt = recordedAt.instant;
    return { ...accepted, patientUpdate: { kind: 'patientUpdate', source, patient } };
  }

  const rows: ParsedRow[] = [];
  for (const diagnosis of fractureDiagnoses) {
    const problems = new RowProblems(messageNumber);
    if (!SUPPORTED_VERSIONS.has(version)) {
      problems.warn('MSH-12', 'hl7.version', `HL7 version ${version} was read with the v2.5 field layout`);
    }
    if (recordedAt.warning !== undefined)
      problems.warn(recordedAt.warning.field, 'hl7.timestamp', recordedAt.warning.message);
    const patient = readPatient(message, pid, problems);
    if (patient !== undefined && recordedAt.instant !== undefined) patient.recordedAt = recordedAt.instant;
    const fracture = readFracture(diagnosis, pv1, boneMetastasis, problems);
    if (patient !== undefined && fracture !== undefined) {
      checkDatePlausibility(
        patient.birthDate,
        fracture.date,
        limits,
        { birth: 'PID-7', fracture: `DG1[${diagnosis.ordinal}]-5` },
        problems,
      );
    }
    if (problems.hasErrors || patient === undefined || fracture === undefined) {
      rows.push({ ok: false, row: messageNumber, errors: problems.errors });
      continue;
    }
    const record: FractureRegistration = {
      source: { format: 'hl7v2', row: messageNumber },
      patient,
      fracture,
    };
    if (systemName !== '') record.source.system = systemName;
    rows.push({ ok: true, record, warnings: problems.warnings });
  }
  const errors = rows.flatMap((r) => (r.ok ? [] : r.errors));
  return {
    messageNumber,
    status: errors.length > 0 ? 'error' : 'accepted',
    rows: foldSameInjury(rows, () => 'DG1'),
    skippedDiagnoses,
    errors,
    ...known,
  };
}

/**
 * When the sender recorded the message's content: EVN-2 (recorded date/time), else MSH-7 (message date/time).
 * An unreadable timestamp is a warning, not an error: the fracture still counts, the details just cannot
 * update a known patient.
 */
function readRecordedAt(message: Hl7Message): {
  instant?: string;
  warning?: { field: string; message: string };
} {
  for (const [segment, field, name] of [
    [message.getSegment('EVN'), 2, 'EVN-2'],
    [message.getSegment('MSH'), 7, 'MSH-7'],
  ] as const) {
    const raw = text(segment, field);
    if (raw === '') continue;
    const parsed = parseHl7Timestamp(raw);
    if (parsed.ok) return { instant: parsed.instant };
    return {
      warning: { field: name, message: `${parsed.message}; the patient's details are not updated from it` },
    };
  }
  return {};
}

// ---------------------------------------------------------------------------------------------- diagnoses

interface CodedDiagnosis {
  fracture: boolean;
  metastasis: boolean;
  icd10?: string;
  snomed?: string;
  description: string;
  /** Every code of DG1-3 as sent (identifier and alternate identifier), its system named as Osteopad stores it. */
  codes: SourceCode[];
}

function storedSystem(system: string, code: string): string {
  const normalised = normaliseSystem(system);
  if (ICD10_SYSTEMS.has(normalised) || (system === '' && parseIcd10Code(code) !== null)) return 'icd10';
  if (SNOMED_SYSTEMS.has(normalised)) return 'snomed';
  return system === '' ? 'unknown' : system;
}

/** DG1-3 (code^text^system^altCode^altText^altSystem); DG1-2 is the v2.3 coding method; DG1-4 the description. */
function readDiagnosis(segment: Hl7Segment): CodedDiagnosis {
  const [dg13] = repetitions(segment, 3);
  const legacySystem = text(segment, 2);
  const description = [component(dg13, 2), component(dg13, 5), text(segment, 4)]
    .map((t) => unescapeHl7(t, segment.context))
    .filter((t) => t !== '')
    .join(' ');
  const pairs = [
    {
      code: component(dg13, 1).trim(),
      system: component(dg13, 3).trim() || legacySystem,
      display: unescapeHl7(component(dg13, 2), segment.context).trim(),
    },
    {
      code: component(dg13, 4).trim(),
      system: component(dg13, 6).trim(),
      display: unescapeHl7(component(dg13, 5), segment.context).trim(),
    },
  ].filter((p) => p.code !== '');
  const codes = pairs.map(({ code, system, display }) => ({
    system: storedSystem(system, code),
    code,
    ...(display === '' ? {} : { display }),
  }));
  const result: CodedDiagnosis = { fracture: false, metastasis: false, description, codes };
  for (const { code, system } of pairs) {
    const normalisedSystem = normaliseSystem(system);
    const looksIcd10 =
      ICD10_SYSTEMS.has(normalisedSystem) || (system === '' && parseIcd10Code(code) !== null);
    if (looksIcd10 && result.icd10 === undefined) {
      const parsed = parseIcd10Code(code);
      if (parsed === null) continue;
      if (isBoneMetastasisCode(parsed.code)) {
        result.metastasis = true;
        continue;
      }
      if (mapIcd10ToSite(parsed.code) !== null) {
        result.icd10 = parsed.code;
        result.fracture = true;
      }
    } else if (SNOMED_SYSTEMS.has(normalisedSystem) && result.snomed === undefined) {
      if (mapSnomedToSite(code) !== null) {
        result.snomed = code;
        result.fracture = true;
      }
    }
  }
  // A fracture coded in a system we do not map (or not in our SNOMED table) is still a fracture.
  if (!result.fracture && !result.metastasis && description !== '' && mentionsFracture(description))
    result.fracture = true;
  return result;
}

function readFracture(
  diagnosis: { segment: Hl7Segment; ordinal: number; coded: CodedDiagnosis },
  pv1: Hl7Segment | undefined,
  boneMetastasis: boolean,
  problems: RowProblems,
): ImportedFracture | undefined {
  const { segment, ordinal, coded } = diagnosis;
  const dateField = `DG1[${ordinal}]-5`;
  let date: string | undefined;
  const rawDate = text(segment, 5);
  if (rawDate !== '') {
    const parsed = parseHl7Date(rawDate);
    if (parsed.ok) date = parsed.date;
    else problems.error(dateField, parsed.code, parsed.message);
  } else {
    const admitted = text(pv1, 44);
    const parsed = admitted === '' ? undefined : parseHl7Date(admitted);
    if (parsed?.ok === true) {
      date = parsed.date;
      problems.warn(
        dateField,
        'fracture.dateFromAdmission',
        `no diagnosis date; the admission date PV1-44 (${parsed.date}) is used as fracture date`,
      );
    } else {
      problems.error(
        dateField,
        'field.required',
        'the diagnosis date (DG1-5) is empty and PV1-44 has no admission date: the fracture date is unknown',
      );
    }
  }

  let mapping = coded.icd10 === undefined ? null : mapIcd10ToSite(coded.icd10);
  if (mapping === null && coded.snomed !== undefined) mapping = mapSnomedToSite(coded.snomed);
  if (mapping === null || mapping.siteCode === null) {
    const fromText = coded.description === '' ? null : matchSiteText(coded.description);
    if (fromText !== null && fromText.siteCode !== null)
      mapping = { ...fromText, ...(mapping?.pathological === true ? { pathological: true } : {}) };
  }
  const siteCode = mapping?.siteCode ?? null;
  if (siteCode === null) {
    problems.warn(
      `DG1[${ordinal}]-3`,
      'site.unresolved',
      'the fracture site was not recognised or is ambiguous; the case goes to manual review',
    );
  }
  const pathological: boolean | null = mapping?.pathological === true ? true : null;
  if (pathological === null && boneMetastasis) {
    problems.warn(
      `DG1[${ordinal}]-3`,
      'pathological.possible',
      'the message also codes a bone metastasis (C79.5); check whether this fracture is pathological',
    );
  }
  if (date === undefined) return undefined;
  const fracture: ImportedFracture = {
    date,
    siteCode,
    encounterType: encounterFromPatientClass(text(pv1, 2), problems),
    traumaMechanism: 'unknown',
    pathological,
  };
  if (coded.description !== '') fracture.siteText = coded.description;
  if (coded.icd10 !== undefined) fracture.icd10Code = coded.icd10;
  if (coded.snomed !== undefined) fracture.snomedCode = coded.snomed;
  if (coded.codes.length > 0) fracture.sourceCodes = coded.codes;
  const diagnosisId = text(segment, 20);
  if (diagnosisId !== '') fracture.sourceFractureId = diagnosisId;
  return fracture;
}

function encounterFromPatientClass(patientClass: string, problems: RowProblems): EncounterType {
  switch (patientClass.toUpperCase()) {
    case 'E':
      return 'emergency';
    case 'O':
      return 'outpatient';
    case 'I':
      return 'inpatient';
    case '':
    case 'U':
    case 'N':
      return 'unknown';
    default:
      problems.warn(
        'PV1-2',
        'encounterType.value',
        `patient class "${patientClass}" is not E, O or I; encounter type recorded as unknown`,
      );
      return 'unknown';
  }
}

// ---------------------------------------------------------------------------------------------- patient

function sexFromHl7(code: string): Sex | undefined {
  switch (code.toUpperCase()) {
    case 'F':
      return 'female';
    case 'M':
      return 'male';
    case 'O':
    case 'A':
      return 'other';
    case 'U':
    case 'N':
    case '':
      return 'unknown';
    default:
      return undefined;
  }
}

function readIdentifiers(
  pid: Hl7Segment,
  msh: Hl7Segment | undefined,
  patient: Partial<ImportedPatient>,
  problems: RowProblems,
): void {
  const context = pid.context;
  let hospital: { id: string; system: string; preferred: boolean } | undefined;
  for (const cx of repetitions(pid, 3)) {
    const id = unescapeHl7(component(cx, 1), context).trim();
    if (id === '') continue;
    const authority = component(cx, 4);
    const namespace = subcomponent(authority, 1, context).trim();
    const universalId = subcomponent(authority, 2, context).trim();
    const type = component(cx, 5).trim().toUpperCase();
    if (
      type === 'NNNLD' ||
      BSN_AUTHORITIES.has(namespace.toUpperCase()) ||
      BSN_AUTHORITIES.has(universalId)
    ) {
      if (patient.bsn === undefined) {
        const bsn = checkBsnField(id, 'PID-3', problems);
        if (bsn !== undefined) patient.bsn = bsn;
      }
      continue;
    }
    const preferred = type === 'PI' || type === 'MR';
    if (hospital === undefined || (preferred && !hospital.preferred)) {
      hospital = { id, system: namespace || universalId || text(msh, 4) || text(msh, 3), preferred };
    }
  }
  if (hospital !== undefined) {
    patient.sourceId = hospital.id;
    if (hospital.system !== '') patient.sourceSystem = hospital.system;
  }
  if (patient.bsn === undefined && patient.sourceId === undefined && !problems.hasErrors) {
    problems.error(
      'PID-3',
      'patient.identifierMissing',
      'PID-3 holds neither a BSN (type NNNLD) nor a hospital patient number',
    );
  }
}

const INITIALS = /^(?:\p{Lu}\.?\s?){1,8}$/u;

function readName(pid: Hl7Segment, patient: Partial<ImportedPatient>, problems: RowProblems): void {
  const names = repetitions(pid, 5);
  const legal = names.find((xpn) => component(xpn, 7) === 'L') ?? names[0];
  const context = pid.context;
  const familyComponent = component(legal, 1);
  const fullSurname = subcomponent(familyComponent, 1, context).trim();
  const prefix = subcomponent(familyComponent, 2, context).trim();
  const ownSurname = subcomponent(familyComponent, 3, context).trim();
  const familyName = unescapeHl7(
    fullSurname || [prefix, ownSurname].filter((p) => p !== '').join(' '),
    context,
  );
  if (familyName === '') {
    problems.error('PID-5', 'field.required', 'the family name (PID-5.1) is empty');
    return;
  }
  patient.familyName = familyName;
  const given = unescapeHl7(component(legal, 2), context).trim();
  const further = unescapeHl7(component(legal, 3), context).trim();
  if (further !== '' && INITIALS.test(further)) patient.initials = further;
  const givenNames = [given, further !== '' && !INITIALS.test(further) ? further : '']
    .filter((g) => g !== '')
    .join(' ');
  if (givenNames !== '') patient.givenNames = givenNames;
}

function readAddress(pid: Hl7Segment): PostalAddress | undefined {
  const addresses = repetitions(pid, 11);
  const home = addresses.find((xad) => component(xad, 7) === 'H') ?? addresses[0];
  if (home === undefined) return undefined;
  const context = pid.context;
  const sad = component(home, 1);
  const streetName = subcomponent(sad, 2, context).trim();
  const number = subcomponent(sad, 3, context).trim();
  const address: PostalAddress = {};
  const street = unescapeHl7(streetName || subcomponent(sad, 1, context).trim(), context);
  if (street !== '') address.street = street;
  const addition = unescapeHl7(component(home, 2), context).trim();
  if (number !== '') address.houseNumber = addition === '' ? number : `${number} ${addition}`;
  const city = unescapeHl7(component(home, 3), context).trim();
  if (city !== '') address.city = city;
  const postalCode = component(home, 5).trim();
  if (postalCode !== '') address.postalCode = postalCode;
  const country = component(home, 6).trim();
  if (country !== '') address.country = country;
  return Object.keys(address).length === 0 ? undefined : address;
}

function readPhone(pid: Hl7Segment): string | undefined {
  const [xtn] = repetitions(pid, 13);
  const phone =
    component(xtn, 1).trim() ||
    component(xtn, 12).trim() ||
    `${component(xtn, 6)}${component(xtn, 7)}`.trim();
  return phone === '' ? undefined : phone;
}

/** XCN: id^family^given^middle^suffix^prefix. An 8-digit id is read as the AGB code. */
function gpFromXcn(
  xcn: Repetition,
  field: string,
  segment: Hl7Segment,
  problems: RowProblems,
): GeneralPractitioner | undefined {
  const context = segment.context;
  const id = component(xcn, 1).trim();
  const name = [component(xcn, 6), component(xcn, 3), subcomponent(component(xcn, 2), 1, context)]
    .map((part) => unescapeHl7(part, context).trim())
    .filter((part) => part !== '')
    .join(' ');
  const gp: GeneralPractitioner = {};
  if (name !== '') gp.name = name;
  if (id !== '') {
    const agb = checkAgbField(id, field, problems);
    if (agb !== undefined) gp.agbCode = agb;
  }
  return Object.keys(gp).length === 0 ? undefined : gp;
}

function readGp(message: Hl7Message, problems: RowProblems): GeneralPractitioner | undefined {
  const pd1 = message.getSegment('PD1');
  const [pd14] = repetitions(pd1, 4);
  let gp: GeneralPractitioner | undefined;
  if (pd1 !== undefined && pd14 !== undefined) gp = gpFromXcn(pd14, 'PD1-4', pd1, problems);
  if (gp === undefined) {
    const rol = segmentsNamed(message, 'ROL').find((segment) => GP_ROLES.has(text(segment, 3).toUpperCase()));
    const [xcn] = repetitions(rol, 4);
    if (rol !== undefined && xcn !== undefined) gp = gpFromXcn(xcn, 'ROL-4', rol, problems);
  }
  const practiceName = text(pd1, 3);
  if (practiceName !== '') gp = { ...gp, practiceName };
  return gp;
}

function readPatient(
  message: Hl7Message,
  pid: Hl7Segment,
  problems: RowProblems,
): ImportedPatient | undefined {
  const draft: Partial<ImportedPatient> = {};
  readIdentifiers(pid, message.getSegment('MSH'), draft, problems);
  readName(pid, draft, problems);
  const rawBirth = text(pid, 7);
  if (rawBirth === '') {
    problems.error('PID-7', 'field.required', 'the birth date is empty');
  } else {
    const birth = parseHl7Date(rawBirth);
    if (birth.ok) draft.birthDate = birth.date;
    else problems.error('PID-7', birth.code, birth.message);
  }
  const rawSex = text(pid, 8);
  const sex = sexFromHl7(rawSex);
  if (sex === undefined)
    problems.error('PID-8', 'sex.value', `"${rawSex}" is not an HL7 sex code (F, M, O, U, A, N)`);
  if (draft.familyName === undefined || draft.birthDate === undefined || sex === undefined) return undefined;

  const patient: ImportedPatient = { familyName: draft.familyName, birthDate: draft.birthDate, sex };
  if (draft.sourceId !== undefined) patient.sourceId = draft.sourceId;
  if (draft.sourceSystem !== undefined) patient.sourceSystem = draft.sourceSystem;
  if (draft.bsn !== undefined) patient.bsn = draft.bsn;
  if (draft.givenNames !== undefined) patient.givenNames = draft.givenNames;
  if (draft.initials !== undefined) patient.initials = draft.initials;
  const address = readAddress(pid);
  if (address !== undefined) patient.address = address;
  const phone = readPhone(pid);
  if (phone !== undefined) patient.phone = phone;
  const gp = readGp(message, problems);
  if (gp !== undefined) patient.gp = gp;
  const deceased = readDeath(pid, problems);
  if (deceased !== undefined) patient.deceased = deceased;
  return patient;
}

/** PID-29 (death date and time) or PID-30 (death indicator Y) say the person has died. */
function reportsDeath(pid: Hl7Segment): boolean {
  return text(pid, 29) !== '' || text(pid, 30).toUpperCase() === 'Y';
}

function readDeath(pid: Hl7Segment, problems: RowProblems): { date?: string } | undefined {
  if (!reportsDeath(pid)) return undefined;
  const raw = text(pid, 29);
  const indicator = text(pid, 30).toUpperCase();
  if (raw === '') return {};
  const parsed = parseHl7Date(raw.slice(0, 8));
  if (!parsed.ok) {
    problems.warn(
      'PID-29',
      'patient.deceasedDate',
      `${parsed.message}; the death is recorded without its date`,
    );
    return {};
  }
  if (indicator === 'N') {
    problems.warn(
      'PID-30',
      'patient.deceasedConflict',
      `PID-30 says "not deceased" but PID-29 gives a date of death (${parsed.date}); the death is recorded`,
    );
  }
  return { date: parsed.date };
}
