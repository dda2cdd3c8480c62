// Requests of the findings routes: what the server validates. The web types what it sends with
// `z.input<typeof …>` of these and never imports them at run time, so none of them reaches its bundle
// (a bundler keeps a module the web imports whole, whatever of it is used: the answers are apart).
import { z } from 'zod/mini';
import { FINDING_DECISIONS, FINDING_STATUSES } from '../codes';
import { pagination, shortText } from '../fields';

/** `GET /api/report-findings`: vertebral fractures the report scanner found, by review status. */
export const reportFindingsQuery = z.strictObject({
  status: z._default(z.enum(FINDING_STATUSES), 'open'),
  ...pagination,
});

export const findingParams = z.strictObject({ findingId: z.uuid() });

/**
 * `POST /api/report-findings/:findingId/review`. `patientId` names the patient when the report's own
 * reference matched nobody.
 */
export const findingReviewBody = z.strictObject({
  decision: z.enum(FINDING_DECISIONS),
  patientId: z.optional(z.uuid()),
  note: z._default(shortText(500), ''),
});
export type FindingReviewBody = z.input<typeof findingReviewBody>;
