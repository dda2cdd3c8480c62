/**
 * What the consult letters (the patient's result letter and the GP's hand-over letter) are made from:
 * pure data, JSON as it is stored with the document (`episode_documents.input`), so a letter can be
 * explained and made again from its snapshot. Everything clinical is a code or a number; the words
 * are the letters' catalogues' (i18n/*.json, `consult.…`), chosen by code, in the letter's language.
 *
 * The decision-specific part is `StoredDecisionForLetters`. The stored decision (its own table, written
 * once by the decision part of the consult) is mapped to it by a `StoredDecisionForLettersLoader`
 * (consultLetterInputLoader.ts); the patient, GP and organisation parts are read from their tables.
 */
import { z } from 'zod';
import type {
  AdministrationCode,
  BmdCategory,
  BmdSite,
  CareOwner,
  DentalAdviceCode,
  DrugCode,
  FollowUpKind,
  LabFlag,
  LifestyleAdviceCode,
  LongTermRiskAdvice,
  SideEffectCode,
  VertebralLevel,
  VfaCategory,
} from '@osteopad/clinical';
import { DRUG_CODES, LIFESTYLE_ADVICE_CODES, VERTEBRAL_LEVELS, BMD_SITES } from '@osteopad/clinical';
import { phoneHoursIssues, SEXES, type Sex, WEEKDAYS } from '@osteopad/contract';
import type { LetterOrganization } from '../invitationLetterInput';
import { parseIsoDate, type CalendarDate } from '../letterDate';
import { LetterInputError } from '../letterInputError';
import { unstorableTextReason } from '../../text/storableText';
import { unprintableTextReason } from './printableText';

/** A list that names every member of the union `T` (a member left out fails the type check). */
function everyCode<T extends string>() {
  return <const L extends readonly T[]>(list: L & ([T] extends [L[number]] ? unknown : never)): L => list;
}

export const ADMINISTRATION_CODES = everyCode<AdministrationCode>()([
  'emptyStomachInTheMorning',
  'beforeBreakfast',
  'swallowWholeWithAtLeast200mlTapWater',
  'takeWithGlassOfPlainWaterAtLeast120ml',
  'standOrSitUpright30Min',
  'noFoodDrinkOrOtherMedicines30Min',
  'avoidMineralRichWater',
  'sameWeekdayEachWeek',
  'intravenousInfusionAtLeast15Min',
  'dayCareInfusionAboutOneHour',
  'bloodTestCreatinineAndCalciumBeforeEachDose',
  'drinkWellOnInfusionDay',
  'paracetamolForAcutePhaseReaction',
  'ensureCalciumAndVitaminD',
  'subcutaneousInjectionByGp',
  'dailySelfInjection',
  'givenByOrUnderSpecialist',
  'continueWithAntiresorptiveAfterwards',
  'neverStopWithoutFollowOn',
]);

export const SIDE_EFFECT_CODES = everyCode<SideEffectCode>()([
  'occasionalGastrointestinalComplaints',
  'musclePainOnIntakeDay',
  'acutePhaseReactionAfterFirstDose',
  'musculoskeletalPain',
  'painInLimbs',
  'rash',
  'eczema',
  'flatulence',
]);

export const DENTAL_ADVICE_CODES = everyCode<DentalAdviceCode>()([
  'keepMouthAndTeethHealthy',
  'seeDentistRegularly',
  'tellDentistBeforeAnyProcedure',
  'checkFitOfDentures',
  'preventiveDentalCheckIfPoorOralHygieneOrCancer',
  'avoidInvasiveDentalWorkCloseToInfusion',
]);

export const LONG_TERM_RISK_CODES = everyCode<LongTermRiskAdvice>()([
  'reportNewThighOrGroinPain',
  'rareRisksIncreaseWithDuration',
]);

export const BMD_CATEGORIES = everyCode<BmdCategory>()([
  'normal',
  'osteopenia',
  'osteoporosis',
  'severeOsteoporosis',
]);

export const VFA_RESULT_CATEGORIES = everyCode<VfaCategory>()([
  'none',
  'grade1',
  'grade2_single',
  'grade2_multiple',
  'grade3',
]);

export const CARE_OWNERS = everyCode<CareOwner>()(['none', 'gp', 'hospitalSpecialist']);

/**
 * What follows up: the engine's follow-up kinds (R11) and `startMedication` — the day the drug is to
 * be started when vitamin D comes first (R13.4: after 6 weeks).
 */
