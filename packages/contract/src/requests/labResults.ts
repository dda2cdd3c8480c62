// Requests of the lab-result and fall-risk routes (consult, R6/R7). Numbers are taken as numbers of any
// sign here: the server refuses a negative value, an inverted range or an impossible date field by field,
// with its own reason codes (labResults/labValidation.ts), so the screen can say why at the field.
import { z } from 'zod/mini';
import { LAB_ANALYTES } from '../codes';
import { checked, isoDate } from '../fields';

export const labResultParams = z.strictObject({ labResultId: z.uuid() });

const finite = checked(z.number(), z.minimum(-1e9), z.maximum(1e9));

const labResultFields = {
  analyte: z.enum(LAB_ANALYTES),
  value: finite,
  /** The laboratory's reference range as printed with the result; null: not given. */
  rangeLow: z.nullable(finite),
  rangeHigh: z.nullable(finite),
  sampledOn: isoDate,
};

export const labResultInput = z.strictObject(labResultFields);
export type LabResultInput = z.input<typeof labResultInput>;

/** `POST /api/episodes/:episodeId/labs`: several results at once (one lab order). */
export const labResultsBody = z.strictObject({
  results: checked(z.array(labResultInput), z.minLength(1), z.maxLength(40)),
});
export type LabResultsBody = z.input<typeof labResultsBody>;

/** `PUT /api/lab-results/:labResultId`: the corrected result, with the version it was read at. */
export const labResultUpdateBody = z.strictObject({
  ...labResultFields,
  version: checked(z.int(), z.minimum(1)),
});
export type LabResultUpdateBody = z.input<typeof labResultUpdateBody>;

const fallRiskAnswers = {
  /** Integer: the server refuses a count outside 0–1000 (fallsPastYear_out_of_range). */
  fallsPastYear: checked(z.int(), z.minimum(-1e6), z.maximum(1e6)),
  worriedAboutFalling: z.boolean(),
  difficultyWalkingOrBalance: z.boolean(),
  /** Uses fall-risk-increasing drugs; null: not known. */
  fallRiskIncreasingMedication: z.nullable(z.boolean()),
};

/** `POST /api/episodes/:episodeId/fall-risk/preview`: the engine's advice for these answers; writes nothing. */
export const fallRiskPreviewBody = z.strictObject(fallRiskAnswers);
export type FallRiskPreviewBody = z.input<typeof fallRiskPreviewBody>;

/**
 * `POST /api/episodes/:episodeId/fall-risk`: a new assessment. `version` is the version of the latest
 * assessment the form was read with (0: none yet); another saved in between → 409 stale_version.
 */
export const fallRiskBody = z.strictObject({
  ...fallRiskAnswers,
  assessedOn: isoDate,
  version: checked(z.int(), z.minimum(0)),
});
export type FallRiskBody = z.input<typeof fallRiskBody>;
