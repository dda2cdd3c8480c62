import { z } from 'zod';
import { newPatientChecks, newPatientFields } from '@osteopad/contract';
import { checkBsn } from './bsn';

/** A BSN as the server takes it: checked (elfproef) and normalised. The web only bounds its length. */
export const bsnSchema = z
  .string()
  .max(20)
  .transform((value, ctx) => {
    const result = checkBsn(value);
    if (result.ok) return result.bsn;
    ctx.addIssue({ code: 'custom', message: `Not a valid BSN: ${result.message}.` });
    return z.NEVER;
  });

/**
 * `POST /api/patients` as the server validates it: the contract's fields and rules, with the BSN
 * checked here (`newPatientBody` of the contract is the same request without that check).
 */
export const newPatientBody = z
  .strictObject({ ...newPatientFields, bsn: bsnSchema.nullable().default(null) })
  .check(...newPatientChecks);
