import { z } from 'zod/mini';
import { checked } from './fields';

/*
 * What the episode page shows of an episode's history and paperwork, whichever part of the pathway
 * wrote it: every area (invitation loop, intake, investigations, decision, letters) answers its own
 * entries in this one shape, and the episode page merges them by time (server:
 * src/episodes/episodeTimeline.ts, its list of sources).
 *
 * `kind` names what happened (`state_changed`, `appointment_planned`, `intake_saved`, `dxa_recorded`,
 * `decision_recorded`, `letter_created` …): a string, so a tab opened before an upgrade shows a new kind
 * as its code; the web words each known kind in the user's language (timeline.kind.<kind>, with
 * `details` as its interpolation values). `details` holds codes, dates and numbers only, never prose
 * a user typed (notes are `note`).
 */
export const timelineEntrySchema = z.object({
  /** When it happened (ISO 8601 timestamp with offset). */
  at: z.string(),
  kind: checked(z.string(), z.maxLength(60)),
  /** Who did it: the user's display name, or null for the system (an import, a channel). */
  actor: z.nullable(z.string()),
  details: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
  /** The user's own words, when the event carries them. */
  note: z.nullable(z.string()),
});
export type TimelineEntry = z.infer<typeof timelineEntrySchema>;

/** A document kept with an episode (a letter as sent, re-printable exactly as it was). */
export const episodeDocumentSummarySchema = z.object({
  id: z.uuid(),
  /** `result_letter`, `gp_letter`, `invitation_letter` …: a string for the same reason as `kind` above. */
  kind: checked(z.string(), z.maxLength(60)),
  createdAt: z.string(),
  createdBy: z.nullable(z.string()),
  /** Where the web app fetches the PDF (an /api path). */
  href: z.string(),
});
export type EpisodeDocumentSummary = z.infer<typeof episodeDocumentSummarySchema>;
