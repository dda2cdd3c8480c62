// Requests of the patients routes: what the server validates. The web types what it sends with
// `z.input<typeof …>` of these and never imports them at run time, so none of them reaches its bundle
// (a bundler keeps a module the web imports whole, whatever of it is used: the answers are apart).
import { z } from 'zod/mini';
import { SEXES } from '../codes';
import { checked, isoDate, pagination, requiredText, shortText } from '../fields';

const sexSchema = z.enum(SEXES);

/** `POST /api/patients/search`: name, BSN or date of birth, in the body (never in a URL). */
export const patientSearchBody = z.strictObject({
  q: z._default(checked(z.string(), z.maxLength(100)), ''),
  ...pagination,
});
export type PatientSearchBody = z.input<typeof patientSearchBody>;

const today = (): string => new Date().toISOString().slice(0, 10);

/**
 * The fields of `POST /api/patients`. `bsn` is only bounded here: the server replaces it with its
 * own field that checks the number (elfproef) and normalises it, and adds `newPatientChecks`.
 */
export const newPatientFields = {
  bsn: z._default(z.nullable(checked(z.string(), z.maxLength(20))), null),
  sourceSystem: z._default(z.nullable(shortText(100)), null),
  sourceId: z._default(z.nullable(shortText(100)), null),
  familyName: requiredText(200),
  givenNames: z._default(shortText(200), ''),
  initials: z._default(shortText(20), ''),
  birthDate: checked(
    isoDate,
    z.refine((d) => d <= today(), 'The date of birth lies in the future.'),
  ),
  sex: sexSchema,
  street: z._default(shortText(200), ''),
  houseNumber: z._default(shortText(20), ''),
  postalCode: z._default(shortText(10), ''),
  city: z._default(shortText(100), ''),
  phone: z._default(shortText(30), ''),
  email: z._default(z.union([checked(z.email(), z.maxLength(200)), z.literal('')]), ''),
  gpName: z._default(shortText(200), ''),
  gpAgbCode: z._default(
    checked(z.string(), z.trim(), z.regex(/^(\d{8})?$/, 'An AGB code has 8 digits.')),
    '',
  ),
  gpPracticeName: z._default(shortText(200), ''),
  gpAddress: z._default(shortText(300), ''),
};

interface PatientIdentity {
  bsn: string | null;
  sourceSystem: string | null;
  sourceId: string | null;
}

/** The rules across fields of a new patient: how the hospital will find this patient again. */
export const newPatientChecks = [
  z.refine<PatientIdentity>((p) => p.bsn !== null || (p.sourceId !== null && p.sourceId !== ''), {
    message: 'Give a BSN or a hospital patient number.',
    path: ['bsn'],
  }),
  z.refine<PatientIdentity>(
    (p) => p.sourceSystem === null || p.sourceSystem === '' || (p.sourceId ?? '') !== '',
    {
      message: 'A source system needs the hospital patient number (sourceId) it issued.',
      path: ['sourceSystem'],
    },
  ),
] as const;

/** `POST /api/patients` as the web sends it (the server checks the BSN on top). */
export const newPatientBody = checked(z.strictObject(newPatientFields), ...newPatientChecks);
export type NewPatientBody = z.input<typeof newPatientBody>;

export const patientParams = z.strictObject({ patientId: z.uuid() });
