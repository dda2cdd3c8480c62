import { createHash } from 'node:crypto';
import { canonicalJson, type PatientInput } from '@osteopad/clinical';

/**
 * What an assessment was computed from: the engine's input, the day, the engine and the configuration.
 * A decision is accepted only on the fingerprint of the assessment as it stands now, so one made on
 * inputs that changed since (a DXA recorded meanwhile, another configuration) is refused.
 */
export function assessmentFingerprint(parts: {
  input: PatientInput;
  assessedOn: string;
  engineVersion: string;
  configFingerprint: string;
}): string {
  return createHash('sha256').update(canonicalJson(parts)).digest('base64url');
}
