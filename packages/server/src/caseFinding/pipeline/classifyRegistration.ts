import {
  assessEligibility,
  completedYears,
  configIdentity,
  isFractureRecent,
  patientGroup,
  type ClinicalConfig,
  type ConfigIdentity,
  type EligibilityReason,
} from '@osteopad/clinical';
import type { EligibilityOutcome, PatientGroup } from '@osteopad/contract';
import type { FractureRegistration } from '../parsers/types';

export type { EligibilityOutcome, PatientGroup };

/** Facts the registration did not state, so the rule ran on an assumption the nurse verifies at intake. */
export type Assumption = 'traumaMechanismUnknown' | 'pathologicalUnknown';

export interface Classification {
  outcome: EligibilityOutcome;
  reason: EligibilityReason;
  ageAtFracture: number;
  group: PatientGroup | null;
  sharedDecisionRecommended: boolean;
  assumptions: Assumption[];
  /** Rule IDs behind the outcome, for the worklist and the audit trail. */
  rules: string[];
  engine: ConfigIdentity;
}

/**
 * Runs one imported fracture through the clinical engine's case-finding rule (R1). The registration
 * rarely states the trauma mechanism or a pathological cause; an unstated fact counts as "no" for the
 * rule and is listed as an assumption, so nobody is left out for lack of data.
 */
export function classifyRegistration(
  registration: FractureRegistration,
  today: string,
  config: ClinicalConfig,
): Classification {
  const { patient, fracture } = registration;
  const ageAtFracture = completedYears(patient.birthDate, fracture.date);
  const assumptions: Assumption[] = [];
  if (fracture.traumaMechanism === 'unknown') assumptions.push('traumaMechanismUnknown');
  if (fracture.pathological === null) assumptions.push('pathologicalUnknown');
  const result = assessEligibility(
    {
      ageYears: ageAtFracture,
      // R1 does not depend on sex; the engine's input type only knows female and male.
      sex: patient.sex === 'male' ? 'male' : 'female',
      fractureLocation: fracture.siteCode ?? 'unknown',
      fractureIsRecent: isFractureRecent(fracture.date, today, config),
      isPathologicalFracture: fracture.pathological === true,
      isHighEnergyTrauma: fracture.traumaMechanism === 'high',
    },
    config,
  );
  const outcome: EligibilityOutcome =
    result.eligible === true ? 'eligible' : result.eligible === false ? 'excluded' : 'manual_review';
  return {
    outcome,
    reason: result.reason,
    ageAtFracture,
    group: fracture.siteCode === null ? null : patientGroup(fracture.siteCode, fracture.encounterType),
    sharedDecisionRecommended: result.sharedDecisionRecommended,
    assumptions: outcome === 'eligible' ? assumptions : [],
    rules: result.explanation.rules.map((r) => r.ruleId),
    engine: configIdentity(config),
  };
}
