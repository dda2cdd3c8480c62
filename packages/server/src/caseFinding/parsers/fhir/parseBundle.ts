// FHIR R4 Bundle → one registration per fracture Condition, with the Patient (and Encounter) it references.
import { decodeText, REPLACEMENT_CHARACTER } from '../encoding';
import { parseFhirDate, parseFhirInstant } from '../dates';
import {
  isBoneMetastasisCode,
  mapIcd10ToSite,
  mapSnomedToSite,
  matchSiteText,
  mentionsFracture,
  parseIcd10Code,
  type SiteMapping,
} from '../fractureSites';
import {
  checkAgbField,
  checkBsnField,
  checkDatePlausibility,
  dateLimits,
  type DateLimits,
} from '../registrationChecks';
import { RowProblems } from '../rowProblems';
import {
  ImportFileError,
  type EncounterType,
  type FractureRegistration,
  type GeneralPractitioner,
  type ImportItem,
  type ImportRowError,
  type ImportRowWarning,
  type ImportedFracture,
  type ImportedPatient,
  type ParsedRow,
  type PatientUpdate,
  type PostalAddress,
  type Sex,
  type SkippedItem,
  type SourceCode,
} from '../types';
import { foldSameInjury } from '../sameInjury';
import {
  arrayAt,
  describeJsonError,
  findCharacter,
  isObject,
  objectAt,
  objectsAt,
  stringAt,
  stringsAt,
  wrongTypes,
  type JsonKind,
  type JsonObject,
} from './json';

export const BSN_SYSTEMS = new Set([
  'http://fhir.nl/fhir/NamingSystem/bsn',
  'urn:oid:2.16.840.1.113883.2.4.6.3',
]);
export const AGB_SYSTEMS = new Set([
  'http://fhir.nl/fhir/NamingSystem/agb-z',
  'urn:oid:2.16.840.1.113883.2.4.6.1',
]);
/** WHO ICD-10 and the Dutch ICD-10 naming systems. ICD-10-CM (US) is not read: its codes differ below the 4th character. */
export const ICD10_SYSTEMS = new Set([
  'http://hl7.org/fhir/sid/icd-10',
  'http://hl7.org/fhir/sid/icd-10-nl',
  'urn:oid:2.16.840.1.113883.6.3',
  'urn:oid:2.16.840.1.113883.6.3.2',
]);
export const SNOMED_SYSTEM = 'http://snomed.info/sct';
export const ACCEPTED_BUNDLE_TYPES = new Set(['transaction', 'batch', 'collection', 'message', 'searchset']);

export interface FhirImportOptions {
  today: string;
}

export interface SkippedCondition {
  row: number;
  path: string;
  reason: 'notAFracture' | 'enteredInError' | 'refuted';
}

export interface FhirBundleResult {
  bundleType: string;
  rows: ParsedRow[];
  /** Conditions that are not fractures, refuted or entered in error. */
  skipped: SkippedCondition[];
  /** Conditions passed over because elements had the wrong JSON type: each with its warnings. */
  unreadable: SkippedItem[];
  /** Patients without a fracture in the Bundle whose death or dated details may concern a known patient. */
  updates: PatientUpdate[];
}

/** The elements of a Condition this importer reads, with the JSON type FHIR R4 gives them. */
const CONDITION_ELEMENTS = {
  id: 'string',
  code: 'object',
  'code.text': 'string',
  'code.coding[]': 'object',
  'code.coding[].system': 'string',
  'code.coding[].code': 'string',
  'code.coding[].display': 'string',
  subject: 'object',
  'subject.reference': 'string',
  encounter: 'object',
  'encounter.reference': 'string',
  onsetDateTime: 'string',
  onsetPeriod: 'object',
  'onsetPeriod.start': 'string',
  recordedDate: 'string',
  verificationStatus: 'object',
  'verificationStatus.coding[]': 'object',
  'verificationStatus.coding[].code': 'string',
} as const satisfies Record<string, JsonKind>;

const NUL = '\u0000';

interface Entry {
  index: number;
  path: string;
  resource: JsonObject;
  resourceType: string;
}

/** Resolves references the way a FHIR server would inside one Bundle: by fullUrl, or by Type/id. */
class BundleIndex {
  private readonly byKey = new Map<string, Entry>();

