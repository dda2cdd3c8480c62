import { letterOrganization } from './letterOrganization';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Database, Transaction } from '../db/connection';
import { episodes, fractureEvents, organizations, patients, tasks } from '../db/schema';
import type { Actor } from '../auth/actor';
import { auditedTransaction } from '../audit/auditedTransaction';
import { conflict, notFound, unprocessable, type FieldIssue } from '../domain/errors';
import { renderInvitationLetters, LetterInputError, type InvitationLetterInput } from './invitationLetter';
import { validateLetters } from './invitationLetterInput';
import type { InvitationLetterKind, LetterLocale } from '@osteopad/contract';
import { issuePortalCode } from '../portal/activationCodes';

/** A code of the printed shape, for validating a letter before its real code is made. */
const PORTAL_CODE_SHAPE = 'AAAA-AAAA-AAAA';

/** The episode states each letter can be printed in (a reprint of the last one included). */
const PRINTABLE_STATES: Readonly<Record<InvitationLetterKind, ReadonlySet<string>>> = {
  invitation: new Set(['identified', 'invited', 'reminded']),
  // The reminder is due once the invitation went out; `reminded` reprints it.
  reminder: new Set(['invited', 'reminded']),
};

/** The day each episode's invitation went out: the reminder task it planned keeps it (episodeRecords.ts). */
async function invitationDays(tx: Transaction, organizationId: string, episodeIds: readonly string[]) {
  const rows = await tx
    .select({ episodeId: tasks.episodeId, sentOn: sql<string | null>`${tasks.details}->>'letterSentOn'` })
    .from(tasks)
    .where(
      and(
        eq(tasks.organizationId, organizationId),
        inArray(tasks.episodeId, [...episodeIds]),
        eq(tasks.kind, 'invite_reminder'),
      ),
    )
    .orderBy(tasks.createdAt);
  // The latest reminder task wins (an invitation sent again plans a new one).
  return new Map(rows.flatMap((r) => (r.sentOn === null ? [] : [[r.episodeId, r.sentOn] as const])));
}

function reminderOf(invitedOn: string | undefined): { invitedOn?: string } {
  return invitedOn === undefined ? {} : { invitedOn };
}

export interface LetterProblem extends FieldIssue {
  episodeId: string;
}

/**
 * Builds the invitation letters for the given episodes from the organisation profile and each
 * patient's record, and prints them as one PDF. Every letter printed is an audited `print` of that
 * patient's record. Missing address data is reported per patient instead of printing a letter
 * that cannot be delivered.
 */
export async function printInvitationLetters(
  db: Database,
  actor: Actor,
  episodeIds: readonly string[],
  locale: LetterLocale,
  letterDate: string,
  portal: { now: Date; codeValidDays: number },
  kind: InvitationLetterKind = 'invitation',
): Promise<Buffer> {
  // Rendering happens inside the audited unit: a failure is logged as a failed print, not a print.
  return auditedTransaction(db, actor, async (tx, trail) => {
    const org = (await tx.select().from(organizations).where(eq(organizations.id, actor.organizationId)))[0];
    if (org === undefined) throw notFound('Organisation');
    const rows = await tx
      .select({ episode: episodes, patient: patients, fractureDate: fractureEvents.fractureDate })
      .from(episodes)
      .innerJoin(patients, eq(patients.id, episodes.patientId))
      .leftJoin(fractureEvents, eq(fractureEvents.id, episodes.indexFractureId))
      .where(and(eq(episodes.organizationId, actor.organizationId), inArray(episodes.id, [...episodeIds])));
    const byId = new Map(rows.map((r) => [r.episode.id, r]));
    const invitedOn =
      kind === 'reminder'
        ? await invitationDays(tx, actor.organizationId, episodeIds)
        : new Map<string, string>();
    const problems: LetterProblem[] = [];
    const built: InvitationLetterInput[] = [];
    const printed: { organizationId: string; patientId: string }[] = [];
    episodeIds.forEach((episodeId, index) => {
      const row = byId.get(episodeId);
      if (row === undefined) {
        problems.push({
          episodeId,
          field: `episodeIds[${index}]`,
          message: 'No such episode in your organisation.',
          code: 'not_found',
        });
        return;
      }
      if (!PRINTABLE_STATES[kind].has(row.episode.state)) {
        problems.push({
          episodeId,
          field: `episodeIds[${index}]`,
          message:
            kind === 'reminder'
              ? `The episode is ${row.episode.state}; a reminder follows an invitation that went out.`
              : `The episode is ${row.episode.state}; no invitation is due.`,
          code: 'state',
        });
        return;
      }
      const p = row.patient;
      // A death recorded after the worklist was loaded: the letter must not go out.
      if (p.deceased) {
        problems.push({
          episodeId,
          field: `episodeIds[${index}]`,
          message: 'The patient has died; no invitation is sent.',
          code: 'deceased',
        });
        return;
      }
      const letter: InvitationLetterInput = {
        locale,
        letterDate,
        organization: letterOrganization(org),
        patient: {
          familyName: p.familyName,
          givenNames: p.givenNames,
          initials: p.initials,
          sex: p.sex,
          street: p.street,
          houseNumber: p.houseNumber,
          postalCode: p.postalCode,
          city: p.city,
        },
        ...(row.fractureDate === null ? {} : { fracture: { date: row.fractureDate } }),
        // The code is made once the batch is known to print (below); this stands in for its shape.
        portalCode: PORTAL_CODE_SHAPE,
        ...(kind === 'reminder' ? { reminder: reminderOf(invitedOn.get(episodeId)) } : {}),
      };
      try {
        validateLetters([letter]);
        built.push(letter);
        printed.push({ organizationId: actor.organizationId, patientId: p.id });
        trail.record({
          action: 'print',
          objectType: kind === 'reminder' ? 'reminder_letter' : 'invitation_letter',
          objectId: episodeId,
          patientId: p.id,
        });
      } catch (error) {
        if (!(error instanceof LetterInputError)) throw error;
        const field = error.field.replace(/^letters\[0\]\./, '');
        if (field.startsWith('organization.')) {
          throw conflict(
            'organization_profile_incomplete',
            `The organisation profile is incomplete: ${field} ${error.reason}.`,
            {},
            [{ field, message: error.reason, code: 'organization_profile' }],
          );
        }
        problems.push({
          episodeId,
          field: `episodeIds[${index}].${field}`,
          message: `${p.familyName} (${p.birthDate}): ${field} ${error.reason}`,
          code: 'patient_data',
        });
      }
    });
    if (problems.length > 0) {
      throw unprocessable(
        'letters_not_printable',
        'Some letters cannot be printed; nothing was printed.',
        problems,
      );
    }
    // Each printed letter carries a new activation code, kept only as its hash (portal/activationCodes.ts);
    // it replaces the patient's earlier unused codes, and goes with the transaction if printing fails.
    const withCodes: InvitationLetterInput[] = [];
    for (const [index, letter] of built.entries()) {
      const patient = printed[index];
      if (patient === undefined) throw new Error('a printed letter without its patient');
      const portalCode = await issuePortalCode(tx, patient, 'letter', portal.now, portal.codeValidDays);
      withCodes.push({ ...letter, portalCode });
    }
    return renderInvitationLetters(withCodes, { documentLocale: locale });
  });
}
