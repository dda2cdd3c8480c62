// `GET /api/follow-up/worklist`: types only for the web (see requests/worklist.ts for why).
import { z } from 'zod/mini';
import { SORT_ORDERS, TASK_KINDS } from '../codes';
import { FOLLOW_UP_ROLE_FILTERS, FOLLOW_UP_SORTS, FOLLOW_UP_TABS } from '../followUpWorklist';
import { checked, queryInt } from '../fields';

/**
 * A tab of the follow-up worklist: `role` absent means the caller's own role (an administrator, who
 * does no follow-up tasks, sees all); `days` is the upcoming tab's horizon; keyset paging by `cursor`.
 */
export const followUpWorklistQuery = z.strictObject({
  tab: z._default(z.enum(FOLLOW_UP_TABS), 'due_today'),
  role: z.optional(z.enum(FOLLOW_UP_ROLE_FILTERS)),
  kind: z.optional(z.enum(TASK_KINDS)),
  days: z._default(queryInt(1, 365), 30),
  sort: z._default(z.enum(FOLLOW_UP_SORTS), 'dueDate'),
  order: z._default(z.enum(SORT_ORDERS), 'asc'),
  limit: z._default(queryInt(1, 200), 50),
  cursor: z.optional(checked(z.string(), z.minLength(1), z.maxLength(400))),
});
export type FollowUpWorklistQuery = z.output<typeof followUpWorklistQuery>;
