// Chooses one fracture site from everything a row offers: our own code beats ICD-10, ICD-10 beats SNOMED CT,
// SNOMED CT beats free text. Disagreements are kept as warnings so a reviewer can see them.
import {
  mapIcd10ToSite,
  mapSiteCode,
  mapSnomedToSite,
  matchSiteText,
  memoised,
  parseIcd10Code,
  type SiteMapping,
} from './fractureSites';
import type { RowProblems } from './rowProblems';
import type { FractureSite } from './types';

export interface SiteEvidence {
  siteCode?: { value: string; field: string };
  icd10?: { value: string; field: string };
  snomed?: { value: string; field: string };
  text?: { value: string; field: string };
}

export interface ResolvedSite {
  siteCode: FractureSite | null;
  /** true when a code says pathological; undefined when no code says anything. */
  pathological?: boolean;
  icd10Code?: string;
  snomedCode?: string;
}

const cachedText = memoised(matchSiteText);
const cachedIcd10 = memoised(mapIcd10ToSite);

const SNOMED_ID = /^\d{6,18}$/;

export function resolveSite(evidence: SiteEvidence, problems: RowProblems): ResolvedSite {
  const candidates: { mapping: SiteMapping; field: string }[] = [];
  const result: ResolvedSite = { siteCode: null };

  if (evidence.siteCode !== undefined) {
    const mapping = mapSiteCode(evidence.siteCode.value);
    if (mapping === null) {
      problems.warn(
        evidence.siteCode.field,
        'siteCode.unknown',
        `"${evidence.siteCode.value}" is not an Osteopad fracture-site code; the site is taken from the other columns or reviewed by hand`,
      );
    } else {
      candidates.push({ mapping, field: evidence.siteCode.field });
    }
  }
  if (evidence.icd10 !== undefined) {
    const parsed = parseIcd10Code(evidence.icd10.value);
    if (parsed === null) {
      problems.error(
        evidence.icd10.field,
        'icd10.format',
        `"${evidence.icd10.value}" is not an ICD-10 code (expected e.g. S72.0)`,
      );
    } else {
      result.icd10Code = parsed.code;
      const mapping = cachedIcd10(parsed.code);
      if (mapping === null) {
        problems.warn(
          evidence.icd10.field,
          'icd10.notFracture',
          `ICD-10 ${parsed.code} is not a fracture code`,
        );
      } else {
        candidates.push({ mapping, field: evidence.icd10.field });
      }
    }
  }
  if (evidence.snomed !== undefined) {
    const code = evidence.snomed.value.trim();
    if (!SNOMED_ID.test(code)) {
      problems.error(
        evidence.snomed.field,
        'snomed.format',
        `"${evidence.snomed.value}" is not a SNOMED CT concept id`,
      );
    } else {
      result.snomedCode = code;
      const mapping = mapSnomedToSite(code);
      if (mapping === null) {
        problems.warn(
          evidence.snomed.field,
          'snomed.unmapped',
          `SNOMED CT ${code} is not in the fracture-site table`,
        );
      } else {
        candidates.push({ mapping, field: evidence.snomed.field });
      }
    }
  }
  if (evidence.text !== undefined) {
    const mapping = cachedText(evidence.text.value);
    if (mapping !== null) candidates.push({ mapping, field: evidence.text.field });
  }

  const chosen = candidates.find((c) => c.mapping.siteCode !== null);
  result.siteCode = chosen?.mapping.siteCode ?? null;
  if (chosen !== undefined) {
    const disagreeing = candidates.filter(
      (c) => c.mapping.siteCode !== null && c.mapping.siteCode !== chosen.mapping.siteCode,
    );
    if (disagreeing.length > 0) {
      problems.warn(
        chosen.field,
        'site.conflict',
        `site ${String(chosen.mapping.siteCode)} (from ${chosen.field}) was used; ${disagreeing.map((c) => `${c.field} says ${String(c.mapping.siteCode)}`).join(', ')}`,
      );
    }
  }
  if (result.siteCode === null && !problems.hasErrors) {
    const field =
      evidence.text?.field ??
      evidence.icd10?.field ??
      evidence.snomed?.field ??
      evidence.siteCode?.field ??
      'site';
    problems.warn(
      field,
      'site.unresolved',
      'the fracture site was not recognised or is ambiguous; the case goes to manual review',
    );
  }
  if (candidates.some((c) => c.mapping.pathological === true)) result.pathological = true;
  return result;
}
