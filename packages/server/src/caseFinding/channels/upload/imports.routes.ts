import type { Readable } from 'node:stream';
import {
  ADMIN_ROLES,
  fractureImportSummarySchema,
  fractureUploadQuery,
  importHistoryQuery,
  importHistorySchema,
  reportImportSummarySchema,
  reportUploadQuery,
  uploadProgressQuery,
  uploadProgressSchema,
} from '@osteopad/contract';
import type { RouteDeps, TypedApp } from '../../../http/app';
import { requireActor } from '../../../auth/requireActor';
import { subjectOf } from '../../../audit/auditLog';
import { HttpProblem } from '../../../http/problems';
import { conflict, notFound } from '../../../domain/errors';
import { localIsoDate } from '../../../time/localDate';
import { ImportInterrupted, importRegistrations } from '../../pipeline/importRegistrations';
import { guardUploadBody } from './uploadBody';
import { DEFAULT_SOURCE_SYSTEM, parseRegistrations } from '../../pipeline/parseRegistrations';
import { UploadAlreadyRunning, UploadProgressRegistry } from './uploadProgress';
import { scanReportFile } from '../../parsers/reports/scanReports';
import { importReportFindings } from '../../pipeline/importReportFindings';
import { importHistory } from '../../pipeline/importRecord';

/**
 * The uploaded file's name travels in this header (percent-encoded UTF-8), never in the URL: a name such
 * as "fracturen-jansen.csv" may name a patient, and proxies log URLs.
 */
export const FILE_NAME_HEADER = 'x-file-name';

/** The file name from its header, decoded and bounded; the fallback when absent or unreadable. */
export function uploadFileName(header: string | string[] | undefined, fallback: string): string {
  const raw = Array.isArray(header) ? header[0] : header;
  if (raw === undefined || raw.trim() === '') return fallback;
  let name: string;
  try {
    name = decodeURIComponent(raw);
  } catch {
    return fallback;
  }
  const printable = name.replace(/[\p{Cc}\p{Cf}]/gu, '').trim();
  return printable === '' ? fallback : printable.slice(0, 300);
}

/** Uploads are streamed into the import, never held in memory; this caps their size. */
export const MAX_UPLOAD_BYTES = 512 * 1024 * 1024;
export const UPLOAD_TYPES = [
  'application/octet-stream',
  'text/csv',
  'text/plain',
  'application/hl7-v2',
  'application/fhir+json',
];

/** What the uploader is told when the upload itself (not its content) went wrong. */
export function uploadProblem(error: unknown): unknown {
  if (!(error instanceof ImportInterrupted)) return error;
  switch (error.code) {
    case 'upload.tooLarge':
      return new HttpProblem(413, 'upload_too_large', error.message);
    case 'upload.stalled':
      return new HttpProblem(408, 'upload_stalled', error.message);
    default:
      // Nobody is left to read this answer; it keeps the log free of a stack trace.
      return new HttpProblem(400, 'upload_aborted', error.message);
  }
}

/** The raw body an upload route reads as a stream (see `addUploadParser`); 415 when there is none. */
export function uploadedBody(body: unknown): Readable {
  const stream = body as Readable | undefined;
  if (stream === undefined || typeof stream.pipe !== 'function') {
    throw new HttpProblem(
      415,
      'unsupported_media_type',
      `Send the file as the body with one of: ${UPLOAD_TYPES.join(', ')}.`,
    );
  }
  return stream;
}

/** In `scope`, the body of an upload is handed to the route as a stream: a large file never sits in memory. */
export function addUploadParser(scope: TypedApp): void {
  scope.addContentTypeParser(UPLOAD_TYPES, (_request, payload, done) => {
    done(null, payload);
  });
}

