// Narrow readers for untrusted JSON: the Bundle comes from outside, so its TypeScript types cannot be assumed.
export type JsonObject = { readonly [key: string]: unknown };

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function objectAt(parent: JsonObject | undefined, key: string): JsonObject | undefined {
  const value = parent?.[key];
  return isObject(value) ? value : undefined;
}

export function stringAt(parent: JsonObject | undefined, key: string): string | undefined {
  const value = parent?.[key];
  return typeof value === 'string' ? value : undefined;
}

export function arrayAt(parent: JsonObject | undefined, key: string): readonly unknown[] {
  const value = parent?.[key];
  return Array.isArray(value) ? (value as readonly unknown[]) : [];
}

export function objectsAt(parent: JsonObject | undefined, key: string): readonly JsonObject[] {
  return arrayAt(parent, key).filter(isObject);
}

export function stringsAt(parent: JsonObject | undefined, key: string): string[] {
  return arrayAt(parent, key).filter((v): v is string => typeof v === 'string');
}

/** "Unexpected token } in JSON at position 57" → "line 3, column 12". */
export function describeJsonError(error: unknown, text: string): string {
  const message = error instanceof Error ? error.message : String(error);
  const position = /position (\d+)/.exec(message)?.[1];
  if (position === undefined) return message;
  const offset = Number(position);
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - before.lastIndexOf('\n');
  return `${message} (line ${line}, column ${column})`;
}

export type JsonKind = 'string' | 'number' | 'boolean' | 'object' | 'array';

function kindOf(value: unknown): JsonKind | 'null' {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  const type = typeof value;
  return type === 'string' || type === 'number' || type === 'boolean' ? type : 'object';
}

const ARTICLE: Readonly<Record<JsonKind | 'null', string>> = {
  string: 'a string',
  number: 'a number',
  boolean: 'a boolean',
  object: 'an object',
  array: 'an array',
  null: 'null',
};

export interface TypeProblem {
  /** FHIRPath-like location, e.g. `Bundle.entry[2].resource.code.coding[0].system`. */
  field: string;
  message: string;
}

/**
 * Elements that are present with another JSON type than FHIR defines for them. `expected` names paths
 * below the resource (`code.coding[].system`: every element of the array); absent elements are not
 * problems — reading them as absent is what the caller does anyway, but it should not do so silently.
 */
export function wrongTypes(
  resource: JsonObject,
  path: string,
  expected: Readonly<Record<string, JsonKind>>,
): TypeProblem[] {
  const problems: TypeProblem[] = [];
  const visit = (value: unknown, at: string, steps: readonly string[], kind: JsonKind): void => {
    const [step, ...rest] = steps;
    if (step === undefined) {
      const actual = kindOf(value);
      if (actual !== kind)
        problems.push({ field: at, message: `is ${ARTICLE[actual]}, expected ${ARTICLE[kind]}` });
      return;
    }
    if (!isObject(value)) return;
    const each = step.endsWith('[]');
    const key = each ? step.slice(0, -2) : step;
    const child = value[key];
    if (child === undefined) return;
    if (!each) {
      visit(child, `${at}.${key}`, rest, kind);
      return;
    }
    if (!Array.isArray(child)) {
      problems.push({ field: `${at}.${key}`, message: `is ${ARTICLE[kindOf(child)]}, expected an array` });
      return;
    }
    (child as readonly unknown[]).forEach((element, i) => {
      visit(element, `${at}.${key}[${i}]`, rest, kind);
    });
  };
  for (const [dotted, kind] of Object.entries(expected)) visit(resource, path, dotted.split('.'), kind);
  return problems;
}

/** Path of the first string in `value` that contains `ch` (depth first), or undefined. */
export function findCharacter(value: unknown, path: string, ch: string): string | undefined {
  if (typeof value === 'string') return value.includes(ch) ? path : undefined;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findCharacter(value[i], `${path}[${i}]`, ch);
      if (found !== undefined) return found;
    }
    return undefined;
  }
  if (isObject(value)) {
    for (const [key, child] of Object.entries(value)) {
      const found = findCharacter(child, `${path}.${key}`, ch);
      if (found !== undefined) return found;
    }
  }
  return undefined;
}
