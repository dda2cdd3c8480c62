import { describe, expect, it } from 'vitest';
import { newUploadId } from '../api/imports';
import { shareRead } from './uploadProgressShare';

describe('shareRead', () => {
  it('is the rounded percentage of bytes read, at most 100', () => {
    expect(shareRead({ rowsRead: 0, bytesRead: 333, totalBytes: 1000, done: false })).toBe(33);
    expect(shareRead({ rowsRead: 0, bytesRead: 1200, totalBytes: 1000, done: false })).toBe(100);
  });

  it('is unknown without a size', () => {
    expect(shareRead({ rowsRead: 5, bytesRead: 10, totalBytes: null, done: false })).toBeNull();
    expect(shareRead({ rowsRead: 5, bytesRead: 10, totalBytes: 0, done: false })).toBeNull();
  });
});

describe('newUploadId', () => {
  it('makes a version-4 UUID from random bytes', () => {
    const id = newUploadId((bytes) => bytes.fill(0xff));
    expect(id).toBe('ffffffff-ffff-4fff-bfff-ffffffffffff');
    expect(newUploadId()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