export function registerImportRoutes(app: TypedApp, deps: RouteDeps): void {
  const { db, clock, clinicalConfigs, config } = deps;
  const progress = new UploadProgressRegistry(() => clock().getTime());
  void app.register((scope: TypedApp, _options, done) => {
    addUploadParser(scope);
    scope.post(
      '/api/imports',
      {
        config: { access: { roles: ADMIN_ROLES } },
        bodyLimit: MAX_UPLOAD_BYTES,
        schema: {
          summary: 'Import a file of fracture registrations (CSV, HL7 v2 or FHIR)',
          tags: ['imports'],
          description:
            'Upload a fracture-registration file as the raw request body; format and options in the query.',
          querystring: fractureUploadQuery,
          response: { 200: fractureImportSummarySchema, 422: fractureImportSummarySchema },
        },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        const q = request.query;
        const body = uploadedBody(request.body);
        const uploadId = q.uploadId;
        if (uploadId !== undefined) {
          const length = Number(request.headers['content-length']);
          try {
            progress.start(actor, uploadId, Number.isSafeInteger(length) ? length : null);
          } catch (error) {
            if (error instanceof UploadAlreadyRunning)
              throw conflict('upload_running', 'An upload with this uploadId is still running.');
            throw error;
          }
        }
        const report = (change: { rowsRead?: number; bytesRead?: number }): void => {
          if (uploadId !== undefined) progress.update(actor, uploadId, change);
        };
        // Read only as fast as the import writes; an uploader who leaves or stalls stops the import.
        const upload = guardUploadBody(body, reply.raw, {
          maxBytes: MAX_UPLOAD_BYTES,
          idleTimeoutMs: config.uploads.idleTimeoutMs,
        });
        const today = localIsoDate(clock());
        const clinical = await clinicalConfigs.forOrganization(actor.organizationId);
        try {
          const summary = await importRegistrations(
            db,
            parseRegistrations(q.format, upload.chunks, {
              today,
              encoding: q.encoding,
              sourceSystem: q.sourceSystem ?? DEFAULT_SOURCE_SYSTEM,
              onBytes: (bytesRead) => {
                report({ bytesRead });
              },
            }),
            {
              organizationId: actor.organizationId,
              subject: subjectOf(actor),
              format: q.format,
              channel: 'upload',
              fileName: uploadFileName(request.headers[FILE_NAME_HEADER], 'upload'),
              fileSha256: upload.sha256,
              skipInvalid: q.skipInvalid,
              today,
              clock,
              config: clinical,
              onProgress: (rowsRead) => {
                report({ rowsRead });
              },
              signal: upload.signal,
              lockWaitMs: config.uploads.lockWaitMs,
            },
          );
          return await reply.status(summary.status === 'succeeded' ? 200 : 422).send(summary);
        } catch (error) {
          throw uploadProblem(error);
        } finally {
          upload.stop();
          if (uploadId !== undefined) progress.finish(actor, uploadId);
        }
      },
    );

    scope.post(
      '/api/report-imports',
      {
        config: { access: { roles: ADMIN_ROLES } },
        bodyLimit: MAX_UPLOAD_BYTES,
        schema: {
          summary: 'Import radiology reports; vertebral fracture findings go to review',
          tags: ['imports'],
          description:
            'Upload radiology reports (lines "reportId;patient;reportDate;text" or a JSON array) as the raw body; vertebral fracture findings go to the review worklist.',
          querystring: reportUploadQuery,
          response: { 200: reportImportSummarySchema, 422: reportImportSummarySchema },
        },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        const q = request.query;
        const body = uploadedBody(request.body);
        const upload = guardUploadBody(body, reply.raw, {
          maxBytes: MAX_UPLOAD_BYTES,
          idleTimeoutMs: config.uploads.idleTimeoutMs,
        });
        try {
          const summary = await importReportFindings(
            db,
            scanReportFile(upload.chunks, { today: localIsoDate(clock()), encoding: q.encoding }),
            {
              organizationId: actor.organizationId,
              subject: subjectOf(actor),
              fileName: uploadFileName(request.headers[FILE_NAME_HEADER], 'reports'),
              sourceSystem: q.sourceSystem ?? DEFAULT_SOURCE_SYSTEM,
              skipInvalid: q.skipInvalid,
              clock,
              channel: 'upload',
            },
          );
          return await reply.status(summary.status === 'succeeded' ? 200 : 422).send(summary);
        } catch (error) {
          throw uploadProblem(error);
        } finally {
          upload.stop();
        }
      },
    );
    done();
  });

  app.get(
    '/api/imports/progress',
    {
      config: { access: { roles: ADMIN_ROLES } },
      schema: {
        summary: 'How far an upload still running has come',
        tags: ['imports'],
        description:
          'How far an upload sent with this uploadId has come (rows and bytes read); only for the user who sent it.',
        // A query, not a path parameter: an upload is no database row; the registry only answers the
        // user who started it.
        querystring: uploadProgressQuery,
        response: { 200: uploadProgressSchema },
      },
    },
    (request) => {
      const found = progress.get(requireActor(request), request.query.uploadId);
      if (found === undefined) throw notFound('Upload');
      return found;
    },
  );

  app.get(
    '/api/imports',
    {
      config: { access: { roles: ADMIN_ROLES } },
      schema: {
        summary: 'The import history: every import with what it did',
        tags: ['imports'],
        querystring: importHistoryQuery,
        response: { 200: importHistorySchema },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      return importHistory(db, actor.organizationId, request.query);
    },
  );
}
