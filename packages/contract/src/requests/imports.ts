// Requests of the imports routes: what the server validates. The web types what it sends with
// `z.input<typeof …>` of these and never imports them at run time, so none of them reaches its bundle
// (a bundler keeps a module the web imports whole, whatever of it is used: the answers are apart).
import { z } from 'zod/mini';
import { FRACTURE_IMPORT_FORMATS, IMPORT_ENCODINGS } from '../codes';
import { pagination, queryFlag, shortText } from '../fields';

/** Options of both uploads, in the query string (the file is the raw body; its name in `X-File-Name`). */
const uploadOptions = {
  skipInvalid: queryFlag,
  encoding: z._default(z.enum(IMPORT_ENCODINGS), 'auto'),
  sourceSystem: z.optional(shortText(100)),
};

/** `POST /api/imports`: a fracture-registration file. */
export const fractureUploadQuery = z.strictObject({
  format: z.enum(FRACTURE_IMPORT_FORMATS),
  ...uploadOptions,
  /** Chosen by the client to follow the upload at GET /api/imports/progress?uploadId=…. */
  uploadId: z.optional(z.uuid()),
});

/** `POST /api/report-imports`: radiology reports. */
export const reportUploadQuery = z.strictObject(uploadOptions);

/** `GET /api/imports/progress`. */
export const uploadProgressQuery = z.strictObject({ uploadId: z.uuid() });

/** `GET /api/imports`. */
export const importHistoryQuery = z.strictObject({ ...pagination });

/** `POST /api/import-jobs`: a fracture-registration file imported by the job queue. */
export const importJobUploadQuery = z.strictObject({
  format: z.enum(FRACTURE_IMPORT_FORMATS),
  ...uploadOptions,
});

/** `GET /api/import-jobs/:importJobId`. */
export const importJobParams = z.strictObject({ importJobId: z.uuid() });