export const LETTER_FOLLOW_UP_KINDS = [
  ...everyCode<FollowUpKind>()([
    'evaluation',
    'controlVisit',
    'yearlyCheck',
    'adherenceCheck',
    'denosumabInjection',
    'zoledronicAcidInfusion',
    'romosozumabInjection',
    'anabolicCourseEnd',
    'startFollowOnAntiresorptive',
    'standardReevaluation',
  ]),
  'startMedication',
] as const;
export type LetterFollowUpKind = (typeof LETTER_FOLLOW_UP_KINDS)[number];

/** Who does a follow-up item: the clinic's own specialist or nurse, the GP, another hospital specialist, the patient. */
export const FOLLOW_UP_RESPONSIBLES = [
  'gp',
  'flsSpecialist',
  'flsNurse',
  'hospitalSpecialist',
  'patient',
] as const;
export type FollowUpResponsible = (typeof FOLLOW_UP_RESPONSIBLES)[number];

/**
 * Referrals the plan can make: R6.5 / R13.4 (internist: secondary causes, possible osteomalacia),
 * R7 (fall prevention, physiotherapy for strength and balance), R10.4 (dental check), R14
 * (occupational physician for work and load).
 */
export const REFERRAL_CODES = [
  'internist',
  'fallPrevention',
  'physiotherapy',
  'dentist',
  'occupationalPhysician',
] as const;
export type ReferralCode = (typeof REFERRAL_CODES)[number];

/** Laboratory tests of R6 (basic, extended, on indication; calcium also albumin-corrected; R6.2 testosterone). */
export const LAB_TEST_CODES = [
  'calcium',
  'albuminCorrectedCalcium',
  'albumin',
  'creatinine',
  'eGFR',
  'TSH',
  '25OHD',
  'testosterone',
  'ESR',
  'proteinSpectrumOrMProtein',
  'phosphate',
  'alkalinePhosphatase',
  'coeliacSerology',
  'tryptase',
  'urinaryCalcium',
] as const;
export type LabTestCode = (typeof LAB_TEST_CODES)[number];

export const LAB_FLAG_CODES = everyCode<LabFlag>()(['low', 'normal', 'high']);

/** Who decided, as the letters sign: the clinic's specialist or nurse. */
export const DECIDING_ROLES = ['specialist', 'nurse'] as const;
export type DecidingRole = (typeof DECIDING_ROLES)[number];

export const DOSE_ROUTES = ['oral', 'intravenous', 'subcutaneous'] as const;
export const DOSE_UNITS = ['mg', 'µg'] as const;
export const INTERVAL_UNITS = ['day', 'week', 'month', 'year'] as const;

export interface LetterDose {
  amount: number;
  unit: (typeof DOSE_UNITS)[number];
  route: (typeof DOSE_ROUTES)[number];
  every: { count: number; unit: (typeof INTERVAL_UNITS)[number] };
}

/** The drug of the plan with its R10 instructions (the engine's `drugInstructions(drug)` as codes). */
export interface LetterMedication {
  drug: DrugCode;
  dose: LetterDose;
  administration: AdministrationCode[];
  sideEffects: SideEffectCode[];
  dentalAdvice: DentalAdviceCode[];
  longTermRiskAdvice: LongTermRiskAdvice[];
  /** R13.4: start the drug only this many weeks after vitamin D was started; null = start now. */
  startAfterWeeks: number | null;
}

/**
 * The decision-specific part of the letters: what the stored decision says, reduced to what either
 * letter prints. Mapped from the stored decision (`loadStoredDecision(tx, scope)` → `StoredDecision`)
 * at the merge; every code is the engine's (RULES.md), every number as the decision recorded it.
 */
export interface StoredDecisionForLetters {
  /** The stored decision's id (episode_documents.decision_id); null only where decisions are not stored yet. */
  decisionId: string | null;
  /** YYYY-MM-DD: the day of the decision; the result letter is dated that day. */
  decidedOn: string;
  decidedBy: { displayName: string; role: DecidingRole };
  diagnosis: {
    /** R4.2 category of the lowest valid T-score; null when no DXA could be used. */
    bmdCategory: BmdCategory | null;
    lowestSite: BmdSite | null;
    lowestTScore: number | null;
    /** R5.4 aggregate of the VFA; null when the spine was not assessed. */
    vfaCategory: VfaCategory | null;
  };
  dxa: {
    /** YYYY-MM-DD of the scan, null when unknown or not done. */
    date: string | null;
    sites: { site: BmdSite; tScore: number | null; zScore: number | null; bmdGcm2: number | null }[];
  };
  vfa: {
    status: 'assessed' | 'notAssessable' | 'notDone';
    fractures: { level: VertebralLevel; grade: 1 | 2 | 3 }[];
  };
  labs: {
    test: LabTestCode;
    value: number;
    unit: string;
    /** The laboratory's own reference range; a bound it does not give is null. */
    range: { low: number | null; high: number | null } | null;
    flag: LabFlag | null;
  }[];
  plan: {
    /** null: no fracture-prevention drug. */
    medication: LetterMedication | null;
    calcium: {
      /** R12.1 requirement for the patient's age. */
      requirementMgPerDay: number;
      /** R12.2 intake from food as counted at the consult; null when not counted. */
      intakeMgPerDay: number | null;
      /** A calcium supplement per day, when the plan has one. */
      supplementMgPerDay: number | null;
    };
    /** R13 vitamin D3 advice; null when none is advised. */
    vitaminD: { iuPerDay: number; weeklyAlternativeIU: number | null } | null;
    /** R14 advice codes, in the order the letter lists them. */
    lifestyle: LifestyleAdviceCode[];
    referrals: { to: ReferralCode; dueDate: string | null }[];
  };
  followUp: {
    /** R11.3: who is the main practitioner after the consult. */
    careOwner: CareOwner;
    items: { kind: LetterFollowUpKind; responsible: FollowUpResponsible; dueDate: string }[];
  };
}

