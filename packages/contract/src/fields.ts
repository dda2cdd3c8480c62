import { z } from 'zod/mini';

/*
 * Bundling: the web's bundler (Vite 8, rolldown) drops a module of the contract the web takes nothing
 * from at run time, but keeps most of what a module it does use declares. So requests, which the web
 * only takes types of, are modules of their own (requests/); and schemas are built only by calls
 * marked free of side effects (zod/mini's functions, the helpers below, `checked` instead of the
 * method `schema.check(…)`), so that what can be dropped is.
 */

/** `schema.check(...checks)`, as a call the bundler may drop when nothing uses its result. */
/* @__NO_SIDE_EFFECTS__ */
export function checked<T extends z.ZodMiniType>(schema: T, ...checks: z.core.$ZodCheck<z.output<T>>[]): T {
  return schema.check(...checks);
}

/*
 * The building blocks of the schemas, in zod/mini (the tree-shakable form of zod 4: the web bundles
 * only what it parses with, the server validates, serialises and documents the very same objects
 * through fastify-type-provider-zod, which works on zod's core types).
 *
 * Requests are strict objects (an unknown field is a 400) with a bound on every string, so nothing
 * unbounded reaches the database. Responses are plain objects: the server's serialiser keeps only
 * the fields they name (an allow-list), the web drops what it does not know.
 */

/** A calendar date as YYYY-MM-DD that exists. */
export const isoDate = checked(
  z.string(),
  z.regex(/^\d{4}-\d{2}-\d{2}$/, 'Expected a date as YYYY-MM-DD.'),
  z.refine((value) => {
    const [y, m, d] = value.split('-').map(Number) as [number, number, number];
    const date = new Date(Date.UTC(y, m - 1, d));
    return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
  }, 'This date does not exist.'),
);

/** Free text, trimmed, at most `max` characters (may be empty). */
/* @__NO_SIDE_EFFECTS__ */
export function shortText(max = 200) {
  return checked(z.string(), z.trim(), z.maxLength(max));
}
/** Free text, trimmed, 1 to `max` characters. */
/* @__NO_SIDE_EFFECTS__ */
export function requiredText(max = 200) {
  return checked(z.string(), z.trim(), z.minLength(1, 'Required.'), z.maxLength(max));
}

/** A whole number in a query string (`?limit=20`) or a body. */
/* @__NO_SIDE_EFFECTS__ */
export function queryInt(min: number, max: number) {
  return checked(z.coerce.number(), z.int(), z.minimum(min), z.maximum(max));
}

/** `limit` and `offset` of a paged list. */
export const pagination = {
  limit: z._default(queryInt(1, 200), 50),
  offset: z._default(queryInt(0, 1_000_000), 0),
};

/** A boolean in a query string: `true` or `false` (default false). */
export const queryFlag = z.pipe(
  z._default(z.enum(['true', 'false']), 'false'),
  z.transform((v) => v === 'true'),
);

/** The parameters of a path that names one record by its id. */
/* @__NO_SIDE_EFFECTS__ */
export function idParams<K extends string>(name: K) {
  return z.strictObject({ [name]: z.uuid() } as Record<K, z.ZodMiniUUID>);
}

/** One page of a list: its items, and how many the whole list holds. */
export const pageOf = <T extends z.ZodMiniType>(item: T) =>
  z.object({ items: z.array(item), total: z.int() });

/**
 * A code in an answer the web only shows (an episode state, a task kind, an audit action …): a
 * string, documented in the OpenAPI document with the codes known today. It is not an enum on
 * purpose: a browser tab opened before the server was upgraded must show a code added since as the
 * code (i18n/labels.ts) rather than fail the whole screen on it. Where a screen branches on the
 * value (role, sex, an import's outcome), the answer uses `z.enum` instead.
 */
/* @__NO_SIDE_EFFECTS__ */
export function knownCode(codes: readonly string[]) {
  return checked(
    z.string(),
    z.meta({ description: `One of: ${codes.join(', ')}; other codes may be added.` }),
  );
}

/** What every refusal answers with (4xx, 5xx). */
export const problemSchema = z.object({
  error: z.string(),
  message: z.optional(z.string()),
  issues: z.optional(
    z.array(z.object({ field: z.string(), message: z.string(), code: z.optional(z.string()) })),
  ),
});
export type Problem = z.infer<typeof problemSchema>;
