import { z } from 'zod';
import { invalid } from '../domain/errors';

/**
 * Keyset pagination of the worklists: a page ends at a row, and the next page starts after that row's
 * sort key and tie-breaker (`item_id`), whatever the depth — one index range scan either way.
 *
 * The cursor the API hands out is opaque to the client (base64url of a small JSON object) and checked
 * strictly when it comes back: a cursor for another view, sort or order, or one that was tampered with,
 * is a 400 naming `querystring.cursor`, never a database error. It lands in URLs, which proxies and logs
 * keep, so it never carries a name: for the name order it names the patient (a UUID) whose family name
 * the server looks up, for the other orders it carries the key itself (a date, an age, a site code).
 */
export const WORKLIST_CURSOR_FIELD = 'querystring.cursor';

/** What a cursor says, once checked. `key` is absent for the name order (see `patientId`). */
export type CursorPosition =
  | { sort: 'fractureDate' | 'dueDate'; itemId: string; key: string }
  | { sort: 'age'; itemId: string; key: number }
  | { sort: 'site'; itemId: string; key: string }
  | { sort: 'name'; itemId: string; patientId: string };

export interface CursorScope {
  view: string;
  sort: CursorPosition['sort'];
  order: 'asc' | 'desc';
}

const common = { v: z.literal(1), view: z.string().max(40), order: z.enum(['asc', 'desc']), id: z.uuid() };
const payload = z.discriminatedUnion('sort', [
  z.strictObject({ ...common, sort: z.enum(['fractureDate', 'dueDate']), key: z.iso.date() }),
  z.strictObject({ ...common, sort: z.literal('age'), key: z.number().int().min(0).max(200) }),
  z.strictObject({
    ...common,
    sort: z.literal('site'),
    key: z
      .string()
      .max(50)
      .regex(/^[a-z0-9_]*$/),
  }),
  z.strictObject({ ...common, sort: z.literal('name'), patient: z.uuid() }),
]);
type Payload = z.infer<typeof payload>;

/** The cursor that continues after `position`, in `scope`. */
export function encodeCursor(scope: CursorScope, position: CursorPosition): string {
  const base = { v: 1 as const, view: scope.view, order: scope.order, id: position.itemId };
  const body: Payload =
    position.sort === 'name'
      ? { ...base, sort: 'name', patient: position.patientId }
      : position.sort === 'age'
        ? { ...base, sort: 'age', key: position.key }
        : position.sort === 'site'
          ? { ...base, sort: 'site', key: position.key }
          : { ...base, sort: position.sort, key: position.key };
  return Buffer.from(JSON.stringify(body), 'utf8').toString('base64url');
}

const refused = (why: string) => invalid(WORKLIST_CURSOR_FIELD, why, 'invalid_cursor');

/** The position a cursor names; a DomainError (`invalid`, field `querystring.cursor`) if it is not one of ours for `scope`. */
export function decodeCursor(cursor: string, scope: CursorScope): CursorPosition {
  if (cursor.length > 400 || !/^[A-Za-z0-9_-]+$/.test(cursor))
    throw refused('This page link is not valid; start again from the first page.');
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw refused('This page link is not valid; start again from the first page.');
  }
  const checked = payload.safeParse(parsed);
  if (!checked.success) throw refused('This page link is not valid; start again from the first page.');
  const p = checked.data;
  if (p.view !== scope.view || p.sort !== scope.sort || p.order !== scope.order)
    throw refused('This page link belongs to another list or order; start again from the first page.');
  switch (p.sort) {
    case 'name':
      return { sort: 'name', itemId: p.id, patientId: p.patient };
    case 'age':
      return { sort: 'age', itemId: p.id, key: p.key };
    case 'site':
      return { sort: 'site', itemId: p.id, key: p.key };
    case 'fractureDate':
    case 'dueDate':
      return { sort: p.sort, itemId: p.id, key: p.key };
  }
}

/** Refused when the patient a name cursor names is not to be found (another organisation's, or made up). */
export function unknownCursorPatient() {
  return refused('This page link is not valid; start again from the first page.');
}
