import { queryOptions } from '@tanstack/react-query';
import { api } from './client';
import type { ImportEncoding } from './codes';
import {
  fractureImportSummarySchema,
  importHistorySchema,
  reportImportSummarySchema,
  type FractureImportSummary,
  type ReportImportSummary,
} from './schemas';

export const IMPORT_HISTORY_LIMIT = 20;
export const IMPORT_HISTORY_QUERY_KEY = ['imports'] as const;

/** The server's limit on file names; longer names are cut, not refused. */
const FILE_NAME_MAX = 300;

export type FractureFormat = 'csv' | 'hl7v2' | 'fhir';

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
): Promise<FractureImportSummary> {
  const answer = await api.upload('/api/imports', {
    query: {
      format,
      skipInvalid,
      // Only CSV files have an encoding to choose; HL7 and FHIR declare theirs.
      encoding: format === 'csv' ? encoding : undefined,
      fileName: file.name.slice(0, FILE_NAME_MAX),
    },
    file,
    contentType: CONTENT_TYPES[format],
    schema: fractureImportSummarySchema,
    answerStatuses: SUMMARY_STATUSES,
  });
  return answer.body;
}

export async function uploadReports(
  file: File,
  { encoding, skipInvalid }: UploadSettings,
): Promise<ReportImportSummary> {
  const answer = await api.upload('/api/report-imports', {
    query: { skipInvalid, encoding, fileName: file.name.slice(0, FILE_NAME_MAX) },
    file,
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
