/** Why a patient does not take part; "other" needs a note. */
export const DECLINE_REASONS = [
  'not_interested',
  'too_ill_or_frail',
  'treated_elsewhere',
  'already_on_treatment',
  'moved_away',
  'deceased',
  'other',
] as const;
export type DeclineReason = (typeof DECLINE_REASONS)[number];

/** Why a fracture sent to manual review does not qualify after all. */
export const NOT_ELIGIBLE_REASONS = [
  'excluded_site',
  'high_energy_trauma',
  'pathological_fracture',
  'not_a_fracture',
  'fracture_not_recent',
  'age_below_50',
  'other',
] as const;
export type NotEligibleReason = (typeof NOT_ELIGIBLE_REASONS)[number];
