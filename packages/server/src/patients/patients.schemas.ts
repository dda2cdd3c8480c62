import { z } from 'zod';
import { isoDate, pagination, requiredText, shortText } from '../http/validation';
import { episodeReasonSchema } from '../episodes/episodeReasons';
import { checkBsn } from './bsn';

export const sexSchema = z.enum(['female', 'male', 'other', 'unknown']);

export const bsnSchema = z
  .string()
  .max(20)
  .transform((value, ctx) => {
    const result = checkBsn(value);
    if (result.ok) return result.bsn;
    ctx.addIssue({ code: 'custom', message: `Not a valid BSN: ${result.message}.` });
    return z.NEVER;
  });

export const patientSummarySchema = z.object({
  id: z.uuid(),
  bsn: z.string().nullable(),
  familyName: z.string(),
  givenNames: z.string(),
  initials: z.string(),
  birthDate: z.string(),
  sex: sexSchema,
  city: z.string(),
});

/** The body of `POST /api/patients/search`: name, BSN or date of birth (see patientSearch.ts). */
export const patientSearchBody = z.strictObject({
  q: z.string().max(100).default(''),
  ...pagination,
});

export const patientListResponse = z.object({
  items: z.array(patientSummarySchema),
  total: z.number().int(),
});

const today = (): string => new Date().toISOString().slice(0, 10);

export const newPatientBody = z
  .strictObject({
    bsn: bsnSchema.nullable().default(null),
    sourceSystem: shortText(100).nullable().default(null),
    sourceId: shortText(100).nullable().default(null),
    familyName: requiredText(200),
    givenNames: shortText(200).default(''),
    initials: shortText(20).default(''),
    birthDate: isoDate.refine((d) => d <= today(), 'The date of birth lies in the future.'),
    sex: sexSchema,
    street: shortText(200).default(''),
    houseNumber: shortText(20).default(''),
    postalCode: shortText(10).default(''),
    city: shortText(100).default(''),
    phone: shortText(30).default(''),
    email: z.union([z.email().max(200), z.literal('')]).default(''),
    gpName: shortText(200).default(''),
    gpAgbCode: z
      .string()
      .trim()
      .regex(/^(\d{8})?$/, 'An AGB code has 8 digits.')
      .default(''),
    gpPracticeName: shortText(200).default(''),
    gpAddress: shortText(300).default(''),
  })
  .refine((p) => p.bsn !== null || (p.sourceId !== null && p.sourceId !== ''), {
    message: 'Give a BSN or a hospital patient number.',
    path: ['bsn'],
  })
  .refine((p) => p.sourceSystem === null || p.sourceSystem === '' || (p.sourceId ?? '') !== '', {
    message: 'A source system needs the hospital patient number (sourceId) it issued.',
    path: ['sourceSystem'],
  });

const fractureSchema = z.object({
  id: z.uuid(),
  fractureDate: z.string(),
  siteCode: z.string().nullable(),
  siteText: z.string(),
  icd10Code: z.string(),
  encounterType: z.string(),
  traumaMechanism: z.string(),
  pathological: z.boolean().nullable(),
  eligibility: z.string(),
  eligibilityReason: z.string(),
  sourceFormat: z.string(),
});

const episodeSchema = z.object({
  id: z.uuid(),
  state: z.string(),
  /** Why the episode is in its state: a code with details and the user's note; null when none yet. */
  stateReason: episodeReasonSchema.nullable(),
  patientGroup: z.string().nullable(),
  openedOn: z.string(),
  closedOn: z.string().nullable(),
  indexFractureId: z.uuid().nullable(),
});

const taskSchema = z.object({
  id: z.uuid(),
  episodeId: z.uuid(),
  kind: z.string(),
  dueDate: z.string(),
  status: z.string(),
  assigneeRole: z.string(),
});

export const patientDetailSchema = patientSummarySchema.extend({
  sourceSystem: z.string().nullable(),
  sourceId: z.string().nullable(),
  street: z.string(),
  houseNumber: z.string(),
  postalCode: z.string(),
  country: z.string(),
  phone: z.string(),
  email: z.string(),
  gpName: z.string(),
  gpAgbCode: z.string(),
  gpPracticeName: z.string(),
  gpAddress: z.string(),
  /** A source reported the death; the date when it gave one. */
  deceased: z.boolean(),
  deceasedDate: z.string().nullable(),
  /** When the name, address, phone and GP shown were true (ISO instant; docs/IMPORT.md §2). */
  demographicsAsOf: z.string(),
});

export const patientRecordResponse = z.object({
  patient: patientDetailSchema,
  fractures: z.array(fractureSchema),
  episodes: z.array(episodeSchema),
  openTasks: z.array(taskSchema),
});
