// The pass criterion of RULES.md ("How to use this reference"): every expected key present with an equal value;
// numbers within the tolerance; arrays of strings/numbers in any order; objects recursively; extra keys allowed.

export interface ComparisonResult {
  readonly pass: boolean;
  /** One line per difference, with the path of the value (`points.age`, `reasons`). */
  readonly mismatches: readonly string[];
}

export const DEFAULT_TOLERANCE = 1e-6;

function describe(value: unknown): string {
  if (value === undefined) return 'missing';
  const text = JSON.stringify(value);
  return text.length > 200 ? `${text.slice(0, 197)}...` : text;
}

function isPlainObject(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isScalarList(list: readonly unknown[]): list is readonly (string | number)[] {
  return list.every((item) => typeof item === 'string' || typeof item === 'number');
}

function scalarOrder(a: string | number, b: string | number): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'number') return -1;
  if (typeof b === 'number') return 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

function compareAt(expected: unknown, actual: unknown, tolerance: number, path: string, out: string[]): void {
  const here = path === '' ? '(root)' : path;
  if (typeof expected === 'number') {
    if (typeof actual !== 'number' || Number.isNaN(actual) || !(Math.abs(actual - expected) <= tolerance)) {
      out.push(`${here}: expected ${describe(expected)}, got ${describe(actual)}`);
    }
    return;
  }
  if (expected === null || typeof expected === 'string' || typeof expected === 'boolean') {
    if (actual !== expected) out.push(`${here}: expected ${describe(expected)}, got ${describe(actual)}`);
    return;
  }
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual) || actual.length !== expected.length) {
      out.push(`${here}: expected ${describe(expected)}, got ${describe(actual)}`);
      return;
    }
    const expectedList: readonly unknown[] = expected;
    const actualList: readonly unknown[] = actual;
    if (isScalarList(expectedList)) {
      if (!isScalarList(actualList)) {
        out.push(`${here}: expected ${describe(expected)}, got ${describe(actual)}`);
        return;
      }
      const e = [...expectedList].sort(scalarOrder);
      const a = [...actualList].sort(scalarOrder);
      const inner: string[] = [];
      e.forEach((item, i) => {
        compareAt(item, a[i], tolerance, `${here}[${i}]`, inner);
      });
      if (inner.length > 0)
        out.push(`${here}: expected ${describe(expected)} in any order, got ${describe(actual)}`);
      return;
    }
    expectedList.forEach((item, i) => {
      compareAt(item, actualList[i], tolerance, `${path}[${i}]`, out);
    });
    return;
  }
  if (isPlainObject(expected)) {
    if (!isPlainObject(actual)) {
      out.push(`${here}: expected an object, got ${describe(actual)}`);
      return;
    }
    for (const key of Object.keys(expected)) {
      const childPath = path === '' ? key : `${path}.${key}`;
      if (!Object.prototype.hasOwnProperty.call(actual, key)) {
        out.push(`${childPath}: expected ${describe(expected[key])}, got missing`);
        continue;
      }
      compareAt(expected[key], actual[key], tolerance, childPath, out);
    }
    return;
  }
  out.push(`${here}: unsupported expected value ${describe(expected)}`);
}

/** Compares a case's `expected` with a rule's output under the RULES.md pass criterion. */
export function compareExpected(
  expected: unknown,
  actual: unknown,
  tolerance: number = DEFAULT_TOLERANCE,
): ComparisonResult {
  const mismatches: string[] = [];
  compareAt(expected, actual, tolerance, '', mismatches);
  return { pass: mismatches.length === 0, mismatches };
}
