/**
 * Where a consult letter's input comes from. The routes take a `ConsultLetterInputLoader` at
 * registration: `consultLetterInputFromDatabase(loadDecision)`, the patient, the GP and the
 * organisation profile from their tables, the decision part from a `StoredDecisionForLettersLoader`:
 * in the app `storedDecisionForLetters` (storedDecisionForLetters.ts), which calls the decision part's
 * `loadStoredDecision(tx, scope)` and maps it, answering null when the episode has no stored decision,
 * so the route refuses with `no_decision`: a letter is made from the stored decision only, never from
 * what a screen sends.
 */
import { and, eq } from 'drizzle-orm';
import type { Transaction } from '../../db/connection';
import { organizations, patients } from '../../db/schema';
import { conflict, notFound } from '../../domain/errors';
import { letterOrganization } from '../letterOrganization';
import type { EpisodeScope } from '../../consult/patientInputSections';
import type { ConsultLetterInput, StoredDecisionForLetters } from './consultLetterInput';

/** Builds the whole input of an episode's letters, inside the caller's unit of work. */
export type ConsultLetterInputLoader = (tx: Transaction, scope: EpisodeScope) => Promise<ConsultLetterInput>;

/** The episode's stored decision as the letters need it; null when none is stored. */
export type StoredDecisionForLettersLoader = (
  tx: Transaction,
  scope: EpisodeScope,
) => Promise<StoredDecisionForLetters | null>;

export function consultLetterInputFromDatabase(
  loadDecision: StoredDecisionForLettersLoader,
): ConsultLetterInputLoader {
  return async (tx, scope) => {
    const [org] = await tx.select().from(organizations).where(eq(organizations.id, scope.organizationId));
    if (org === undefined) throw notFound('Organisation');
    const [patient] = await tx
      .select()
      .from(patients)
      .where(and(eq(patients.organizationId, scope.organizationId), eq(patients.id, scope.patientId)));
    if (patient === undefined) throw notFound('Patient');
    const decision = await loadDecision(tx, scope);
    if (decision === null) {
      throw conflict(
        'no_decision',
        'The episode has no stored decision; its letters are made from the stored decision only.',
      );
    }
    return {
      organization: letterOrganization(org),
      patient: {
        familyName: patient.familyName,
        givenNames: patient.givenNames,
        initials: patient.initials,
        sex: patient.sex,
        birthDate: patient.birthDate,
        street: patient.street,
        houseNumber: patient.houseNumber,
        postalCode: patient.postalCode,
        city: patient.city,
      },
      gp:
        patient.gpName.trim() === ''
          ? null
          : { name: patient.gpName, practiceName: patient.gpPracticeName, address: patient.gpAddress },
      decision,
    };
  };
}
