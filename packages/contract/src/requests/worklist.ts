// Requests of the worklist routes: what the server validates. The web types what it sends with
// `z.input<typeof …>` of these and never imports them at run time, so none of them reaches its bundle
// (a bundler keeps a module the web imports whole, whatever of it is used: the answers are apart).
import { z } from 'zod/mini';
import {
  PATIENT_GROUPS,
  SORT_ORDERS,
  WORKLIST_SORTS,
  WORKLIST_SOURCE_FILTERS,
  WORKLIST_VIEWS,
} from '../codes';
import { checked, isoDate, queryInt } from '../fields';

/** `GET /api/worklist`: one view of the open work, filtered, sorted and paged by cursor (keyset). No patient data. */
export const worklistQuery = z.strictObject({
  view: z.enum(WORKLIST_VIEWS),
  site: z.optional(checked(z.string(), z.maxLength(50))),
  group: z.optional(z.enum(PATIENT_GROUPS)),
  ageMin: z.optional(queryInt(0, 130)),
  ageMax: z.optional(queryInt(0, 130)),
  fractureFrom: z.optional(isoDate),
  fractureTo: z.optional(isoDate),
  source: z.optional(z.enum(WORKLIST_SOURCE_FILTERS)),
  sort: z._default(z.enum(WORKLIST_SORTS), 'fractureDate'),
  order: z._default(z.enum(SORT_ORDERS), 'asc'),
  limit: z._default(queryInt(1, 200), 50),
  /** The `nextCursor` of the page before; absent for the first page. Checked strictly (400 on a bad one). */
  cursor: z.optional(checked(z.string(), z.minLength(1), z.maxLength(400))),
});
/** The query as the server has read it (defaults applied). */
export type WorklistQuery = z.output<typeof worklistQuery>;