export interface ConsultLetterPatient {
  familyName: string;
  givenNames: string;
  initials: string;
  sex: Sex;
  birthDate: string;
  street: string;
  houseNumber: string;
  postalCode: string;
  city: string;
}

/** The patient's GP as registered (the address is one line of free text in the patient record). */
export interface ConsultLetterGp {
  name: string;
  practiceName: string;
  address: string;
}

export interface ConsultLetterInput {
  organization: LetterOrganization;
  patient: ConsultLetterPatient;
  /** null when the patient record names no GP: there is then no GP letter. */
  gp: ConsultLetterGp | null;
  decision: StoredDecisionForLetters;
}

/** A letter's input after the boundary check: dates parsed, text trimmed and printable. */
export interface ValidatedConsultLetter extends ConsultLetterInput {
  readonly parsedDecidedOn: CalendarDate;
}

const text = (max: number, required: boolean) =>
  z
    .string()
    .trim()
    .max(max, `must be at most ${max} characters`)
    .superRefine((value, context) => {
      if (required && value === '') context.addIssue({ code: 'custom', message: 'must not be empty' });
      // What cannot be stored is never printed; what the font has no glyph for would print as a box.
      const reason = unstorableTextReason(value) ?? unprintableTextReason(value);
      if (reason !== undefined) context.addIssue({ code: 'custom', message: reason });
    });

const isoDate = z
  .string()
  .refine((value) => parseIsoDate(value) !== undefined, 'must be a date as YYYY-MM-DD');
const score = z.number().min(-10).max(10);
const nullableNumber = (min: number, max: number) => z.number().min(min).max(max).nullable();
const phone = text(40, true).pipe(
  z
    .string()
    .regex(/^\+?[0-9()\s./-]*[0-9][0-9()\s./-]*$/, 'must be a phone number (digits, spaces, + ( ) - . /)'),
);

const organizationSchema = z
  .object({
    name: text(100, true),
    department: text(100, true),
    street: text(100, true),
    houseNumber: text(20, true),
    postalCode: text(12, true),
    city: text(60, true),
    phoneGeneral: phone,
    phoneDepartment: phone,
    visitingRoute: text(100, false).default(''),
    postalAddressLine: text(100, false).default(''),
    postalAddressPostalCode: text(12, false).default(''),
    postalAddressCity: text(60, false).default(''),
    email: z.email('must be an e-mail address').max(254),
    phoneHours: z
      .array(z.object({ weekday: z.enum(WEEKDAYS), from: z.string(), to: z.string() }))
      .max(WEEKDAYS.length)
      .superRefine((hours, context) => {
        for (const issue of phoneHoursIssues(hours)) {
          context.addIssue({ code: 'custom', message: issue.message, path: [issue.index, issue.field] });
        }
      })
      .default([]),
    openingHours: text(120, false),
    portalUrl: z.string().max(200),
    signOff: text(100, false).default(''),
  })
  .refine((org) => org.phoneHours.length > 0 || org.openingHours !== '', {
    message: 'must list the phone hours (or a note on the opening hours)',
    path: ['phoneHours'],
  });

const medicationSchema = z.object({
  drug: z.enum(DRUG_CODES),
  dose: z.object({
    amount: z.number().positive().max(100_000),
    unit: z.enum(DOSE_UNITS),
    route: z.enum(DOSE_ROUTES),
    every: z.object({ count: z.int().min(1).max(24), unit: z.enum(INTERVAL_UNITS) }),
  }),
  administration: z.array(z.enum(ADMINISTRATION_CODES)).max(ADMINISTRATION_CODES.length),
  sideEffects: z.array(z.enum(SIDE_EFFECT_CODES)).max(SIDE_EFFECT_CODES.length),
  dentalAdvice: z.array(z.enum(DENTAL_ADVICE_CODES)).max(DENTAL_ADVICE_CODES.length),
  longTermRiskAdvice: z.array(z.enum(LONG_TERM_RISK_CODES)).max(LONG_TERM_RISK_CODES.length),
  startAfterWeeks: z.int().min(1).max(52).nullable(),
});

