// The details of a person that a newer registration may change: name, address, phone and GP. Identity
// (BSN, hospital number), birth date and sex never change through an import: a difference there needs a
// person to look, not a silent overwrite (docs/IMPORT.md §2).
import type { ImportedPatient } from '../parsers/types';

export const DEMOGRAPHIC_COLUMNS = {
  familyName: 'family_name',
  givenNames: 'given_names',
  initials: 'initials',
  street: 'street',
  houseNumber: 'house_number',
  postalCode: 'postal_code',
  city: 'city',
  country: 'country',
  phone: 'phone',
  gpName: 'gp_name',
  gpAgbCode: 'gp_agb_code',
  gpPracticeName: 'gp_practice_name',
  gpAddress: 'gp_address',
} as const;

export type DemographicField = keyof typeof DEMOGRAPHIC_COLUMNS;
export const DEMOGRAPHIC_FIELDS = Object.keys(DEMOGRAPHIC_COLUMNS) as DemographicField[];
export type Demographics = Record<DemographicField, string>;

/**
 * The details a source actually sent. An empty or absent field means "not sent" and leaves the stored
 * value alone (HL7 v2: an empty field is no change).
 */
export function sentDemographics(p: ImportedPatient): Partial<Demographics> {
  const candidates: Record<DemographicField, string | undefined> = {
    familyName: p.familyName,
    givenNames: p.givenNames,
    initials: p.initials,
    street: p.address?.street,
    houseNumber: p.address?.houseNumber,
    postalCode: p.address?.postalCode,
    city: p.address?.city,
    country: p.address?.country,
    phone: p.phone,
    gpName: p.gp?.name,
    gpAgbCode: p.gp?.agbCode,
    gpPracticeName: p.gp?.practiceName,
    gpAddress: p.gp?.address,
  };
  const sent: Partial<Demographics> = {};
  for (const field of DEMOGRAPHIC_FIELDS) {
    const value = candidates[field]?.trim();
    if (value !== undefined && value !== '') sent[field] = value;
  }
  return sent;
}

/** The fields whose value `incoming` would change. */
export function changedDemographics(
  current: Demographics,
  incoming: Partial<Demographics>,
): DemographicField[] {
  return DEMOGRAPHIC_FIELDS.filter((f) => incoming[f] !== undefined && incoming[f] !== current[f]);
}

export interface DatedDetails {
  recordedAt: string;
  sent: Partial<Demographics>;
  row: number;
}

export interface DemographicsOutcome {
  values: Demographics;
  asOf: string;
  changed: DemographicField[];
  rows: number[];
}

/**
 * Applies, oldest first, every set of details recorded after `asOf`; details recorded at or before the
 * moment the stored ones were true are ignored (an old message arriving late changes nothing).
 * `undefined` when none of the details is newer.
 */
export function applyNewerDetails(
  current: Demographics,
  asOf: string,
  candidates: readonly DatedDetails[],
): DemographicsOutcome | undefined {
  const newer = candidates
    .filter((c) => Date.parse(c.recordedAt) > Date.parse(asOf))
    .sort((a, b) => Date.parse(a.recordedAt) - Date.parse(b.recordedAt) || a.row - b.row);
  const last = newer[newer.length - 1];
  if (last === undefined) return undefined;
  const values = { ...current };
  for (const c of newer) Object.assign(values, c.sent);
  return {
    values,
    asOf: last.recordedAt,
    changed: changedDemographics(current, values),
    rows: newer.map((c) => c.row),
  };
}
