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

// The field schemas (isoDate, shortText, pagination …) and every route's request and response
// schemas are the API's: @osteopad/contract.