const decisionSchema = z.object({
  decisionId: z.uuid().nullable(),
  decidedOn: isoDate,
  decidedBy: z.object({ displayName: text(100, true), role: z.enum(DECIDING_ROLES) }),
  diagnosis: z.object({
    bmdCategory: z.enum(BMD_CATEGORIES).nullable(),
    lowestSite: z.enum(BMD_SITES).nullable(),
    lowestTScore: score.nullable(),
    vfaCategory: z.enum(VFA_RESULT_CATEGORIES).nullable(),
  }),
  dxa: z.object({
    date: isoDate.nullable(),
    sites: z
      .array(
        z.object({
          site: z.enum(BMD_SITES),
          tScore: score.nullable(),
          zScore: score.nullable(),
          bmdGcm2: nullableNumber(0, 5),
        }),
      )
      .max(BMD_SITES.length),
  }),
  vfa: z.object({
    status: z.enum(['assessed', 'notAssessable', 'notDone']),
    fractures: z
      .array(
        z.object({
          level: z.enum(VERTEBRAL_LEVELS),
          grade: z.union([z.literal(1), z.literal(2), z.literal(3)]),
        }),
      )
      .max(VERTEBRAL_LEVELS.length),
  }),
  labs: z
    .array(
      z.object({
        test: z.enum(LAB_TEST_CODES),
        value: z.number().min(-1_000_000).max(1_000_000),
        unit: text(20, false),
        range: z
          .object({ low: nullableNumber(-1_000_000, 1_000_000), high: nullableNumber(-1_000_000, 1_000_000) })
          .nullable(),
        flag: z.enum(LAB_FLAG_CODES).nullable(),
      }),
    )
    .max(LAB_TEST_CODES.length),
  plan: z.object({
    medication: medicationSchema.nullable(),
    calcium: z.object({
      requirementMgPerDay: z.number().min(0).max(5000),
      intakeMgPerDay: nullableNumber(0, 10_000),
      supplementMgPerDay: nullableNumber(0, 5000),
    }),
    vitaminD: z
      .object({ iuPerDay: z.number().min(0).max(10_000), weeklyAlternativeIU: nullableNumber(0, 100_000) })
      .nullable(),
    lifestyle: z.array(z.enum(LIFESTYLE_ADVICE_CODES)).max(LIFESTYLE_ADVICE_CODES.length),
    referrals: z.array(z.object({ to: z.enum(REFERRAL_CODES), dueDate: isoDate.nullable() })).max(20),
  }),
  followUp: z.object({
    careOwner: z.enum(CARE_OWNERS),
    items: z
      .array(
        z.object({
          kind: z.enum(LETTER_FOLLOW_UP_KINDS),
          responsible: z.enum(FOLLOW_UP_RESPONSIBLES),
          dueDate: isoDate,
        }),
      )
      .max(40),
  }),
}) satisfies z.ZodType<StoredDecisionForLetters>;

const inputSchema = z.object({
  organization: organizationSchema,
  patient: z.object({
    familyName: text(100, true),
    givenNames: text(150, false),
    initials: text(20, false),
    sex: z.enum(SEXES),
    birthDate: isoDate,
    street: text(100, true),
    houseNumber: text(20, true),
    postalCode: text(12, true),
    city: text(60, true),
  }),
  gp: z
    .object({ name: text(100, true), practiceName: text(100, false), address: text(200, false) })
    .nullable(),
  decision: decisionSchema,
}) satisfies z.ZodType<ConsultLetterInput>;

/** Checks a letter's input at the module boundary; throws LetterInputError naming the first offending field. */
export function validateConsultLetterInput(input: unknown): ValidatedConsultLetter {
  const result = inputSchema.safeParse(input);
  if (!result.success) {
    const issue = result.error.issues[0];
    const path = issue?.path.map(String).join('.') ?? '';
    throw new LetterInputError(path === '' ? 'input' : path, issue?.message ?? 'is invalid');
  }
  const parsedDecidedOn = parseIsoDate(result.data.decision.decidedOn);
  if (parsedDecidedOn === undefined)
    throw new LetterInputError('decision.decidedOn', 'must be a date as YYYY-MM-DD');
  return { ...result.data, parsedDecidedOn };
}
