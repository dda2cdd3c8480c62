import { describe, expect, it } from 'vitest';
import { episodeReason, storedEpisodeReason } from './episodeReasons';
import { EPISODE_REASON_CODES, episodeReasonSchema } from '@osteopad/contract';

const IMPORT_ID = '6f1c2b9e-8a4d-4c3b-9e2f-1a2b3c4d5e6f';

describe('episode reason constructors', () => {
  it('make a code with its details and the user’s note, never prose', () => {
    expect(episodeReason.imported(IMPORT_ID)).toEqual({
      code: 'imported',
      details: { importId: IMPORT_ID },
      note: '',
    });
    expect(episodeReason.invitationSent('2025-07-01')).toEqual({
      code: 'invitation_sent',
      details: { sentOn: '2025-07-01' },
      note: '',
    });
    expect(episodeReason.reminderSent('2025-07-22')).toEqual({
      code: 'reminder_sent',
      details: { sentOn: '2025-07-22' },
      note: '',
    });
    expect(episodeReason.declined('treated_elsewhere', 'UMC Utrecht')).toEqual({
      code: 'declined',
      details: { reason: 'treated_elsewhere' },
      note: 'UMC Utrecht',
    });
    expect(episodeReason.notEligibleAfterReview('excluded_site', 'nurse.anna', '')).toEqual({
      code: 'not_eligible_after_review',
      details: { reason: 'excluded_site', reviewedBy: 'nurse.anna' },
      note: '',
    });
  });

  it('refuse details that do not fit the code', () => {
    expect(() => episodeReason.imported('import 42')).toThrow();
    expect(() => episodeReason.invitationSent('01-07-2025')).toThrow();
    expect(() => episodeReason.reminderSent('2025-02-30')).toThrow();
    expect(() => episodeReason.notEligibleAfterReview('excluded_site', '', '')).toThrow();
  });
});

describe('stored episode reasons', () => {
  it('read back by code, with no reason as null', () => {
    expect(storedEpisodeReason(null, {}, '')).toBeNull();
    expect(storedEpisodeReason('declined', { reason: 'deceased' }, '')).toEqual({
      code: 'declined',
      details: { reason: 'deceased' },
      note: '',
    });
    expect(storedEpisodeReason('legacy', {}, 'moved abroad')).toEqual({
      code: 'legacy',
      details: {},
      note: 'moved abroad',
    });
  });

  it('refuse details that belong to another code or carry extra fields', () => {
    expect(() => storedEpisodeReason('declined', { sentOn: '2025-07-01' }, '')).toThrow();
    expect(() => storedEpisodeReason('declined', { reason: 'excluded_site' }, '')).toThrow();
    expect(() => storedEpisodeReason('invitation_sent', { sentOn: '2025-07-01', by: 'x' }, '')).toThrow();
    expect(() => storedEpisodeReason('legacy', { text: 'x' }, '')).toThrow();
  });

  it('the schema covers every code', () => {
    const covered = episodeReasonSchema.def.options.flatMap((option) => option.shape.code.def.values);
    expect([...covered].sort()).toEqual([...EPISODE_REASON_CODES].sort());
  });
});
