/// <reference types="node" />
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { AUDIT_FILTER_ERRORS } from '../audit/auditFilterForm';
import {
  ASSUMPTIONS,
  AUDIT_ACTIONS,
  AUDIT_OBJECT_TYPES,
  AUDIT_OUTCOMES,
  AUDIT_PURPOSES,
  CONFIG_MARKERS,
  DECLINE_REASONS,
  ELIGIBILITY_OUTCOMES,
  ELIGIBILITY_REASONS,
  ENCOUNTER_TYPES,
  EPISODE_REASON_CODES,
  EPISODE_STATES,
  FRACTURE_SITES,
  FRACTURE_SOURCES,
  IMPORT_CHANNELS,
  IMPORT_ENCODINGS,
  IMPORT_FORMATS,
  IMPORT_STATUSES,
  LETTER_LOCALES,
  NOT_ELIGIBLE_REASONS,
  PATIENT_GROUPS,
  ROLES,
  SEXES,
  TASK_KINDS,
  TRAUMA_MECHANISMS,
  UPLOAD_KINDS,
  APPOINTMENT_KINDS,
  APPOINTMENT_STATUSES,
  CALL_OUTCOMES,
  FRACTURE_INCLUSION_REASONS,
  NEXT_STEP_ACTIONS,
  REOPEN_REASONS,
  WRONG_NUMBER_NEXT_STEPS,
  WEEKDAYS,
} from '@osteopad/contract';
import { ERROR_MESSAGE_KEYS } from '../common/errorMessageKey';
import { LETTER_ORGANIZATION_FIELDS, LETTER_PATIENT_FIELDS } from '../letters/letterFailure';
import { SENT_ON_ERRORS } from '../worklist/sentOnDate';
import { WORKLIST_FILTER_ERRORS } from '../worklist/worklistFilterForm';
import { WORKLIST_TABS } from '../worklist/worklistSearch';
import { LOGIN_ERROR_KEYS } from '../login/loginErrorKey';
import { PROFILE_PROBLEMS, TEXT_FIELDS } from '../organization/profileDraft';
import { fractureSiteKey } from './labels';
import { LANGUAGES } from './languages';
import { mergedCatalogues } from './catalogueFiles';
import { findTranslationCalls, type SourceFinding } from './sourceChecks';

const SRC = fileURLToPath(new URL('..', import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    if (!/\.tsx?$/.test(entry.name) || /\.test\.tsx?$/.test(entry.name) || entry.name.endsWith('.d.ts'))
      return [];
    return [path];
  });
}

const files = sourceFiles(SRC).map((path) => ({
  file: relative(SRC, path),
  source: readFileSync(path, 'utf8'),
}));
const calls = files.map(({ file, source }) => findTranslationCalls(file, source));
const literal = calls.flatMap((c) => c.literal);
const template = calls.flatMap((c) => c.template);
const dynamic = calls.flatMap((c) => c.dynamic);

// The main catalogues and every screen's own (screenCatalogues.ts), merged per language.
const { catalogues } = mergedCatalogues();
const where = (f: SourceFinding): string => `${f.file}:${String(f.line)} ${f.text}`;

/** A key as i18next resolves it: the key itself, or its plural forms when called with `count`. */
function exists(entries: Map<string, unknown>, key: string): boolean {
  return entries.has(key) || (entries.has(`${key}_one`) && entries.has(`${key}_other`));
}

describe('the translation call scanner', () => {
  it('tells literal, template and dynamic keys apart', () => {
    const found = findTranslationCalls(
      'Example.tsx',
      "const a = t('a.b'); const b = i18n.t(`c.${x}`); const c = t(key, { count: 2 }); // t('in.comment')",
    );
    expect(found.literal.map((f) => f.text)).toEqual(['a.b']);
    expect(found.template.map((f) => f.text)).toEqual(['c.']);
    expect(found.dynamic.map((f) => f.text)).toEqual(['key']);
  });

  it('treats a plural key as present when both forms exist', () => {
    const entries = new Map([
      ['x.count_one', '1'],
      ['x.count_other', 'n'],
    ]);
    expect(exists(entries, 'x.count')).toBe(true);
    expect(exists(entries, 'x.total')).toBe(false);
  });
});

