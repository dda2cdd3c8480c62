// Requests of the investigations routes (DXA and VFA entry): what the server validates. The web types
// what it sends with `z.input<typeof …>` of these and never imports them at run time.
//
// Numbers are only typed here, not bounded: the server checks each against the clinical engine's
// ranges (T- and Z-scores), physiological bounds (BMD) and the calendar (exam date), and answers every
// wrong field at once with a reason code (investigations/densitometryValidation.ts), which the web
// shows at the field in the user's language.
import { z } from 'zod/mini';
import type { DXA_SITES } from '../codes';
import { VFA_LEVELS } from '../codes';
import { checked, idParams, isoDate, shortText } from '../fields';

/** One measured site: what the DXA report gives (any may be empty), and whether it could be used. */
export const dxaSiteBody = z.strictObject({
  /** g/cm². */
  bmdGcm2: z.optional(z.nullable(z.number())),
  tScore: z.optional(z.nullable(z.number())),
  zScore: z.optional(z.nullable(z.number())),
  /** `false` when the site could not be measured or interpreted (artefact, prosthesis …). */
  evaluable: z._default(z.boolean(), true),
  /** Lumbar spine only: how many of L1–L4 could be evaluated (0–4). */
  vertebraeEvaluable: z.optional(z.nullable(z.number())),
});
export type DxaSiteBody = z.input<typeof dxaSiteBody>;

const dxaSitesBody = z.strictObject({
  lumbarSpine: z.optional(dxaSiteBody),
  totalHip: z.optional(dxaSiteBody),
  femoralNeck: z.optional(dxaSiteBody),
  radius33: z.optional(dxaSiteBody),
} satisfies Record<(typeof DXA_SITES)[number], unknown>);

/** `POST /api/episodes/:episodeId/dxa` and `…/dxa/preview`. */
export const dxaBody = z.strictObject({
  examDate: isoDate,
  device: z._default(shortText(100), ''),
  sites: dxaSitesBody,
});
export type DxaBody = z.input<typeof dxaBody>;

/** `PUT /api/dxa-exams/:dxaExamId`: the whole exam again, with the version it was read at. */
export const dxaUpdateBody = z.strictObject({
  examDate: isoDate,
  device: z._default(shortText(100), ''),
  sites: dxaSitesBody,
  version: checked(z.int(), z.minimum(1)),
});
export type DxaUpdateBody = z.input<typeof dxaUpdateBody>;

/** One vertebra of a VFA: a Genant grade (0–3) or the percentage loss of height (R5.2). */
export const vfaVertebraBody = z.strictObject({
  level: z.enum(VFA_LEVELS),
  genantGrade: z.optional(z.nullable(z.number())),
  heightLossPercent: z.optional(z.nullable(z.number())),
});

/** `POST /api/episodes/:episodeId/vfa` and `…/vfa/preview`. Unlisted vertebrae count as grade 0. */
export const vfaBody = z.strictObject({
  examDate: isoDate,
  /** `false` when the VFA could not be done or assessed (R5.1: X-ray instead). */
  assessable: z.boolean(),
  vertebrae: checked(z.array(vfaVertebraBody), z.maxLength(VFA_LEVELS.length)),
});
export type VfaBody = z.input<typeof vfaBody>;

/** `PUT /api/vfa-exams/:vfaExamId`. */
export const vfaUpdateBody = z.strictObject({
  examDate: isoDate,
  assessable: z.boolean(),
  vertebrae: checked(z.array(vfaVertebraBody), z.maxLength(VFA_LEVELS.length)),
  version: checked(z.int(), z.minimum(1)),
});
export type VfaUpdateBody = z.input<typeof vfaUpdateBody>;

export const dxaExamParams = idParams('dxaExamId');
export const vfaExamParams = idParams('vfaExamId');
