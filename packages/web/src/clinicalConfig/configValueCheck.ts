import type { ConfigLeafShape, ConfigValueShape } from '@osteopad/contract';

/**
 * Why a value typed on the screen is not one the engine accepts, checked before it is sent (the server
 * checks again and refuses the whole version with the same reasons). The screen words each reason with
 * the allowed range.
 */
export type ValueProblem =
  | { readonly kind: 'required' }
  | { readonly kind: 'range'; readonly min: number; readonly max: number; readonly integer: boolean }
  | { readonly kind: 'choice' }
  | { readonly kind: 'listLength'; readonly min: number; readonly max: number }
  | { readonly kind: 'duplicates' }
  | { readonly kind: 'ageBands' };

function leafProblem(shape: ConfigLeafShape, value: unknown): ValueProblem | null {
  switch (shape.kind) {
    case 'number': {
      if (typeof value !== 'number' || !Number.isFinite(value)) return { kind: 'required' };
      const { min, max, integer } = shape;
      if (value < min || value > max || (integer && !Number.isInteger(value)))
        return { kind: 'range', min, max, integer };
      return null;
    }
    case 'boolean':
      return typeof value === 'boolean' ? null : { kind: 'required' };
    case 'enum':
      return typeof value === 'string' && shape.values.includes(value) ? null : { kind: 'choice' };
  }
}

const AGE = { min: 0, max: 130, integer: true } as const;
const MG = { min: 0, max: 5000, integer: false } as const;

function bandProblem(value: unknown): ValueProblem | null {
  if (!Array.isArray(value) || value.length === 0) return { kind: 'required' };
  let previousMax: number | null | undefined;
  for (const band of value) {
    if (typeof band !== 'object' || band === null) return { kind: 'required' };
    const { minAgeYears, maxAgeYears, mgPerDay } = band as Record<string, unknown>;
    const problem =
      leafProblem({ kind: 'number', ...AGE }, minAgeYears) ??
      (maxAgeYears === null ? null : leafProblem({ kind: 'number', ...AGE }, maxAgeYears)) ??
      leafProblem({ kind: 'number', ...MG }, mgPerDay);
    if (problem !== null) return problem;
    const min = minAgeYears as number;
    const max = maxAgeYears as number | null;
    if (max !== null && max < min) return { kind: 'ageBands' };
    if (previousMax !== undefined && (previousMax === null || min <= previousMax))
      return { kind: 'ageBands' };
    previousMax = max;
  }
  return null;
}

export function configValueProblem(shape: ConfigValueShape, value: unknown): ValueProblem | null {
  switch (shape.kind) {
    case 'number':
    case 'boolean':
    case 'enum':
      return leafProblem(shape, value);
    case 'nullable':
      return value === null ? null : leafProblem(shape.inner, value);
    case 'list': {
      if (!Array.isArray(value)) return { kind: 'required' };
      if (value.length < shape.minLength || value.length > shape.maxLength)
        return { kind: 'listLength', min: shape.minLength, max: shape.maxLength };
      for (const item of value) {
        const problem = leafProblem(shape.item, item);
        if (problem !== null) return problem;
      }
      return shape.unique && new Set(value).size !== value.length ? { kind: 'duplicates' } : null;
    }
    case 'record': {
      if (typeof value !== 'object' || value === null) return { kind: 'required' };
      for (const key of shape.keys) {
        const problem = leafProblem(shape.item, (value as Record<string, unknown>)[key]);
        if (problem !== null) return problem;
      }
      return null;
    }
    case 'calciumTable':
      return bandProblem(value);
  }
}

/** "16, 52" → [16, 52]; a part that is no number stays as NaN, so the check refuses it. */
export function parseNumberList(text: string): number[] {
  const parts = text
    .split(/[;\s]+|,\s+|,(?=\D)/u)
    .map((part) => part.trim())
    .filter((part) => part !== '');
  return parts.map((part) =>
    /^-?\d+(?:[.,]\d+)?$/u.test(part) ? Number(part.replace(',', '.')) : Number.NaN,
  );
}