  add(entry: Entry, fullUrl: string | undefined): void {
    if (fullUrl !== undefined) this.byKey.set(fullUrl, entry);
    const id = stringAt(entry.resource, 'id');
    if (id !== undefined) this.byKey.set(`${entry.resourceType}/${id}`, entry);
  }

  resolve(reference: string): Entry | undefined {
    const direct = this.byKey.get(reference);
    if (direct !== undefined) return direct;
    // An absolute URL "https://ehr.example/fhir/Patient/12" also matches an entry known as Patient/12.
    const match = /([A-Z][A-Za-z]+\/[A-Za-z0-9\-.]{1,64})(?:\/_history\/[^/]+)?$/.exec(reference);
    return match?.[1] === undefined ? undefined : this.byKey.get(match[1]);
  }
}

function parseJson(text: string): unknown {
  if (text.trimStart().startsWith('<')) {
    throw new ImportFileError(
      'fhir.xml',
      'The file is FHIR XML; Osteopad reads FHIR JSON only. Export the Bundle as JSON (application/fhir+json).',
    );
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new ImportFileError(
      'fhir.invalidJson',
      `The file is not valid JSON: ${describeJsonError(error, text)}.`,
    );
  }
}

export function parseFhirBundle(input: unknown, options: FhirImportOptions): FhirBundleResult {
  const limits = dateLimits(options.today);
  const json: unknown = typeof input === 'string' ? parseJson(input.replace(/^\uFEFF/, '')) : input;
  if (!isObject(json))
    throw new ImportFileError(
      'fhir.notBundle',
      'The JSON is not a FHIR resource (expected an object with resourceType "Bundle").',
    );
  const resourceType = stringAt(json, 'resourceType');
  if (resourceType !== 'Bundle') {
    throw new ImportFileError(
      'fhir.notBundle',
      `resourceType is ${resourceType === undefined ? 'missing' : `"${resourceType}"`}; expected a Bundle.`,
      ['Bundle.resourceType'],
    );
  }
  const bundleType = stringAt(json, 'type') ?? '';
  if (!ACCEPTED_BUNDLE_TYPES.has(bundleType)) {
    throw new ImportFileError(
      'fhir.bundleType',
      `Bundle.type "${bundleType}" is not supported; use transaction, batch, collection, message or searchset.`,
      ['Bundle.type'],
    );
  }
  const rawEntries = json.entry;
  if (rawEntries !== undefined && !Array.isArray(rawEntries)) {
    throw new ImportFileError('fhir.entries', 'Bundle.entry is not an array.', ['Bundle.entry']);
  }
  const entryValues: readonly unknown[] = Array.isArray(rawEntries) ? (rawEntries as readonly unknown[]) : [];
  if (entryValues.length === 0)
    throw new ImportFileError('fhir.noEntries', 'The Bundle has no entries.', ['Bundle.entry']);

  const index = new BundleIndex();
  const entries: Entry[] = [];
  const rows: ParsedRow[] = [];
  /** Entries with a NUL character: refused themselves, and so is every fracture that needs them. */
  const unreadableEntries = new Set<Entry>();
  entryValues.forEach((value, i) => {
    const path = `Bundle.entry[${i}]`;
    const resource = isObject(value) ? objectAt(value, 'resource') : undefined;
    const method = isObject(value) ? stringAt(objectAt(value, 'request'), 'method') : undefined;
    if (method === 'DELETE') return;
    const type = stringAt(resource, 'resourceType');
    if (!isObject(value) || resource === undefined || type === undefined) {
      rows.push({
        ok: false,
        row: i + 1,
        errors: [
          {
            row: i + 1,
            field: `${path}.resource`,
            code: 'fhir.entryWithoutResource',
            message: 'the entry has no resource with a resourceType',
          },
        ],
      });
      return;
    }
    const entry: Entry = { index: i, path: `${path}.resource`, resource, resourceType: type };
    const nulAt = findCharacter(resource, entry.path, NUL);
    if (nulAt !== undefined) {
      unreadableEntries.add(entry);
      rows.push({ ok: false, row: i + 1, errors: [nulError(i + 1, nulAt)] });
    }
    entries.push(entry);
    index.add(entry, stringAt(value, 'fullUrl'));
  });

  const system = bundleSourceSystem(json, entries);
  const skipped: SkippedCondition[] = [];
  const unreadable: SkippedItem[] = [];
  /** Patients some fracture Condition refers to (whether or not it could be read). */
  const withFracture = new Set<Entry>();
  for (const entry of entries) {
    if (entry.resourceType !== 'Condition' || unreadableEntries.has(entry)) continue;
    const outcome = readCondition(entry, index, limits, system, unreadableEntries);
    if (outcome.patient !== undefined) withFracture.add(outcome.patient);
    if ('skipped' in outcome) {
      skipped.push({ row: entry.index + 1, path: entry.path, reason: outcome.skipped });
      if (outcome.typeWarnings.length > 0)
        unreadable.push({ kind: 'skipped', row: entry.index + 1, warnings: outcome.typeWarnings });
    } else rows.push(outcome.row);
  }
  rows.sort((a, b) => (a.ok ? a.record.source.row : a.row) - (b.ok ? b.record.source.row : b.row));
  const updates = entries.flatMap((entry) =>
    entry.resourceType !== 'Patient' || withFracture.has(entry) || unreadableEntries.has(entry)
      ? []
      : patientUpdateFrom(entry, index, system),
  );
  const folded = foldSameInjury(rows, (row) => `Bundle.entry[${row.record.source.row - 1}].resource.code`);
  return { bundleType, rows: folded, skipped, unreadable, updates };
}

