import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/client';
import { letterFailure } from './letterFailure';

describe('letterFailure', () => {
  it('names the organisation field an incomplete profile lacks', () => {
    const error = new ApiError(409, 'organization_profile_incomplete', 'Incomplete.', [
      { field: 'organization.phoneDepartment', message: 'must not be empty', code: 'organization_profile' },
    ]);
    expect(letterFailure(error)).toEqual({
      kind: 'profileIncomplete',
      field: 'phoneDepartment',
      raw: 'organization.phoneDepartment',
    });
  });

  it('points each unprintable letter at its patient by position, with the missing field', () => {
    const error = new ApiError(422, 'letters_not_printable', 'Nothing printed.', [
      {
        field: 'episodeIds[1].patient.street',
        message: 'Jansen (1950-01-01): patient.street …',
        code: 'patient_data',
      },
      { field: 'episodeIds[2].portalCode', message: '…', code: 'patient_data' },
      { field: 'episodeIds[3]', message: 'No such episode in your organisation.', code: 'not_found' },
      { field: 'episodeIds[4]', message: 'The episode is closed; no invitation is due.', code: 'state' },
      { field: 'episodeIds[5].patient.nickname', message: '…', code: 'patient_data' },
    ]);
    expect(letterFailure(error)).toEqual({
      kind: 'notPrintable',
      problems: [
        { kind: 'field', index: 1, field: 'street', raw: 'patient.street' },
        { kind: 'field', index: 2, field: 'portalCode', raw: 'portalCode' },
        { kind: 'notFound', index: 3 },
        { kind: 'noInvitationDue', index: 4 },
        { kind: 'field', index: 5, field: null, raw: 'patient.nickname' },
      ],
    });
  });

  it('leaves other failures to the general error message', () => {
    const network = new ApiError(0, 'network', 'offline');
    expect(letterFailure(network)).toEqual({ kind: 'other', error: network });
  });
});
