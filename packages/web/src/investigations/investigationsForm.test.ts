import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/client';
import { fieldErrorsOf, parseNumber } from './investigationsForm';

describe('investigations form', () => {
  it('reads typed numbers with a comma or a point', () => {
    expect(parseNumber('')).toBeNull();
    expect(parseNumber('-2,5')).toBe(-2.5);
    expect(parseNumber('0.81')).toBe(0.81);
    expect(parseNumber('abc')).toBe('invalid');
    expect(parseNumber('1e3')).toBe('invalid');
  });

  it('puts the server reasons at their fields, unknown codes as invalid', () => {
    const error = new ApiError(400, 'validation', '', [
      { field: 'body.sites.totalHip.tScore', message: '', code: 'score_out_of_range' },
      { field: 'body.examDate', message: '', code: 'something_new' },
    ]);
    expect(fieldErrorsOf(error)).toEqual({
      'sites.totalHip.tScore': 'score_out_of_range',
      examDate: 'invalid',
    });
  });
});
