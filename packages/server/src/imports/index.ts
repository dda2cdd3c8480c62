// Public API of the import parsers: CSV, HL7 v2 ADT, FHIR R4 Bundles and radiology reports. Pure parsing and
// normalisation: no database, no clock (callers pass `today`). See docs/IMPORT.md.
export * from './types';
export { checkBsn, isValidBsn, bsnCheckDigit, type BsnCheck, type BsnErrorCode } from '../patients/bsn';
export { parseCalendarDate, parseHl7Date, parseFhirDate, type DateParse } from './dates';
export { decodeText, type TextEncodingOption, type TextEncoding, type DecodedText } from './encoding';
export {
  ICD10_SITE_RULES,
  SNOMED_SITE_RULES,
  SITE_TEXT_TERMS,
  MUSCULOSKELETAL_REGION_SITES,
  SPINAL_REGION_SITES,
  mapIcd10ToSite,
  mapSnomedToSite,
  mapSiteCode,
  matchSiteText,
  mentionsFracture,
  parseIcd10Code,
  isBoneMetastasisCode,
  type SiteMapping,
  type SiteMatchSource,
  type Icd10SiteRule,
  type SnomedSiteRule,
} from './fractureSites';
export {
  parseCsvFractures,
  parseCsvFractureBatches,
  detectSeparator,
  type CsvImportOptions,
  type CsvFileInfo,
  type CsvSeparator,
} from './csv/parseCsvFractures';
export {
  CSV_COLUMN_SPECS,
  CSV_COLUMNS,
  REQUIRED_CSV_COLUMNS,
  REQUIRED_CSV_COLUMN_GROUPS,
  type CsvColumn,
} from './csv/columns';
export {
  fractureCsvStream,
  fractureCsvChunks,
  writeFractureCsv,
  type FixtureOptions,
} from './csv/generateFixture';
export {
  parseAdtMessage,
  SUPPORTED_ADT_EVENTS,
  type AdtMessageResult,
  type AdtMessageStatus,
  type AdtParseOptions,
} from './hl7v2/parseAdt';
export { parseHl7Messages, parseHl7Fractures, type Hl7FileOptions } from './hl7v2/parseHl7File';
export { splitHl7Messages, readHl7Messages, type RawHl7Message } from './hl7v2/splitMessages';
export {
  buildAck,
  buildAckForResult,
  ackCodeFor,
  formatHl7Timestamp,
  type AckCode,
  type AckOptions,
} from './hl7v2/ack';
export {
  parseFhirBundle,
  parseFhirBundleFile,
  parseFhirFractures,
  type FhirBundleResult,
  type FhirImportOptions,
  type FhirFileOptions,
  type SkippedCondition,
} from './fhir/parseBundle';
export {
  scanReportText,
  type ReportScan,
  type VertebralFinding,
  type GenantGrade,
} from './reports/vertebralFindings';
export {
  scanReportFile,
  scanReport,
  parsePatientRef,
  type ScannedReport,
  type ReportScanRow,
  type PatientRef,
  type ReportScanOptions,
} from './reports/scanReports';