function nulError(row: number, field: string): ImportRowError {
  return {
    row,
    field,
    code: 'text.nul',
    message:
      'contains a NUL character (\\u0000), which is not text; the entry was not read — correct it at the source',
  };
}

/**
 * A Patient that no fracture in the Bundle refers to: news for a patient Osteopad may know — a death, or
 * details dated by meta.lastUpdated. One that cannot be read is ignored, as for HL7: it is no registration.
 */
function patientUpdateFrom(entry: Entry, index: BundleIndex, system: string | undefined): PatientUpdate[] {
  const problems = new RowProblems(entry.index + 1);
  const patient = readPatient(entry, index, problems);
  if (patient === undefined || problems.hasErrors) return [];
  if (patient.deceased === undefined && patient.recordedAt === undefined) return [];
  const source: PatientUpdate['source'] = { format: 'fhir', row: entry.index + 1 };
  if (system !== undefined) source.system = system;
  return [{ kind: 'patientUpdate', source, patient }];
}

function bundleSourceSystem(bundle: JsonObject, entries: readonly Entry[]): string | undefined {
  const metaSource = stringAt(objectAt(bundle, 'meta'), 'source');
  if (metaSource !== undefined) return metaSource;
  const header = entries.find((e) => e.resourceType === 'MessageHeader');
  return stringAt(objectAt(header?.resource, 'source'), 'endpoint');
}

// ---------------------------------------------------------------------------------------------- Condition

interface CodingFacts {
  mapping: SiteMapping | null;
  icd10?: string;
  snomed?: string;
  /** SNOMED CT codes that are not in the fracture-site table (stored, and warned about). */
  unmappedSnomed: string[];
  codes: SourceCode[];
  text: string;
  fracture: boolean;
  metastasis: boolean;
}

function storedSystem(system: string): string {
  if (ICD10_SYSTEMS.has(system)) return 'icd10';
  if (system === SNOMED_SYSTEM) return 'snomed';
  return system === '' ? 'unknown' : system;
}

function readCodes(condition: JsonObject): CodingFacts {
  const code = objectAt(condition, 'code');
  const codings = objectsAt(code, 'coding');
  const displays = [stringAt(code, 'text'), ...codings.map((c) => stringAt(c, 'display'))].filter(
    (t): t is string => t !== undefined && t.trim() !== '',
  );
  const facts: CodingFacts = {
    mapping: null,
    text: displays[0] ?? '',
    fracture: false,
    metastasis: false,
    unmappedSnomed: [],
    codes: [],
  };
  for (const coding of codings) {
    const system = stringAt(coding, 'system') ?? '';
    const value = stringAt(coding, 'code')?.trim() ?? '';
    if (value === '') continue;
    const display = stringAt(coding, 'display')?.trim() ?? '';
    facts.codes.push({ system: storedSystem(system), code: value, ...(display === '' ? {} : { display }) });
    if (ICD10_SYSTEMS.has(system) && facts.icd10 === undefined) {
      const parsed = parseIcd10Code(value);
      if (parsed === null) continue;
      if (isBoneMetastasisCode(parsed.code)) {
        facts.metastasis = true;
        continue;
      }
      const mapping = mapIcd10ToSite(parsed.code);
      if (mapping !== null) {
        facts.icd10 = parsed.code;
        facts.fracture = true;
        if (facts.mapping === null || facts.mapping.siteCode === null) facts.mapping = mapping;
      }
    } else if (system === SNOMED_SYSTEM) {
      const mapping = mapSnomedToSite(value);
      if (mapping === null) facts.unmappedSnomed.push(value);
      else if (facts.snomed === undefined) {
        facts.snomed = value;
        facts.fracture = true;
        if (facts.mapping === null) facts.mapping = mapping;
      }
    }
  }
  // A fracture named only in the text keeps its SNOMED code, mapped or not.
  facts.snomed ??= facts.unmappedSnomed[0];
  // Unknown SNOMED concepts or local codes: a fracture named in the text is still a fracture.
  if (!facts.fracture && !facts.metastasis && displays.some(mentionsFracture)) facts.fracture = true;
  if (facts.fracture && (facts.mapping === null || facts.mapping.siteCode === null)) {
    const fromText = displays.map(matchSiteText).find((m) => m !== null && m.siteCode !== null);
    if (fromText !== undefined && fromText !== null) {
      facts.mapping = facts.mapping?.pathological === true ? { ...fromText, pathological: true } : fromText;
    }
  }
  return facts;
}

