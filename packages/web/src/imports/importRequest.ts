import type { ImportEncoding, UploadKind } from '@osteopad/contract';

export interface ImportRequest {
  kind: UploadKind;
  file: File;
  encoding: ImportEncoding;
  skipInvalid: boolean;
}

/** HL7 v2 and FHIR state their own character set; CSV files and report texts may be either. */
export function hasEncodingChoice(kind: UploadKind): boolean {
  switch (kind) {
    case 'csv':
    case 'reports':
      return true;
    case 'hl7v2':
    case 'fhir':
      return false;
  }
}

/** What the file chooser offers first; any file can still be chosen. */
export function acceptedFiles(kind: UploadKind): string {
  switch (kind) {
    case 'csv':
      return '.csv,.txt,text/csv';
    case 'hl7v2':
      return '.hl7,.txt';
    case 'fhir':
      return '.json,application/json,application/fhir+json';
    case 'reports':
      return '.txt,.csv,.json,text/plain';
  }
}
