// Value checkers for configuration entries: hand-written so the clinical core keeps zero runtime dependencies.
import { ClinicalConfigError } from './errors';

/**
 * What a value may be, as data: the configuration screen builds its field from it (a number field with
 * its range, a choice of the allowed codes …) and says the allowed range in the user's language.
 */
export type ValueShape =
  | { readonly kind: 'number'; readonly min: number; readonly max: number; readonly integer: boolean }
  | { readonly kind: 'boolean' }
  | { readonly kind: 'enum'; readonly values: readonly string[] }
  | { readonly kind: 'nullable'; readonly inner: ValueShape }
  | {
      readonly kind: 'list';
      readonly item: ValueShape;
      readonly minLength: number;
      readonly maxLength: number;
      readonly unique: boolean;
    }
  | { readonly kind: 'record'; readonly keys: readonly string[]; readonly item: ValueShape }
  | { readonly kind: 'calciumTable' };

export interface ValueSpec<T> {
  /** Human-readable type, used in error messages and in the safety document. */
  readonly describe: string;
  readonly shape: ValueShape;
  readonly parse: (raw: unknown, key: string) => T;
}

function typeName(raw: unknown): string {
  if (raw === null) return 'null';
  if (Array.isArray(raw)) return 'array';
  return typeof raw;
}

export function numberSpec(min: number, max: number, integer = false): ValueSpec<number> {
  return {
    describe: `${integer ? 'integer' : 'number'} ${min}…${max}`,
    shape: { kind: 'number', min, max, integer },
    parse(raw, key) {
      if (typeof raw !== 'number' || !Number.isFinite(raw)) {
        throw new ClinicalConfigError(key, 'wrongType', `expected a number, got ${typeName(raw)}`);
      }
      if (raw < min || raw > max || (integer && !Number.isInteger(raw))) {
        throw new ClinicalConfigError(
          key,
          'outOfRange',
          `expected ${integer ? 'an integer ' : ''}${min}…${max}, got ${raw}`,
        );
      }
      return raw;
    },
  };
}

export const booleanSpec: ValueSpec<boolean> = {
  describe: 'boolean',
  shape: { kind: 'boolean' },
  parse(raw, key) {
    if (typeof raw !== 'boolean')
      throw new ClinicalConfigError(key, 'wrongType', `expected a boolean, got ${typeName(raw)}`);
    return raw;
  },
};

export function enumSpec<const T extends string>(values: readonly T[]): ValueSpec<T> {
  return {
    describe: `one of ${values.map((v) => `"${v}"`).join(', ')}`,
    shape: { kind: 'enum', values },
    parse(raw, key) {
      if (typeof raw !== 'string')
        throw new ClinicalConfigError(key, 'wrongType', `expected a string, got ${typeName(raw)}`);
      if (!(values as readonly string[]).includes(raw)) {
        throw new ClinicalConfigError(key, 'unknownValue', `expected ${values.join(' | ')}, got "${raw}"`);
      }
      return raw as T;
    },
  };
}

export function nullableSpec<T>(inner: ValueSpec<T>): ValueSpec<T | null> {
  return {
    describe: `${inner.describe} or null`,
    shape: { kind: 'nullable', inner: inner.shape },
    parse: (raw, key) => (raw === null ? null : inner.parse(raw, key)),
  };
}

export function listSpec<T>(
  item: ValueSpec<T>,
  options: { readonly minLength: number; readonly maxLength: number; readonly unique: boolean },
): ValueSpec<readonly T[]> {
  return {
    describe: `list of ${item.describe}`,
    shape: { kind: 'list', item: item.shape, ...options },
    parse(raw, key) {
      if (!Array.isArray(raw))
        throw new ClinicalConfigError(key, 'wrongType', `expected an array, got ${typeName(raw)}`);
      if (raw.length < options.minLength || raw.length > options.maxLength) {
        throw new ClinicalConfigError(
          key,
          'outOfRange',
          `expected ${options.minLength}…${options.maxLength} items`,
        );
      }
      const parsed = raw.map((element: unknown, index) => item.parse(element, `${key}[${index}]`));
      if (options.unique && new Set(parsed).size !== parsed.length) {
        throw new ClinicalConfigError(key, 'outOfRange', 'items must be unique');
      }
      return Object.freeze(parsed);
    },
  };
}