function statusCode(condition: JsonObject, key: string): string | undefined {
  return stringAt(objectsAt(objectAt(condition, key), 'coding')[0], 'code');
}

type ConditionOutcome = (
  { row: ParsedRow } | { skipped: SkippedCondition['reason']; typeWarnings: ImportRowWarning[] }
) & { patient?: Entry };

function readCondition(
  entry: Entry,
  index: BundleIndex,
  limits: DateLimits,
  system: string | undefined,
  unreadableEntries: ReadonlySet<Entry>,
): ConditionOutcome {
  const condition = entry.resource;
  const row = entry.index + 1;
  // An element of the wrong type reads as absent; say so, whether the Condition is then taken or not.
  const typeWarnings: ImportRowWarning[] = wrongTypes(condition, entry.path, CONDITION_ELEMENTS).map((p) => ({
    row,
    field: p.field,
    code: 'fhir.wrongType',
    message: `${p.message}; it was read as absent`,
  }));
  const verification = statusCode(condition, 'verificationStatus');
  if (verification === 'entered-in-error') return { skipped: 'enteredInError', typeWarnings };
  if (verification === 'refuted') return { skipped: 'refuted', typeWarnings };
  const facts = readCodes(condition);
  if (!facts.fracture) return { skipped: 'notAFracture', typeWarnings };

  const problems = new RowProblems(row);
  for (const w of typeWarnings) problems.warn(w.field, w.code, w.message);
  const patientEntry = resolveReference(condition, 'subject', entry, index, 'Patient', problems, true);
  if (patientEntry !== undefined && unreadableEntries.has(patientEntry)) {
    problems.error(
      `${entry.path}.subject.reference`,
      'fhir.unreadableReference',
      `the Patient it refers to (entry ${patientEntry.index + 1}) cannot be read`,
    );
    return { row: { ok: false, row, errors: problems.errors }, patient: patientEntry };
  }
  for (const code of facts.unmappedSnomed) {
    problems.warn(
      `${entry.path}.code`,
      'snomed.unmapped',
      `SNOMED CT ${code} is not in the fracture-site table`,
    );
  }
  const patient = patientEntry === undefined ? undefined : readPatient(patientEntry, index, problems);
  const fracture = readFracture(entry, facts, index, problems);
  if (patient !== undefined && fracture !== undefined && patientEntry !== undefined) {
    checkDatePlausibility(
      patient.birthDate,
      fracture.value.date,
      limits,
      { birth: `${patientEntry.path}.birthDate`, fracture: fracture.dateField },
      problems,
    );
  }
  const referred = patientEntry === undefined ? {} : { patient: patientEntry };
  if (problems.hasErrors || patient === undefined || fracture === undefined) {
    return { row: { ok: false, row, errors: problems.errors }, ...referred };
  }
  const record: FractureRegistration = { source: { format: 'fhir', row }, patient, fracture: fracture.value };
  if (system !== undefined) record.source.system = system;
  return { row: { ok: true, record, warnings: problems.warnings }, ...referred };
}

