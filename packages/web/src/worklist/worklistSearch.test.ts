import { describe, expect, it } from 'vitest';
import { filterOf, parseWorklistSearch, searchFor } from './worklistSearch';

describe('the worklist URL', () => {
  it('reads codes, ages, dates and page, whether the router hands them over as text or numbers', () => {
    expect(
      parseWorklistSearch({
        view: 'awaiting_response',
        site: 'femur_proximal',
        group: 'hip',
        ageMin: 60,
        ageMax: '85',
        fractureFrom: '2026-10-01',
        fractureTo: '2026-10-31',
        source: 'hl7v2',
        sort: 'name',
        order: 'desc',
        page: '2',
      }),
    ).toEqual({
      view: 'awaiting_response',
      site: 'femur_proximal',
      group: 'hip',
      ageMin: 60,
      ageMax: 85,
      fractureFrom: '2026-10-01',
      fractureTo: '2026-10-31',
      source: 'hl7v2',
      sort: 'name',
      order: 'desc',
      page: 2,
    });
  });

  it('drops what it does not know instead of failing, and leaves out what is not set', () => {
    expect(
      parseWorklistSearch({
        view: 'everything',
        site: 'elbow',
        ageMin: '-3',
        ageMax: 131,
        fractureFrom: '2026-02-31',
        fractureTo: '31-10-2026',
        source: 'fax',
        page: 0,
        name: 'Jansen',
      }),
    ).toEqual({});
  });

  it('keeps defaults out of the URL and the patient group off the excluded list', () => {
    expect(searchFor('to_invite', { group: 'hip' }, 'fractureDate', 'asc', 1)).toEqual({ group: 'hip' });
    expect(searchFor('excluded', { group: 'hip', ageMin: 70 }, 'name', 'desc', 3)).toEqual({
      view: 'excluded',
      ageMin: 70,
      sort: 'name',
      order: 'desc',
      page: 3,
    });
    expect(filterOf({ view: 'identified', sort: 'age', site: 'ankle', page: 4 })).toEqual({ site: 'ankle' });
  });
});
