// Uploads that run as jobs: the request spools the file and queues its import (answering 202 with the
// job), the worker imports it, and the screen follows the job's progress. For files too large to import
// within one request's patience; the same import, the same rules, the same summary.
import { randomUUID } from 'node:crypto';
import {
  ADMIN_ROLES,
  importJobListSchema,
  importJobParams,
  importJobSchema,
  importJobUploadQuery,
} from '@osteopad/contract';
import type { AppDeps, TypedApp } from '../../http/app';
import { requireActor } from '../../auth/requireActor';
import { subjectOf } from '../../audit/auditLog';
import { HttpProblem } from '../../http/problems';
import { notFound } from '../../domain/errors';
import { localIsoDate } from '../../time/localDate';
import { DEFAULT_SOURCE_SYSTEM } from '../pipeline/parseRegistrations';
import { guardUploadBody } from '../channels/upload/uploadBody';
import {
  FILE_NAME_HEADER,
  MAX_UPLOAD_BYTES,
  addUploadParser,
  uploadFileName,
  uploadProblem,
  uploadedBody,
} from '../channels/upload/imports.routes';
import { removeSpoolFile, writeSpoolFile } from '../channels/upload/spoolFile';
import { findImportJob, listImportJobs, queueImportJob } from './importJobRecords';

/** How many jobs the list shows: the recent ones, for the upload screen. */
const LISTED_JOBS = 20;

export function registerImportJobRoutes(app: TypedApp, deps: AppDeps): void {
  const { db, clock, config } = deps;
  void app.register((scope: TypedApp, _options, done) => {
    addUploadParser(scope);
    scope.post(
      '/api/import-jobs',
      {
        config: { access: { roles: ADMIN_ROLES } },
        bodyLimit: MAX_UPLOAD_BYTES,
        schema: {
          summary: 'Upload a fracture-registration file to be imported by the job queue',
          tags: ['imports'],
          description:
            'The file (raw body) is spooled and its import queued; the answer (202) is the job, followed at GET /api/import-jobs/{importJobId}.',
          querystring: importJobUploadQuery,
          response: { 202: importJobSchema },
        },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        const q = request.query;
        const body = uploadedBody(request.body);
        const sender = deps.jobs;
        const spoolDir = config.uploads.spoolDir;
        if (sender === undefined || spoolDir === '')
          throw new HttpProblem(
            503,
            'job_queue_unavailable',
            'This server runs no job queue for imports; upload the file to /api/imports instead.',
          );
        const id = randomUUID();
        const upload = guardUploadBody(body, reply.raw, {
          maxBytes: MAX_UPLOAD_BYTES,
          idleTimeoutMs: config.uploads.idleTimeoutMs,
        });
        let bytes: number;
        try {
          bytes = (await writeSpoolFile(spoolDir, id, upload.chunks)).bytes;
        } catch (error) {
          throw uploadProblem(error);
        } finally {
          upload.stop();
        }
        try {
          const job = await queueImportJob(db, sender, {
            id,
            organizationId: actor.organizationId,
            format: q.format,
            fileName: uploadFileName(request.headers[FILE_NAME_HEADER], 'upload'),
            fileSha256: upload.sha256(),
            totalBytes: bytes,
            encoding: q.encoding,
            sourceSystem: q.sourceSystem ?? DEFAULT_SOURCE_SYSTEM,
            skipInvalid: q.skipInvalid,
            importDay: localIsoDate(clock()),
            requestedBy: subjectOf(actor),
          });
          return await reply.status(202).send(job);
        } catch (error) {
          await removeSpoolFile(spoolDir, id);
          throw error;
        }
      },
    );
    done();
  });

  app.get(
    '/api/import-jobs/:importJobId',
    {
      config: { access: { roles: ADMIN_ROLES } },
      schema: {
        summary: 'An import job: where it stands, how far it has read, and its summary once done',
        tags: ['imports'],
        params: importJobParams,
        response: { 200: importJobSchema },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const job = await findImportJob(db, actor.organizationId, request.params.importJobId);
      if (job === null) throw notFound('Import job');
      return job;
    },
  );

  app.get(
    '/api/import-jobs',
    {
      config: { access: { roles: ADMIN_ROLES } },
      schema: {
        summary: 'The latest import jobs of the organisation, newest first',
        tags: ['imports'],
        response: { 200: importJobListSchema },
      },
    },
    async (request) => ({
      items: await listImportJobs(db, requireActor(request).organizationId, LISTED_JOBS),
    }),
  );
}