function resolveReference(
  resource: JsonObject,
  key: string,
  entry: Entry,
  index: BundleIndex,
  expectedType: string,
  problems: RowProblems,
  required: boolean,
): Entry | undefined {
  const path = `${entry.path}.${key}.reference`;
  const reference = stringAt(objectAt(resource, key), 'reference');
  if (reference === undefined) {
    if (required)
      problems.error(
        path,
        'fhir.missingReference',
        `the Condition has no ${key} reference to a ${expectedType}`,
      );
    return undefined;
  }
  const target = index.resolve(reference);
  if (target === undefined) {
    if (required)
      problems.error(
        path,
        'fhir.danglingReference',
        `"${reference}" does not resolve to an entry of this Bundle`,
      );
    else
      problems.warn(
        path,
        'fhir.danglingReference',
        `"${reference}" does not resolve to an entry of this Bundle; ignored`,
      );
    return undefined;
  }
  if (target.resourceType !== expectedType) {
    problems.error(
      path,
      'fhir.referenceType',
      `"${reference}" is a ${target.resourceType}, expected a ${expectedType}`,
    );
    return undefined;
  }
  return target;
}

function readFracture(
  entry: Entry,
  facts: CodingFacts,
  index: BundleIndex,
  problems: RowProblems,
): { value: ImportedFracture; dateField: string } | undefined {
  const condition = entry.resource;
  let dateField = `${entry.path}.onsetDateTime`;
  let rawDate = stringAt(condition, 'onsetDateTime');
  if (rawDate === undefined) {
    const periodStart = stringAt(objectAt(condition, 'onsetPeriod'), 'start');
    if (periodStart !== undefined) {
      rawDate = periodStart;
      dateField = `${entry.path}.onsetPeriod.start`;
    }
  }
  if (rawDate === undefined) {
    const recorded = stringAt(condition, 'recordedDate');
    if (recorded !== undefined) {
      rawDate = recorded;
      dateField = `${entry.path}.recordedDate`;
      problems.warn(
        dateField,
        'fracture.dateFromRecordedDate',
        'no onsetDateTime; the date the condition was recorded is used as fracture date',
      );
    }
  }
  let date: string | undefined;
  if (rawDate === undefined) {
    problems.error(
      `${entry.path}.onset[x]`,
      'field.required',
      'the Condition has no onsetDateTime, onsetPeriod.start or recordedDate: the fracture date is unknown',
    );
  } else {
    const parsed = parseFhirDate(rawDate);
    if (parsed.ok) date = parsed.date;
    else problems.error(dateField, parsed.code, parsed.message);
  }
  const siteCode = facts.mapping?.siteCode ?? null;
  if (siteCode === null) {
    problems.warn(
      `${entry.path}.code`,
      'site.unresolved',
      'the fracture site was not recognised or is ambiguous; the case goes to manual review',
    );
  }
  if (date === undefined) return undefined;
  const fracture: ImportedFracture = {
    date,
    siteCode,
    encounterType: readEncounterType(entry, index, problems),
    traumaMechanism: 'unknown',
    pathological: facts.mapping?.pathological === true ? true : null,
  };
  if (facts.text !== '') fracture.siteText = facts.text;
  if (facts.icd10 !== undefined) fracture.icd10Code = facts.icd10;
  if (facts.snomed !== undefined) fracture.snomedCode = facts.snomed;
  if (facts.codes.length > 0) fracture.sourceCodes = facts.codes;
  const id = stringAt(condition, 'id') ?? stringAt(objectsAt(condition, 'identifier')[0], 'value');
  if (id !== undefined) fracture.sourceFractureId = id;
  return { value: fracture, dateField };
}

/** v3 ActCode encounter classes. */
function encounterTypeFromClass(code: string | undefined): EncounterType {
  switch (code) {
    case 'EMER':
      return 'emergency';
    case 'AMB':
      return 'outpatient';
    case 'IMP':
    case 'ACUTE':
    case 'NONAC':
      return 'inpatient';
    case undefined:
    default:
      return 'unknown';
  }
}

function readEncounterType(entry: Entry, index: BundleIndex, problems: RowProblems): EncounterType {
  const encounter = resolveReference(entry.resource, 'encounter', entry, index, 'Encounter', problems, false);
  if (encounter !== undefined)
    return encounterTypeFromClass(stringAt(objectAt(encounter.resource, 'class'), 'code'));
  return 'unknown';
}

// ---------------------------------------------------------------------------------------------- Patient

