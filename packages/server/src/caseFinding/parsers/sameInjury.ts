// One injury is often coded twice on one day: "fracture of forearm" plus "osteoporotic fracture", or an
// ICD-10 and a SNOMED diagnosis of the same wrist. Stored as two fractures, the second would sit in manual
// review (no site) or be counted as a duplicate and lose its code. Registrations of one patient on one
// date that cannot be two different injuries are folded into one fracture that keeps every code.
import type {
  FractureRegistration,
  ImportRowWarning,
  ImportedFracture,
  ParsedRow,
  SourceCode,
} from './types';

function identityOf(r: FractureRegistration): string {
  const p = r.patient;
  return p.bsn !== undefined && p.bsn !== ''
    ? `bsn:${p.bsn}`
    : `src:${p.sourceSystem ?? ''}\u0000${p.sourceId ?? ''}`;
}

function codeKey(c: SourceCode): string {
  return `${c.system}\u0000${c.code}`;
}

function describe(f: ImportedFracture): string {
  const codes = (f.sourceCodes ?? []).map((c) => `${c.system} ${c.code}`).join(', ');
  return codes === '' ? `"${f.siteText ?? ''}"` : codes;
}

/** `into` with the codes, texts and pathological flag of `other` (a pathological mention is never lost). */
function fold(into: ImportedFracture, other: ImportedFracture): ImportedFracture {
  const seen = new Set((into.sourceCodes ?? []).map(codeKey));
  const extra = (other.sourceCodes ?? []).filter((c) => !seen.has(codeKey(c)));
  const merged: ImportedFracture = { ...into, sourceCodes: [...(into.sourceCodes ?? []), ...extra] };
  if (other.pathological === true) merged.pathological = true;
  if (merged.icd10Code === undefined && other.icd10Code !== undefined) merged.icd10Code = other.icd10Code;
  if (merged.snomedCode === undefined && other.snomedCode !== undefined) merged.snomedCode = other.snomedCode;
  if (merged.siteText === undefined && other.siteText !== undefined) merged.siteText = other.siteText;
  return merged;
}

type Accepted = Extract<ParsedRow, { ok: true }>;

/**
 * Folds the accepted rows of one source unit (one HL7 message, one FHIR Bundle) that describe one injury:
 * same patient and date, and the same site — or no site while that day has at most one site. Rows with
 * errors, and injuries at two different sites on one day, are left as they are. Order is kept; a folded
 * row leaves a warning on the one it joined.
 */
export function foldSameInjury(rows: readonly ParsedRow[], field: (row: Accepted) => string): ParsedRow[] {
  const groups = new Map<string, Accepted[]>();
  for (const row of rows) {
    if (!row.ok) continue;
    const key = `${identityOf(row.record)}|${row.record.fracture.date}`;
    const group = groups.get(key) ?? [];
    group.push(row);
    groups.set(key, group);
  }
  const replaced = new Map<Accepted, Accepted | null>();
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    const sites = new Set(
      group.flatMap((r) => (r.record.fracture.siteCode === null ? [] : [r.record.fracture.siteCode])),
    );
    /** The row each one joins: the first of its site; rows without a site join the day's one site, if any. */
    const firstOfSite = new Map<string | null, Accepted>();
    for (const row of group) {
      const site = row.record.fracture.siteCode;
      if (!firstOfSite.has(site)) firstOfSite.set(site, row);
    }
    const onlySite = sites.size === 1 ? firstOfSite.get([...sites][0] ?? null) : undefined;
    for (const row of group) {
      const site = row.record.fracture.siteCode;
      const target =
        site === null ? (sites.size === 0 ? firstOfSite.get(null) : onlySite) : firstOfSite.get(site);
      if (target === undefined || target === row) continue;
      const current = replaced.get(target) ?? target;
      const warning: ImportRowWarning = {
        row: row.record.source.row,
        field: field(row),
        code: 'fracture.sameInjury',
        message: `${describe(row.record.fracture)} on ${row.record.fracture.date} describes the same injury as ${describe(current.record.fracture)}; stored as one fracture with both codes`,
      };
      // The injury has the site now: the folded diagnosis's "site not recognised" no longer holds.
      const carried = row.warnings.filter(
        (w) => w.code !== 'site.unresolved' || target.record.fracture.siteCode === null,
      );
      replaced.set(target, {
        ok: true,
        record: { ...current.record, fracture: fold(current.record.fracture, row.record.fracture) },
        warnings: [...current.warnings, ...carried, warning],
      });
      replaced.set(row, null);
    }
  }
  if (replaced.size === 0) return [...rows];
  return rows.flatMap((row): ParsedRow[] => {
    if (!row.ok) return [row];
    const outcome = replaced.get(row);
    if (outcome === undefined) return [row];
    return outcome === null ? [] : [outcome];
  });
}
