import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/client';
import { errorMessageKey } from './errorMessageKey';

describe('errorMessageKey', () => {
  it.each([
    [new ApiError(403, 'forbidden', 'x'), 'errors.noAccess'],
    [new ApiError(404, 'not_found', 'x'), 'errors.notFound'],
    [new ApiError(0, 'network', 'x'), 'errors.network'],
    [new ApiError(503, 'database_unavailable', 'x'), 'errors.unavailable'],
    [new ApiError(503, 'database_timeout', 'x'), 'errors.unavailable'],
    [new ApiError(500, 'internal', 'x'), 'errors.generic'],
    [new Error('x'), 'errors.generic'],
  ])('words %o as %s', (error, key) => {
    expect(errorMessageKey(error)).toBe(key);
  });
});