const INITIALS = /^(?:\p{Lu}\.?\s?){1,8}$/u;
const EN_QUALIFIER = 'http://hl7.org/fhir/StructureDefinition/iso21090-EN-qualifier';
const ADXP_STREET = 'http://hl7.org/fhir/StructureDefinition/iso21090-ADXP-streetName';
const ADXP_NUMBER = 'http://hl7.org/fhir/StructureDefinition/iso21090-ADXP-houseNumber';

function extensionString(element: JsonObject | undefined, url: string): string | undefined {
  const extension = objectsAt(element, 'extension').find((e) => stringAt(e, 'url') === url);
  return stringAt(extension, 'valueString') ?? stringAt(extension, 'valueCode');
}

function sexFromGender(gender: string | undefined): Sex | undefined {
  switch (gender) {
    case 'female':
      return 'female';
    case 'male':
      return 'male';
    case 'other':
      return 'other';
    case 'unknown':
    case undefined:
      return 'unknown';
    default:
      return undefined;
  }
}

function readPatient(entry: Entry, index: BundleIndex, problems: RowProblems): ImportedPatient | undefined {
  const resource = entry.resource;
  let bsn: string | undefined;
  let local: { value: string; system?: string; preferred: boolean } | undefined;
  objectsAt(resource, 'identifier').forEach((identifier, i) => {
    const system = stringAt(identifier, 'system');
    const value = stringAt(identifier, 'value')?.trim();
    if (value === undefined || value === '') return;
    if (system !== undefined && BSN_SYSTEMS.has(system)) {
      bsn ??= checkBsnField(value, `${entry.path}.identifier[${i}].value`, problems);
      return;
    }
    const typeCode = stringAt(objectsAt(objectAt(identifier, 'type'), 'coding')[0], 'code');
    const preferred =
      typeCode === 'MR' ||
      stringAt(identifier, 'use') === 'usual' ||
      stringAt(identifier, 'use') === 'official';
    if (local === undefined || (preferred && !local.preferred)) {
      local = system === undefined ? { value, preferred } : { value, system, preferred };
    }
  });
  if (bsn === undefined && local === undefined && !problems.hasErrors) {
    problems.error(
      `${entry.path}.identifier`,
      'patient.identifierMissing',
      `the Patient has neither a BSN (${[...BSN_SYSTEMS][0] ?? ''}) nor another identifier`,
    );
  }

  const names = objectsAt(resource, 'name');
  const nameIndex = Math.max(
    0,
    names.findIndex((n) => stringAt(n, 'use') === 'official'),
  );
  const name = names[nameIndex];
  const familyName = stringAt(name, 'family')?.trim() ?? '';
  if (familyName === '')
    problems.error(
      `${entry.path}.name[${nameIndex}].family`,
      'field.required',
      'the Patient has no family name',
    );

  const rawBirth = stringAt(resource, 'birthDate');
  let birthDate: string | undefined;
  if (rawBirth === undefined) {
    problems.error(`${entry.path}.birthDate`, 'field.required', 'the Patient has no birthDate');
  } else {
    const parsed = parseFhirDate(rawBirth);
    if (parsed.ok) birthDate = parsed.date;
    else problems.error(`${entry.path}.birthDate`, parsed.code, parsed.message);
  }
  const gender = stringAt(resource, 'gender');
  const sex = sexFromGender(gender);
  if (sex === undefined)
    problems.error(
      `${entry.path}.gender`,
      'sex.value',
      `"${String(gender)}" is not a FHIR administrative gender`,
    );
  if (familyName === '' || birthDate === undefined || sex === undefined) return undefined;

  const patient: ImportedPatient = { familyName, birthDate, sex };
  if (bsn !== undefined) patient.bsn = bsn;
  if (local !== undefined) {
    patient.sourceId = local.value;
    if (local.system !== undefined) patient.sourceSystem = local.system;
  }
  const given = stringsAt(name, 'given');
  // _given runs parallel to given and holds null where a name part has no extensions: keep the positions.
  const givenElements = arrayAt(name, '_given');
  const initials: string[] = [];
  const givenNames: string[] = [];
  given.forEach((part, i) => {
    const element = givenElements[i];
    const qualifier = extensionString(isObject(element) ? element : undefined, EN_QUALIFIER);
    if (qualifier === 'IN' || (qualifier === undefined && INITIALS.test(part))) initials.push(part.trim());
    else givenNames.push(part.trim());
  });
  if (givenNames.length > 0) patient.givenNames = givenNames.join(' ');
  if (initials.length > 0) patient.initials = initials.join(' ');
  const address = readAddress(resource);
  if (address !== undefined) patient.address = address;
  const phone = objectsAt(resource, 'telecom').find((t) => stringAt(t, 'system') === 'phone');
  const phoneValue = stringAt(phone, 'value')?.trim();
  if (phoneValue !== undefined && phoneValue !== '') patient.phone = phoneValue;
  const gp = readGeneralPractitioner(entry, index, problems);
  if (gp !== undefined) patient.gp = gp;
  const deceased = readDeath(entry, problems);
  if (deceased !== undefined) patient.deceased = deceased;
  // When the server last changed the Patient: the moment these details were true (docs/IMPORT.md §2).
  const lastUpdated = stringAt(objectAt(resource, 'meta'), 'lastUpdated');
  if (lastUpdated !== undefined) {
    const parsed = parseFhirInstant(lastUpdated);
    if (parsed.ok) patient.recordedAt = parsed.instant;
    else
      problems.warn(
        `${entry.path}.meta.lastUpdated`,
        'fhir.lastUpdated',
        `${parsed.message}; the patient's details are not updated from it`,
      );
  }
  return patient;
}

