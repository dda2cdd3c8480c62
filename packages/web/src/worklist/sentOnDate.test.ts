import { describe, expect, it } from 'vitest';
import { parseSentOn, sentOnErrorFromIssues } from './sentOnDate';

describe('the day letters went out', () => {
  it('takes today or an earlier day, typed the Dutch way', () => {
    expect(parseSentOn('21-11-2026', '2026-11-21')).toEqual({ ok: true, date: '2026-11-21' });
    expect(parseSentOn(' 1-11-2026 ', '2026-11-21')).toEqual({ ok: true, date: '2026-11-01' });
  });

  it('refuses an empty field, a date that does not exist, and the future', () => {
    expect(parseSentOn('', '2026-11-21')).toEqual({ ok: false, error: 'required' });
    expect(parseSentOn('31-11-2026', '2026-11-21')).toEqual({ ok: false, error: 'invalidDate' });
    expect(parseSentOn('22-11-2026', '2026-11-21')).toEqual({ ok: false, error: 'future' });
  });

  it('reads the server’s refusal of the date as "in the future"', () => {
    expect(
      sentOnErrorFromIssues([{ field: 'body.sentOn', message: 'This date lies in the future.', code: '' }]),
    ).toBe('future');
    expect(
      sentOnErrorFromIssues([{ field: 'body.episodeIds', message: 'Too small', code: 'too_small' }]),
    ).toBe(undefined);
  });
});
