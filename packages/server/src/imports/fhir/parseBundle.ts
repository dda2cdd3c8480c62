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
  type ImportedFracture,
  type ImportedPatient,
  type ParsedRow,
  type PostalAddress,
  type Sex,
} from '../types';
import {
  arrayAt,
  describeJsonError,
  isObject,
  objectAt,
  objectsAt,
  stringAt,
  stringsAt,
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
}

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
    entries.push(entry);
    index.add(entry, stringAt(value, 'fullUrl'));
  });

  const system = bundleSourceSystem(json, entries);
  const skipped: SkippedCondition[] = [];
  for (const entry of entries) {
    if (entry.resourceType !== 'Condition') continue;
    const outcome = readCondition(entry, index, limits, system);
    if ('skipped' in outcome)
      skipped.push({ row: entry.index + 1, path: entry.path, reason: outcome.skipped });
    else rows.push(outcome.row);
  }
  rows.sort((a, b) => (a.ok ? a.record.source.row : a.row) - (b.ok ? b.record.source.row : b.row));
  return { bundleType, rows, skipped };
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
  text: string;
  fracture: boolean;
  metastasis: boolean;
}

function readCodes(condition: JsonObject): CodingFacts {
  const code = objectAt(condition, 'code');
  const codings = objectsAt(code, 'coding');
  const displays = [stringAt(code, 'text'), ...codings.map((c) => stringAt(c, 'display'))].filter(
    (t): t is string => t !== undefined && t.trim() !== '',
  );
  const facts: CodingFacts = { mapping: null, text: displays[0] ?? '', fracture: false, metastasis: false };
  for (const coding of codings) {
    const system = stringAt(coding, 'system') ?? '';
    const value = stringAt(coding, 'code')?.trim() ?? '';
    if (value === '') continue;
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
    } else if (system === SNOMED_SYSTEM && facts.snomed === undefined) {
      const mapping = mapSnomedToSite(value);
      if (mapping !== null) {
        facts.snomed = value;
        facts.fracture = true;
        if (facts.mapping === null) facts.mapping = mapping;
      }
    }
  }
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

function readCondition(
  entry: Entry,
  index: BundleIndex,
  limits: DateLimits,
  system: string | undefined,
): { row: ParsedRow } | { skipped: SkippedCondition['reason'] } {
  const condition = entry.resource;
  const verification = statusCode(condition, 'verificationStatus');
  if (verification === 'entered-in-error') return { skipped: 'enteredInError' };
  if (verification === 'refuted') return { skipped: 'refuted' };
  const facts = readCodes(condition);
  if (!facts.fracture) return { skipped: 'notAFracture' };

  const row = entry.index + 1;
  const problems = new RowProblems(row);
  const patientEntry = resolveReference(condition, 'subject', entry, index, 'Patient', problems, true);
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
  if (problems.hasErrors || patient === undefined || fracture === undefined) {
    return { row: { ok: false, row, errors: problems.errors } };
  }
  const record: FractureRegistration = { source: { format: 'fhir', row }, patient, fracture: fracture.value };
  if (system !== undefined) record.source.system = system;
  return { row: { ok: true, record, warnings: problems.warnings } };
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
): AsyncGenerator<ParsedRow, void, undefined> {
  const result = await parseFhirBundleFile(input, options);
  yield* result.rows;
}
