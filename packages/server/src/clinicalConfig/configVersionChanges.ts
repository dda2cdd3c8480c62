// What a new clinical configuration version holds: the current configuration's document with the
// requested values set, each one confirmed by who made the version, with the version's reason as its note.
// Pure. A value equal to the current one confirms it (allowed while it is unconfirmed); any other value
// changes it. The whole document is parsed as a configuration file would be, so a version the engine
// would refuse is never made, and the error names the change and the allowed range.
import {
  canonicalJson,
  ClinicalConfigError,
  configDocument,
  isConfigKey,
  parseClinicalConfig,
  parseConfigValue,
  type ClinicalConfig,
  type ClinicalConfigDocument,
} from '@osteopad/clinical';
import type { ConfigChange } from '@osteopad/contract';
import { invalidFields, type FieldIssue } from '../domain/errors';

export interface RequestedChange {
  readonly key: string;
  readonly value: unknown;
}

export interface ConfigVersionAuthor {
  /** As the confirmation names them: the user's name and the date (`Dr. A. Bot, 2026-12-06`). */
  readonly confirmedBy: string;
  readonly reason: string;
}

export interface NewConfigVersion {
  readonly version: string;
  readonly document: ClinicalConfigDocument;
  readonly config: ClinicalConfig;
  readonly changes: readonly ConfigChange[];
}

/** `ETZ-2026-03` → `ETZ-2026-03+4`: the installation file's version, and the organisation's version number. */
export function versionName(current: ClinicalConfig, number: number): string {
  return `${current.version.replace(/\+\d+$/, '')}+${String(number)}`;
}

function issueOf(index: number, error: ClinicalConfigError): FieldIssue {
  return { field: `changes.${String(index)}.value`, code: error.reason, message: error.message };
}

export function newConfigVersion(
  current: ClinicalConfig,
  number: number,
  requested: readonly RequestedChange[],
  author: ConfigVersionAuthor,
): NewConfigVersion {
  const issues: FieldIssue[] = [];
  const changes: ConfigChange[] = [];
  const values: Record<string, unknown> = { ...configDocument(current).values };
  const seen = new Set<string>();
  requested.forEach(({ key, value }, index) => {
    if (!isConfigKey(key)) {
      issues.push({
        field: `changes.${String(index)}.key`,
        code: 'unknown_key',
        message: `"${key}" is no configuration key.`,
      });
      return;
    }
    if (seen.has(key)) {
      issues.push({
        field: `changes.${String(index)}.key`,
        code: 'duplicate_key',
        message: `"${key}" is named twice.`,
      });
      return;
    }
    seen.add(key);
    let parsed: unknown;
    try {
      parsed = parseConfigValue(key, value);
    } catch (error) {
      if (!(error instanceof ClinicalConfigError)) throw error;
      issues.push(issueOf(index, error));
      return;
    }
    const entry = current.entries[key];
    const same = canonicalJson(parsed) === canonicalJson(entry.value);
    if (same && (entry.marker === 'SOURCE' || entry.confirmedBy !== undefined)) {
      issues.push({
        field: `changes.${String(index)}.value`,
        code: 'unchanged',
        message: `"${key}" already has this value and needs no confirmation.`,
      });
      return;
    }
    changes.push({ key, kind: same ? 'confirmed' : 'changed', from: entry.value, to: parsed });
    values[key] = { value: parsed, confirmedBy: author.confirmedBy, note: author.reason };
  });
  if (issues.length > 0) throw invalidFields('The configuration version was not made.', issues);
  const version = versionName(current, number);
  const document: ClinicalConfigDocument = { version, values };
  let config: ClinicalConfig;
  try {
    config = parseClinicalConfig(document);
  } catch (error) {
    if (!(error instanceof ClinicalConfigError)) throw error;
    const at = requested.findIndex(
      (change) => error.key === change.key || error.key.startsWith(`${change.key}.`),
    );
    throw invalidFields('The configuration version was not made.', [
      at < 0 ? { field: 'changes', code: error.reason, message: error.message } : issueOf(at, error),
    ]);
  }
  return { version, document, config, changes };
}