/** An object with exactly the given keys, each checked by `item`. */
export function recordSpec<const K extends string, T>(
  keys: readonly K[],
  item: ValueSpec<T>,
): ValueSpec<Readonly<Record<K, T>>> {
  return {
    describe: `object with keys ${keys.join(', ')} (${item.describe})`,
    shape: { kind: 'record', keys, item: item.shape },
    parse(raw, key) {
      if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
        throw new ClinicalConfigError(key, 'wrongType', `expected an object, got ${typeName(raw)}`);
      }
      const source = raw as Readonly<Record<string, unknown>>;
      for (const k of Object.keys(source)) {
        if (!(keys as readonly string[]).includes(k))
          throw new ClinicalConfigError(`${key}.${k}`, 'unknownKey');
      }
      const result: Partial<Record<K, T>> = {};
      for (const k of keys) {
        if (!(k in source)) throw new ClinicalConfigError(`${key}.${k}`, 'required');
        result[k] = item.parse(source[k], `${key}.${k}`);
      }
      return Object.freeze(result as Record<K, T>);
    },
  };
}

export interface CalciumAgeBand {
  readonly minAgeYears: number;
  /** Inclusive upper age; `null` = no upper limit. */
  readonly maxAgeYears: number | null;
  readonly mgPerDay: number;
}

/** Age bands in ascending order without overlap (gaps are allowed and answered as not covered). */
export const calciumTableSpec: ValueSpec<readonly CalciumAgeBand[]> = {
  describe: 'ascending list of {minAgeYears, maxAgeYears|null, mgPerDay}',
  shape: { kind: 'calciumTable' },
  parse(raw, key) {
    if (!Array.isArray(raw) || raw.length === 0 || raw.length > 20) {
      throw new ClinicalConfigError(key, 'wrongType', 'expected a non-empty array of age bands');
    }
    const age = numberSpec(0, 130, true);
    const mg = numberSpec(0, 5000);
    const bands = raw.map((band: unknown, index): CalciumAgeBand => {
      const at = `${key}[${index}]`;
      if (typeof band !== 'object' || band === null || Array.isArray(band)) {
        throw new ClinicalConfigError(at, 'wrongType', 'expected an object');
      }
      const b = band as Readonly<Record<string, unknown>>;
      for (const k of Object.keys(b)) {
        if (k !== 'minAgeYears' && k !== 'maxAgeYears' && k !== 'mgPerDay')
          throw new ClinicalConfigError(`${at}.${k}`, 'unknownKey');
      }
      const minAgeYears = age.parse(b.minAgeYears, `${at}.minAgeYears`);
      const maxAgeYears = b.maxAgeYears === null ? null : age.parse(b.maxAgeYears, `${at}.maxAgeYears`);
      if (maxAgeYears !== null && maxAgeYears < minAgeYears)
        throw new ClinicalConfigError(at, 'outOfRange', 'maxAgeYears < minAgeYears');
      return Object.freeze({ minAgeYears, maxAgeYears, mgPerDay: mg.parse(b.mgPerDay, `${at}.mgPerDay`) });
    });
    for (let i = 1; i < bands.length; i += 1) {
      const previous = bands[i - 1];
      const current = bands[i];
      if (previous === undefined || current === undefined) continue;
      if (previous.maxAgeYears === null || current.minAgeYears <= previous.maxAgeYears) {
        throw new ClinicalConfigError(`${key}[${i}]`, 'outOfRange', 'age bands must ascend without overlap');
      }
    }
    return Object.freeze(bands);
  },
};
