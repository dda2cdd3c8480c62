// The web app talks to the server over HTTP only, so it keeps its own copy of the code lists the
// API answers with (packages/web/src/api/codes.ts) — each with its labels in the i18n catalogues.
// This contract test keeps the two copies equal: a code added on one side only fails here, not in
// front of a user as an unlabelled value or a rejected filter.
import { describe, expect, it } from 'vitest';
import { EXCLUDED_FRACTURE_SITE_CODES, FRACTURE_SITE_CODES } from '@osteopad/clinical';
import * as web from '../../web/src/api/codes';
import * as schema from '../src/db/schema';
import { USER_ROLES } from '../src/auth/roles';
import { AUDIT_ACTIONS } from '../src/audit/auditLog';
import { DECLINE_REASONS, NOT_ELIGIBLE_REASONS } from '../src/episodes/declineReasons';
import { EPISODE_REASON_CODES } from '../src/episodes/episodeReasons';
import { EPISODE_STATES } from '../src/episodes/episodeStateMachine';
import { TASK_KINDS } from '../src/tasks/taskKinds';
import { LETTER_LOCALES } from '../src/letters/letterText';
import { PATIENT_GROUPS, WORKLIST_SOURCES } from '../src/worklist/worklist.routes';
import { WORKLIST_SORTS, WORKLIST_VIEWS } from '../src/worklist/worklistQuery';

const sorted = (values: readonly string[]): string[] => [...values].sort();

describe('code lists shared by server and web', () => {
  it.each([
    ['roles', USER_ROLES, web.ROLES],
    ['sexes', schema.sex.enumValues, web.SEXES],
    ['episode states', EPISODE_STATES, web.EPISODE_STATES],
    ['episode reason codes', EPISODE_REASON_CODES, web.EPISODE_REASON_CODES],
    ['episode reason codes (database)', schema.episodeReasonCode.enumValues, web.EPISODE_REASON_CODES],
    ['audit actions', AUDIT_ACTIONS, web.AUDIT_ACTIONS],
    ['encounter types', schema.encounterType.enumValues, web.ENCOUNTER_TYPES],
    ['trauma mechanisms', schema.traumaMechanism.enumValues, web.TRAUMA_MECHANISMS],
    ['eligibility outcomes', schema.eligibilityOutcome.enumValues, web.ELIGIBILITY_OUTCOMES],
    ['patient groups', PATIENT_GROUPS, web.PATIENT_GROUPS],
    ['patient groups (database)', schema.patientGroup.enumValues, web.PATIENT_GROUPS],
    ['task kinds', Object.keys(TASK_KINDS), web.TASK_KINDS],
    ['worklist views', WORKLIST_VIEWS, web.WORKLIST_VIEWS],
    ['worklist sorts', WORKLIST_SORTS, web.WORKLIST_SORTS],
    ['worklist source filters', WORKLIST_SOURCES, web.WORKLIST_SOURCE_FILTERS],
    ['decline reasons', DECLINE_REASONS, web.DECLINE_REASONS],
    ['not-eligible reasons', NOT_ELIGIBLE_REASONS, web.NOT_ELIGIBLE_REASONS],
    ['letter locales', LETTER_LOCALES, web.LETTER_LOCALES],
    ['import formats', schema.importFormat.enumValues, web.IMPORT_FORMATS],
    ['import statuses', schema.importStatus.enumValues, web.IMPORT_STATUSES],
    ['qualifying fracture sites', FRACTURE_SITE_CODES, web.QUALIFYING_FRACTURE_SITES],
    ['excluded fracture sites', EXCLUDED_FRACTURE_SITE_CODES, web.EXCLUDED_FRACTURE_SITES],
  ] as const)('%s', (_name, server, client) => {
    expect(sorted(client)).toEqual(sorted(server));
  });
});
