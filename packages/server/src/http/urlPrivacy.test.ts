import { describe, expect, it } from 'vitest';
import { personalDataInUrl, personalQueryParameter } from './urlPrivacy';

describe('personalQueryParameter', () => {
  it('finds parameters named for personal data, in any letter case', () => {
    expect(personalQueryParameter('/api/patients?q=jansen')).toBe('q');
    expect(personalQueryParameter('/api/x?limit=5&BSN=1')).toBe('BSN');
    expect(personalQueryParameter('/api/x?familyname=a')).toBe('familyname');
    expect(personalQueryParameter('/api/audit-events?username=j.jansen')).toBe('username');
  });

  it('finds a BSN under any name', () => {
    expect(personalQueryParameter('/api/worklist?view=to_invite&site=999990019')).toBe('site');
  });

  it('lets ordinary filters through', () => {
    expect(personalQueryParameter('/api/worklist?view=to_invite&ageMin=50&offset=100000')).toBeNull();
    expect(personalQueryParameter('/api/worklist?site=123456789')).toBeNull(); // fails the elfproef
    expect(
      personalQueryParameter('/api/imports/progress?uploadId=0b6f7a7e-1c1d-4c3e-9a55-0c1f2a3b4c5d'),
    ).toBeNull();
    expect(personalQueryParameter('/api/patients/search')).toBeNull();
  });
});

describe('personalDataInUrl', () => {
  it('names the parameter and never repeats its value', () => {
    const problem = personalDataInUrl('q');
    expect(problem.statusCode).toBe(400);
    expect(problem.details).toMatchObject({
      issues: [{ field: 'querystring.q', code: 'personal_data_in_url' }],
    });
  });
});
