import { z } from 'zod';
import { invalid } from '../domain/errors';

/**
 * Keyset cursors of the follow-up worklist: a page continues after the last row's (due date, clock
 * due, item id) — or (clock due, due date, item id) in the clock order. Opaque base64url JSON, checked
 * strictly when it comes back (another tab, sort, order or filter is a 400 naming `querystring.cursor`).
 * It carries dates and ids only, never a name.
 */
export interface FollowUpCursorScope {
  tab: string;
  sort: 'dueDate' | 'clock';
  order: 'asc' | 'desc';
  role: string;
  kind: string | null;
  days: number;
}

export interface FollowUpPosition {
  dueKey: string;
  clockKey: string;
  itemId: string;
}

const payload = z.strictObject({
  v: z.literal(1),
  tab: z.string().max(20),
  sort: z.enum(['dueDate', 'clock']),
  order: z.enum(['asc', 'desc']),
  role: z.string().max(20),
  kind: z.string().max(60).nullable(),
  days: z.number().int(),
  due: z.iso.date(),
  clock: z.iso.date(),
  id: z.uuid(),
});

export function encodeFollowUpCursor(scope: FollowUpCursorScope, at: FollowUpPosition): string {
  const body: z.infer<typeof payload> = {
    v: 1,
    ...scope,
    due: at.dueKey,
    clock: at.clockKey,
    id: at.itemId,
  };
  return Buffer.from(JSON.stringify(body), 'utf8').toString('base64url');
}

const refused = (why: string) => invalid('querystring.cursor', why, 'invalid_cursor');

export function decodeFollowUpCursor(cursor: string, scope: FollowUpCursorScope): FollowUpPosition {
  const notOurs = 'This page link is not valid; start again from the first page.';
  if (cursor.length > 400 || !/^[A-Za-z0-9_-]+$/.test(cursor)) throw refused(notOurs);
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw refused(notOurs);
  }
  const checked = payload.safeParse(parsed);
  if (!checked.success) throw refused(notOurs);
  const p = checked.data;
  if (
    p.tab !== scope.tab ||
    p.sort !== scope.sort ||
    p.order !== scope.order ||
    p.role !== scope.role ||
    p.kind !== scope.kind ||
    p.days !== scope.days
  )
    throw refused(
      'This page link belongs to another list, filter or order; start again from the first page.',
    );
  return { dueKey: p.due, clockKey: p.clock, itemId: p.id };
}