describe('translation keys used in the sources', () => {
  it('finds the calls at all (the scanner works on this code base)', () => {
    expect(files.length).toBeGreaterThan(30);
    expect(literal.length).toBeGreaterThan(100);
    expect(literal.map((f) => f.text)).toContain('patients.searchPlaceholder');
  });

  it.each(Object.entries(catalogues))('every literal t() key exists in %s', (_language, entries) => {
    expect(literal.filter((f) => !exists(entries, f.text)).map(where)).toEqual([]);
  });

  it('every template key starts with a group of keys', () => {
    expect(template.length).toBeGreaterThan(5);
    const groups = new Set([...catalogues.nl.keys()].map((key) => key.slice(0, key.lastIndexOf('.') + 1)));
    expect(template.filter((f) => !groups.has(f.text)).map(where)).toEqual([]);
  });

  /*
   * A key in a variable cannot be read from the source. These are each typed as a union of literal
   * keys (so the type check, with the typed catalogues of i18next.d.ts, rejects a wrong one) and the
   * union's list is checked below. A new dynamic key must be added here, with its list.
   */
  it('uses dynamic keys only where a test enumerates them', () => {
    expect(dynamic.map((f) => `${f.file} ${f.text}`).sort()).toEqual(
      [
        'common/ErrorScreen.tsx errorMessageKey(error)',
        'common/QueryError.tsx key',
        'login/LoginScreen.tsx loginErrorKey(mutation.error)',
      ].sort(),
    );
  });

  const keyLists: Record<string, readonly string[]> = {
    'error messages': ERROR_MESSAGE_KEYS,
    'login errors': LOGIN_ERROR_KEYS,
    roles: ROLES.map((v) => `roles.${v}`),
    sexes: SEXES.map((v) => `sex.${v}`),
    'episode states': EPISODE_STATES.map((v) => `episodeState.${v}`),
    'episode reasons': EPISODE_REASON_CODES.map((v) => `episodeReason.${v}`),
    'encounter types': ENCOUNTER_TYPES.map((v) => `encounterType.${v}`),
    'trauma mechanisms': TRAUMA_MECHANISMS.map((v) => `traumaMechanism.${v}`),
    eligibility: ELIGIBILITY_OUTCOMES.map((v) => `eligibility.${v}`),
    'patient groups': PATIENT_GROUPS.map((v) => `patientGroup.${v}`),
    'audit actions': AUDIT_ACTIONS.map((v) => `audit.actions.${v}`),
    'audit outcomes': AUDIT_OUTCOMES.map((v) => `audit.outcomes.${v}`),
    'audit object types': AUDIT_OBJECT_TYPES.map((v) => `audit.objectTypes.${v}`),
    'audit purposes': AUDIT_PURPOSES.map((v) => `audit.purposes.${v}`),
    'audit filter errors': AUDIT_FILTER_ERRORS.map((v) => `audit.filters.errors.${v}`),
    languages: LANGUAGES.flatMap((v) => [`language.${v}`, `language.short.${v}`]),
    'letter languages': LETTER_LOCALES.map((v) => `language.${v}`),
    'fracture sites': FRACTURE_SITES.map((v) => `fractureSite.${fractureSiteKey(v)}`),
    'task kinds': TASK_KINDS.map((v) => `taskKind.${v}`),
    'eligibility reasons': [
      ...ELIGIBILITY_REASONS.map((v) => `eligibilityReason.${v}`),
      'eligibilityReason.manualReviewNotEligible',
    ],
    assumptions: ASSUMPTIONS.map((v) => `assumption.${v}`),
    'decline reasons': DECLINE_REASONS.map((v) => `declineReason.${v}`),
    'not-eligible reasons': NOT_ELIGIBLE_REASONS.map((v) => `notEligibleReason.${v}`),
    'fracture sources': FRACTURE_SOURCES.map((v) => `fractureSource.${v}`),
    'import formats': IMPORT_FORMATS.map((v) => `importFormat.${v}`),
    'upload kinds': UPLOAD_KINDS.flatMap((v) => [`importFormat.${v}`, `imports.form.fileHelp.${v}`]),
    'import channels': IMPORT_CHANNELS.map((v) => `importChannel.${v}`),
    'import statuses': IMPORT_STATUSES.map((v) => `importStatus.${v}`),
    encodings: IMPORT_ENCODINGS.map((v) => `encoding.${v}`),
    'worklist tabs': WORKLIST_TABS.flatMap((v) => [`worklist.views.${v}`, `worklist.viewHelp.${v}`]),
    'worklist filter errors': WORKLIST_FILTER_ERRORS.map((v) => `worklist.filters.errors.${v}`),
    'sent-on errors': SENT_ON_ERRORS.map((v) => `sentOn.errors.${v}`),
    'letter organisation fields': LETTER_ORGANIZATION_FIELDS.map((v) => `letters.orgFields.${v}`),
    'letter patient fields': LETTER_PATIENT_FIELDS.map((v) => `letters.patientFields.${v}`),
    'clinical configuration markers': CONFIG_MARKERS.flatMap((v) => [
      `clinicalConfig.markers.${v}`,
      `configScreen.markerHelp.${v}`,
    ]),
    'reopen reasons': REOPEN_REASONS.map((v) => `reopenReason.${v}`),
    'fracture inclusion reasons': FRACTURE_INCLUSION_REASONS.map((v) => `fractureInclusionReason.${v}`),
    'appointment kinds': APPOINTMENT_KINDS.map((v) => `episode.appointmentKind.${v}`),
    'appointment statuses': APPOINTMENT_STATUSES.map((v) => `episode.appointmentStatus.${v}`),
    'call outcomes': [...CALL_OUTCOMES, ...WRONG_NUMBER_NEXT_STEPS].map((v) => `episode.call.${v}`),
    'next steps': NEXT_STEP_ACTIONS.map((v) => `episode.nextStep.${v}`),
    weekdays: WEEKDAYS.map((v) => `organization.weekdays.${v}`),
    'organisation profile fields': TEXT_FIELDS.map((v) => `organization.fields.${v}`),
    'organisation profile problems': PROFILE_PROBLEMS.map((v) => `organization.problems.${v}`),
  };

  it.each(Object.entries(keyLists))('every one of the %s has a label in both languages', (_name, keys) => {
    expect(keys.length).toBeGreaterThan(0);
    for (const [language, entries] of Object.entries(catalogues)) {
      expect(
        keys.filter((key) => !entries.has(key)),
        language,
      ).toEqual([]);
    }
  });
});
