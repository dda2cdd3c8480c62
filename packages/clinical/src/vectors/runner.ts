// Running vector cases: parsing a vector file's text and checking every case against its adapter. Pure: the CLI
// and the tests do the file reading.
import { DEFAULT_CONFIG, type ClinicalConfig } from '../config';
import { ClinicalConfigError, ClinicalInputError } from '../errors';
import { compareExpected, DEFAULT_TOLERANCE } from './compare';
import { RULE_SETS, type VectorOutput } from './ruleSets';

export interface VectorCase {
  readonly id: string;
  readonly ruleSet: string;
  readonly input: Readonly<Record<string, unknown>>;
  readonly expected: Readonly<Record<string, unknown>>;
  readonly source?: string;
  readonly tolerance?: number;
}

export interface VectorCaseResult {
  readonly id: string;
  readonly ruleSet: string;
  readonly pass: boolean;
  readonly expected: Readonly<Record<string, unknown>>;
  readonly actual: VectorOutput | null;
  readonly mismatches: readonly string[];
  /** Set when the case could not run (unknown rule set, rejected input). */
  readonly error?: string;
}

export interface VectorRunSummary {
  readonly passed: number;
  readonly failed: number;
  readonly results: readonly VectorCaseResult[];
}

export class VectorFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'VectorFileError';
  }
}

function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Parses the text of a vector file: `{ "cases": [...] }` (the shared format) or a bare array of cases.
 * @throws VectorFileError with the file name and the reason.
 */
export function parseVectorFile(text: string, fileName: string): readonly VectorCase[] {
  let document: unknown;
  try {
    document = JSON.parse(text) as unknown;
  } catch (error) {
    throw new VectorFileError(
      `${fileName}: not valid JSON (${error instanceof Error ? error.message : 'parse error'})`,
    );
  }
  const list: unknown = Array.isArray(document) ? document : isRecord(document) ? document.cases : undefined;
  if (!Array.isArray(list)) throw new VectorFileError(`${fileName}: expected an object with a "cases" array`);
  return list.map((item: unknown, index): VectorCase => {
    const where = `${fileName}: case #${index + 1}`;
    if (!isRecord(item)) throw new VectorFileError(`${where} is not an object`);
    const { id, ruleSet, input, expected, source, tolerance } = item;
    if (typeof id !== 'string' || id === '') throw new VectorFileError(`${where} has no string "id"`);
    if (typeof ruleSet !== 'string' || ruleSet === '')
      throw new VectorFileError(`${where} (${id}) has no string "ruleSet"`);
    if (!isRecord(input)) throw new VectorFileError(`${where} (${id}) has no object "input"`);
    if (!isRecord(expected)) throw new VectorFileError(`${where} (${id}) has no object "expected"`);
    if (tolerance !== undefined && (typeof tolerance !== 'number' || !(tolerance >= 0))) {
      throw new VectorFileError(`${where} (${id}) has an invalid "tolerance"`);
    }
    return {
      id,
      ruleSet,
      input,
      expected,
      ...(typeof source === 'string' ? { source } : {}),
      ...(typeof tolerance === 'number' ? { tolerance } : {}),
    };
  });
}

/** Runs one case; never throws for clinical input problems (they fail the case with a message). */
export function runVectorCase(
  testCase: VectorCase,
  config: ClinicalConfig = DEFAULT_CONFIG,
): VectorCaseResult {
  const base = { id: testCase.id, ruleSet: testCase.ruleSet, expected: testCase.expected };
  const adapter = Object.prototype.hasOwnProperty.call(RULE_SETS, testCase.ruleSet)
    ? RULE_SETS[testCase.ruleSet]
    : undefined;
  if (adapter === undefined) {
    return {
      ...base,
      pass: false,
      actual: null,
      mismatches: [],
      error: `unknown ruleSet "${testCase.ruleSet}"`,
    };
  }
  let actual: VectorOutput;
  try {
    actual = adapter(testCase.input, config);
  } catch (error) {
    if (error instanceof ClinicalInputError || error instanceof ClinicalConfigError) {
      return { ...base, pass: false, actual: null, mismatches: [], error: error.message };
    }
    throw error;
  }
  const comparison = compareExpected(testCase.expected, actual, testCase.tolerance ?? DEFAULT_TOLERANCE);
  return { ...base, pass: comparison.pass, actual, mismatches: comparison.mismatches };
}

export function runVectorCases(
  cases: readonly VectorCase[],
  config: ClinicalConfig = DEFAULT_CONFIG,
): VectorRunSummary {
  const results = cases.map((c) => runVectorCase(c, config));
  const passed = results.filter((r) => r.pass).length;
  return { passed, failed: results.length - passed, results };
}

/** Human-readable report of one failed case: id, rule set, expected, actual and the differences. */
export function formatFailure(result: VectorCaseResult): string {
  const actual =
    result.actual === null
      ? null
      : Object.fromEntries(Object.entries(result.actual).filter(([key]) => key !== 'explanation'));
  const lines = [
    `FAIL ${result.id} [${result.ruleSet}]`,
    `  expected: ${JSON.stringify(result.expected)}`,
    `  actual:   ${actual === null ? '(none)' : JSON.stringify(actual)}`,
  ];
  if (result.error !== undefined) lines.push(`  error:    ${result.error}`);
  for (const m of result.mismatches) lines.push(`  - ${m}`);
  return lines.join('\n');
}

export function summaryLine(passed: number, failed: number): string {
  return `${passed} passed, ${failed} failed`;
}