/** Patient.deceasedBoolean or Patient.deceasedDateTime (the date part is kept). */
function readDeath(entry: Entry, problems: RowProblems): { date?: string } | undefined {
  const resource = entry.resource;
  const flag = resource.deceasedBoolean;
  const when = resource.deceasedDateTime;
  if (flag !== undefined && typeof flag !== 'boolean') {
    problems.warn(
      `${entry.path}.deceasedBoolean`,
      'fhir.wrongType',
      'is not a boolean; it was read as absent',
    );
  }
  if (when === undefined) return flag === true ? {} : undefined;
  if (typeof when !== 'string') {
    problems.warn(
      `${entry.path}.deceasedDateTime`,
      'fhir.wrongType',
      'is not a string; the death is recorded without its date',
    );
    return {};
  }
  const parsed = parseFhirDate(when.slice(0, 10));
  if (!parsed.ok) {
    problems.warn(
      `${entry.path}.deceasedDateTime`,
      'patient.deceasedDate',
      `${parsed.message}; the death is recorded without its date`,
    );
    return {};
  }
  return { date: parsed.date };
}

function readAddress(patient: JsonObject): PostalAddress | undefined {
  const addresses = objectsAt(patient, 'address');
  const home = addresses.find((a) => stringAt(a, 'use') === 'home') ?? addresses[0];
  if (home === undefined) return undefined;
  const address: PostalAddress = {};
  const firstLineElement = arrayAt(home, '_line')[0];
  const lineElement = isObject(firstLineElement) ? firstLineElement : undefined;
  const street = extensionString(lineElement, ADXP_STREET) ?? stringsAt(home, 'line')[0];
  if (street !== undefined && street.trim() !== '') address.street = street.trim();
  const houseNumber = extensionString(lineElement, ADXP_NUMBER);
  if (houseNumber !== undefined && houseNumber.trim() !== '') address.houseNumber = houseNumber.trim();
  const city = stringAt(home, 'city')?.trim();
  if (city !== undefined && city !== '') address.city = city;
  const postalCode = stringAt(home, 'postalCode')?.trim();
  if (postalCode !== undefined && postalCode !== '') address.postalCode = postalCode;
  const country = stringAt(home, 'country')?.trim();
  if (country !== undefined && country !== '') address.country = country;
  return Object.keys(address).length === 0 ? undefined : address;
}

function humanName(resource: JsonObject | undefined): string | undefined {
  const name = objectsAt(resource, 'name')[0];
  const text = stringAt(name, 'text');
  if (text !== undefined && text.trim() !== '') return text.trim();
  const parts = [
    ...stringsAt(name, 'prefix'),
    ...stringsAt(name, 'given'),
    stringAt(name, 'family') ?? '',
  ].filter((p) => p.trim() !== '');
  return parts.length === 0 ? undefined : parts.join(' ');
}

function agbIdentifier(resource: JsonObject | undefined): string | undefined {
  const identifier = objectsAt(resource, 'identifier').find((i) =>
    AGB_SYSTEMS.has(stringAt(i, 'system') ?? ''),
  );
  return stringAt(identifier, 'value');
}

/**
 * Patient.generalPractitioner: a Practitioner, PractitionerRole or Organization in the Bundle, or a logical
 * reference (identifier + display) to one outside it. Only the practitioner's own AGB code becomes the GP code.
 */
