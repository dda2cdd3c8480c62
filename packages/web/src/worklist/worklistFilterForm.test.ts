import { describe, expect, it } from 'vitest';
import {
  EMPTY_WORKLIST_FILTER_FORM,
  errorsFromIssues,
  formFromFilter,
  toWorklistFilter,
} from './worklistFilterForm';

describe('toWorklistFilter', () => {
  it('sends nothing for an empty form', () => {
    expect(toWorklistFilter(EMPTY_WORKLIST_FILTER_FORM, 'to_invite')).toEqual({ ok: true, filter: {} });
  });

  it('turns Dutch dates into ISO dates and ages into numbers', () => {
    expect(
      toWorklistFilter(
        {
          site: 'radius_forearm_wrist',
          group: 'outpatient',
          ageMin: ' 50 ',
          ageMax: '90',
          fractureFrom: '1-10-2026',
          fractureTo: '31-10-2026',
          source: 'csv',
        },
        'to_invite',
      ),
    ).toEqual({
      ok: true,
      filter: {
        site: 'radius_forearm_wrist',
        group: 'outpatient',
        ageMin: 50,
        ageMax: 90,
        fractureFrom: '2026-10-01',
        fractureTo: '2026-10-31',
        source: 'csv',
      },
    });
  });

  it('refuses dates that do not exist and ages that are not whole years', () => {
    expect(
      toWorklistFilter(
        { ...EMPTY_WORKLIST_FILTER_FORM, ageMin: '6O', ageMax: '131', fractureFrom: '30-02-2026' },
        'to_invite',
      ),
    ).toEqual({
      ok: false,
      errors: { ageMin: 'invalidAge', ageMax: 'invalidAge', fractureFrom: 'invalidDate' },
    });
  });

  it('leaves how fields relate to the server, and the group off the excluded list', () => {
    expect(
      toWorklistFilter({ ...EMPTY_WORKLIST_FILTER_FORM, ageMin: '80', ageMax: '60' }, 'to_invite'),
    ).toEqual({
      ok: true,
      filter: { ageMin: 80, ageMax: 60 },
    });
    expect(toWorklistFilter({ ...EMPTY_WORKLIST_FILTER_FORM, group: 'hip' }, 'excluded')).toEqual({
      ok: true,
      filter: {},
    });
  });

  it('fills the form back from an applied filter', () => {
    expect(formFromFilter({ ageMin: 65, fractureFrom: '2026-10-01', site: 'ankle' })).toEqual({
      ...EMPTY_WORKLIST_FILTER_FORM,
      ageMin: '65',
      fractureFrom: '01-10-2026',
      site: 'ankle',
    });
  });
});

describe('errorsFromIssues', () => {
  it('explains the server’s refusals next to the fields they concern', () => {
    expect(
      errorsFromIssues(
        [
          { field: 'querystring.ageMax', message: 'The maximum age is below the minimum age.', code: '' },
          { field: 'querystring.fractureTo', message: 'The end date lies before the start date.', code: '' },
          { field: 'querystring.group', message: 'Excluded fractures have no patient group.', code: '' },
          { field: 'querystring.limit', message: 'Too big', code: 'too_big' },
        ],
        { ageMin: 80, ageMax: 60, fractureFrom: '2026-10-31', fractureTo: '2026-10-01', group: 'hip' },
      ),
    ).toEqual({ ageMax: 'ageMaxBelowMin', fractureTo: 'toBeforeFrom', group: 'invalid' });
    expect(
      errorsFromIssues([{ field: 'querystring.ageMax', message: 'Too big', code: 'too_big' }], {}),
    ).toEqual({
      ageMax: 'invalidAge',
    });
  });
});
