import { z } from 'zod/mini';
import { BMD_CATEGORIES, DXA_SITES, VFA_LEVELS } from './codes';
import {
  ADMINISTRATION_CODES,
  CARE_OWNERS,
  DECISION_DRUG_CODES,
  DECISION_OUTCOMES,
  DENTAL_ADVICE_CODES,
  FOLLOW_UP_KINDS,
  LIFESTYLE_CODES,
  VFA_CATEGORY_CODES,
} from './decisions';
import { isoDate } from './fields';
import { ruleTraceSchema } from './ruleTrace';

/*
 * The patient portal's "your results and your plan" (issue 13, item 5): what the clinician recorded for
 * the patient's latest episode with a decision, as codes and numbers the portal words in plain language.
 * Nothing here is computed anew: the categories are the decided ones (the clinician's value where they
 * overrode the engine), the measurements those the decision was made on, the drug the clinician chose.
 */

/**
 * Which kept letters are the patient's own: the result letter only. The GP's hand-over letter is written
 * to the GP; RULES.md and DESIGN.md do not say that patients get a copy, so the portal does not offer it.
 */
export const PATIENT_LETTER_KINDS = ['result_letter'] as const;

/** Fracture-prevention drugs a plan can hold (the decision's drug codes without `none`). */
export const PORTAL_DRUG_CODES = DECISION_DRUG_CODES.filter(
  (d): d is Exclude<(typeof DECISION_DRUG_CODES)[number], 'none'> => d !== 'none',
);
export type PortalDrugCode = (typeof PORTAL_DRUG_CODES)[number];

/** Referrals of the plan (its referral tasks), with the date they are due. */
export const PORTAL_REFERRAL_CODES = [
  'referral_fall_clinic',
  'referral_physiotherapy',
  'referral_secondary_osteoporosis',
  'referral_dentist',
] as const;

export const portalLetterSchema = z.object({
  id: z.uuid(),
  kind: z.enum(PATIENT_LETTER_KINDS),
  locale: z.string(),
  createdAt: z.string(),
  /** `GET /api/portal/letters/:letterId/pdf`. */
  href: z.string(),
});
export type PortalLetter = z.infer<typeof portalLetterSchema>;

export const portalResultsReadySchema = z.object({
  status: z.literal('ready'),
  episodeId: z.uuid(),
  decidedOn: isoDate,
  diagnosis: z.object({
    /** R4.2 as decided; null when the decision left it open. */
    bmdCategory: z.nullable(z.enum(BMD_CATEGORIES)),
    /** R5.4 as decided; null when the decision left it open. */
    vfaCategory: z.nullable(z.enum(VFA_CATEGORY_CODES)),
    /** The lowest T-score and its site, as the engine read the DXA when the decision was made. */
    lowestSite: z.nullable(z.enum(DXA_SITES)),
    lowestTScore: z.nullable(z.number()),
  }),
  dxa: z.object({
    date: z.nullable(isoDate),
    /** Per site the T-score and Z-score as recorded (sites marked not evaluable are left out). */
    sites: z.array(
      z.object({
        site: z.enum(DXA_SITES),
        tScore: z.nullable(z.number()),
        zScore: z.nullable(z.number()),
      }),
    ),
  }),
  vfa: z.object({
    status: z.enum(['notDone', 'notAssessable', 'assessed']),
    /** Only the fractured vertebrae (Genant grade 1–3). */
    fractures: z.array(z.object({ level: z.enum(VFA_LEVELS), grade: z.int() })),
  }),
  plan: z.object({
    outcome: z.enum(DECISION_OUTCOMES),
    /** The drug the clinician chose, with the engine's R10 instruction codes and the rules they rest on. */
    drug: z.nullable(
      z.object({
        code: z.enum(PORTAL_DRUG_CODES),
        administration: z.array(z.enum(ADMINISTRATION_CODES)),
        dentalAdvice: z.array(z.enum(DENTAL_ADVICE_CODES)),
        rules: z.array(ruleTraceSchema),
      }),
    ),
    calcium: z.object({
      supplement: z.boolean(),
      supplementMgPerDay: z.nullable(z.number()),
      requirementMgPerDay: z.nullable(z.number()),
    }),
    vitaminD: z.object({ supplement: z.boolean(), iuPerDay: z.nullable(z.number()) }),
    lifestyle: z.array(z.enum(LIFESTYLE_CODES)),
    referrals: z.array(z.object({ kind: z.enum(PORTAL_REFERRAL_CODES), dueDate: isoDate })),
    /** R11.3 who follows the patient up. */
    careOwner: z.nullable(z.enum(CARE_OWNERS)),
    /** R11 dated follow-up of the plan. */
    followUp: z.array(z.object({ kind: z.enum(FOLLOW_UP_KINDS), dueDate: isoDate })),
  }),
  letters: z.array(portalLetterSchema),
});
export type PortalResultsReady = z.infer<typeof portalResultsReadySchema>;

/** `GET /api/portal/results`: `none` until a decision is recorded for one of the patient's episodes. */
export const portalResultsSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('none') }),
  portalResultsReadySchema,
]);
export type PortalResults = z.infer<typeof portalResultsSchema>;

/** `GET /locales/:file`: the catalogue as the clinic wrote it (nested objects of texts, i18next's format). */
export const clinicLanguageCatalogueSchema = z.record(z.string(), z.unknown());