function readGeneralPractitioner(
  entry: Entry,
  index: BundleIndex,
  problems: RowProblems,
): GeneralPractitioner | undefined {
  const gp: GeneralPractitioner = {};
  objectsAt(entry.resource, 'generalPractitioner').forEach((reference, i) => {
    const path = `${entry.path}.generalPractitioner[${i}]`;
    const target = index.resolve(stringAt(reference, 'reference') ?? '');
    let practitioner: JsonObject | undefined;
    let organization: JsonObject | undefined;
    if (target?.resourceType === 'Practitioner') practitioner = target.resource;
    if (target?.resourceType === 'Organization') organization = target.resource;
    if (target?.resourceType === 'PractitionerRole') {
      practitioner = index.resolve(
        stringAt(objectAt(target.resource, 'practitioner'), 'reference') ?? '',
      )?.resource;
      organization = index.resolve(
        stringAt(objectAt(target.resource, 'organization'), 'reference') ?? '',
      )?.resource;
    }
    const display = stringAt(reference, 'display')?.trim();
    const logicalIdentifier = objectAt(reference, 'identifier');
    const logicalAgb = AGB_SYSTEMS.has(stringAt(logicalIdentifier, 'system') ?? '')
      ? stringAt(logicalIdentifier, 'value')
      : undefined;
    const name =
      humanName(practitioner) ??
      (organization === undefined && display !== undefined && display !== '' ? display : undefined);
    if (name !== undefined) gp.name ??= name;
    const agb = agbIdentifier(practitioner) ?? (organization === undefined ? logicalAgb : undefined);
    if (agb !== undefined && gp.agbCode === undefined) {
      const checked = checkAgbField(agb, `${path}.identifier`, problems);
      if (checked !== undefined) gp.agbCode = checked;
    }
    const practiceName =
      stringAt(organization, 'name') ??
      (target === undefined || organization === undefined ? undefined : display);
    if (practiceName !== undefined) gp.practiceName ??= practiceName;
    const practiceAddress = objectsAt(organization, 'address')[0];
    if (practiceAddress !== undefined) {
      const parts = [
        ...stringsAt(practiceAddress, 'line'),
        stringAt(practiceAddress, 'postalCode'),
        stringAt(practiceAddress, 'city'),
      ].filter((p): p is string => p !== undefined && p.trim() !== '');
      if (parts.length > 0) gp.address ??= parts.join(', ');
    }
  });
  return Object.keys(gp).length === 0 ? undefined : gp;
}

// ---------------------------------------------------------------------------------------------- files

export interface FhirFileOptions extends FhirImportOptions {
  /** Bundles are read whole; larger files are refused. */
  maxBytes?: number;
  onProgress?: (bytesRead: number) => void;
}

export const DEFAULT_MAX_FHIR_BYTES = 256 * 1024 * 1024;

/** FHIR JSON is UTF-8 by definition: other encodings are refused rather than guessed. */
export async function parseFhirBundleFile(
  input: AsyncIterable<unknown>,
  options: FhirFileOptions,
): Promise<FhirBundleResult> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_FHIR_BYTES;
  let bytes = 0;
  const decoded = await decodeText(input, {
    encoding: 'utf-8',
    onProgress: (read) => {
      bytes = read;
      options.onProgress?.(read);
    },
  });
  const parts: string[] = [];
  for await (const chunk of decoded.chunks) {
    if (bytes > maxBytes) {
      throw new ImportFileError(
        'fhir.tooLarge',
        `The Bundle is larger than ${maxBytes} bytes; split it into smaller Bundles.`,
      );
    }
    parts.push(chunk);
  }
  const text = parts.join('');
  if (text.includes(REPLACEMENT_CHARACTER)) {
    throw new ImportFileError(
      'fhir.encoding',
      'The file is not valid UTF-8; FHIR JSON must be UTF-8 encoded.',
    );
  }
  if (text.trim() === '') throw new ImportFileError('file.empty', 'The file is empty.');
  return parseFhirBundle(text, options);
}

export async function* parseFhirFractures(
  input: AsyncIterable<unknown>,
  options: FhirFileOptions,
): AsyncGenerator<ImportItem, void, undefined> {
  const result = await parseFhirBundleFile(input, options);
  yield* result.rows;
  yield* result.unreadable;
  yield* result.updates;
}
