import { z } from 'zod';
import type { FastifySchemaValidationError } from 'fastify';

export interface ValidationIssue {
  /** Where the problem is, e.g. `body.familyName` or `query.limit`. */
  field: string;
  /** Why: the rule that failed. */
  message: string;
  code: string;
}

/** Turns schema failures into a list of field + reason, the shape every 400 answer uses. */
export function describeValidationIssues(
  issues: readonly FastifySchemaValidationError[],
  context: string,
): ValidationIssue[] {
  return issues.flatMap((issue) => {
    const path = issue.instancePath.split('/').filter((p) => p !== '');
    const base = [context, ...path].join('.');
    const params = issue.params as { keys?: unknown };
    if (issue.keyword === 'unrecognized_keys' && Array.isArray(params.keys)) {
      return params.keys.map((key) => ({
        field: `${base}.${String(key)}`,
        message: 'Unknown field.',
        code: 'unknown_field',
      }));
    }
    return [{ field: base, message: issue.message ?? 'Invalid value.', code: issue.keyword }];
  });
}

/** Common field schemas; every string has a length bound so nothing unbounded reaches the database. */
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Expected a date as YYYY-MM-DD.')
  .refine((value) => {
    const [y, m, d] = value.split('-').map(Number) as [number, number, number];
    const date = new Date(Date.UTC(y, m - 1, d));
    return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
  }, 'This date does not exist.');

export const uuidParam = z.uuid();
export const shortText = (max = 200) => z.string().trim().max(max);
export const requiredText = (max = 200) => z.string().trim().min(1, 'Required.').max(max);

export const pagination = {
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
};

export const problemSchema = z.object({
  error: z.string(),
  message: z.string(),
});
