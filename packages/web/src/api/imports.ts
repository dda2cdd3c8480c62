import { queryOptions } from '@tanstack/react-query';
import { api } from './client';
import {
  type FractureImportFormat,
  type ImportEncoding,
  fractureImportSummarySchema,
  importHistorySchema,
  reportImportSummarySchema,
  uploadProgressSchema,
  importJobSchema,
  type FractureImportSummary,
  type ImportJob,
  type ReportImportSummary,
  type UploadProgress,
} from '@osteopad/contract';

export const IMPORT_HISTORY_LIMIT = 20;
export const IMPORT_HISTORY_QUERY_KEY = ['imports'] as const;

/** The server's limit on file names; longer names are cut, not refused. */
const FILE_NAME_MAX = 300;

export type FractureFormat = FractureImportFormat;

export interface UploadSettings {
  encoding: ImportEncoding;
  skipInvalid: boolean;
}

const CONTENT_TYPES: Readonly<Record<FractureFormat, string>> = {
  csv: 'text/csv',
  hl7v2: 'application/hl7-v2',
  fhir: 'application/fhir+json',
};

/** A refused import (422) still answers with its summary: which rows were wrong and why. */
const SUMMARY_STATUSES = [422] as const;

export async function uploadFractures(
  file: File,
  format: FractureFormat,
  { encoding, skipInvalid }: UploadSettings,
  /** Lets the screen follow the upload with `uploadProgress` while this request is open. */
  uploadId?: string,
): Promise<FractureImportSummary> {
  const answer = await api.upload('/api/imports', {
    query: {
      format,
      skipInvalid,
      uploadId,
      // Only CSV files have an encoding to choose; HL7 and FHIR declare theirs.
      encoding: format === 'csv' ? encoding : undefined,
    },
    file,
    fileName: file.name.slice(0, FILE_NAME_MAX),
    contentType: CONTENT_TYPES[format],
    schema: fractureImportSummarySchema,
    answerStatuses: SUMMARY_STATUSES,
  });
  return answer.body;
}

/**
 * Sends a large fracture file to be imported by the job queue: the answer comes once the file is
 * spooled, and `importJob` follows the import from there.
 */
export async function queueFractureImport(
  file: File,
  format: FractureFormat,
  { encoding, skipInvalid }: UploadSettings,
): Promise<ImportJob> {
  const answer = await api.upload('/api/import-jobs', {
    query: { format, skipInvalid, encoding: format === 'csv' ? encoding : undefined },
    file,
    fileName: file.name.slice(0, FILE_NAME_MAX),
    contentType: CONTENT_TYPES[format],
    schema: importJobSchema,
  });
  return answer.body;
}

/** Where an import job stands, how far it has read, and its summary once done. */
export function importJob(id: string): Promise<ImportJob> {
  return api.get(`/api/import-jobs/${encodeURIComponent(id)}`, importJobSchema);
}

export async function uploadReports(
  file: File,
  { encoding, skipInvalid }: UploadSettings,
): Promise<ReportImportSummary> {
  const answer = await api.upload('/api/report-imports', {
    query: { skipInvalid, encoding },
    file,
    fileName: file.name.slice(0, FILE_NAME_MAX),
    contentType: 'text/plain',
    schema: reportImportSummarySchema,
    answerStatuses: SUMMARY_STATUSES,
  });
  return answer.body;
}

export const importHistoryQuery = queryOptions({
  queryKey: IMPORT_HISTORY_QUERY_KEY,
  queryFn: () => api.get('/api/imports', importHistorySchema, { limit: IMPORT_HISTORY_LIMIT }),
});

/** Rows and bytes the server has read of an upload still being imported. */
export function uploadProgress(uploadId: string): Promise<UploadProgress> {
  return api.get('/api/imports/progress', uploadProgressSchema, { uploadId });
}

/**
 * A version-4 UUID for an upload. `crypto.randomUUID` exists only on HTTPS pages and localhost;
 * `getRandomValues` everywhere.
 */
export function newUploadId(
  random: (bytes: Uint8Array<ArrayBuffer>) => Uint8Array<ArrayBuffer> = (b) => crypto.getRandomValues(b),
): string {
  const bytes = random(new Uint8Array(16));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
