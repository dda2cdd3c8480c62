import { describe, expect, it } from 'vitest';
import { UploadAlreadyRunning, UploadProgressRegistry } from './uploadProgress';

const ADMIN = { organizationId: 'org-1', userId: 'user-1' };
const OTHER_USER = { organizationId: 'org-1', userId: 'user-2' };
const OTHER_ORG = { organizationId: 'org-2', userId: 'user-1' };

describe('UploadProgressRegistry', () => {
  it('follows an upload from start to finish', () => {
    const registry = new UploadProgressRegistry(() => 0);
    registry.start(ADMIN, 'u1', 1000);
    registry.update(ADMIN, 'u1', { bytesRead: 400 });
    registry.update(ADMIN, 'u1', { rowsRead: 10_000 });
    expect(registry.get(ADMIN, 'u1')).toEqual({
      rowsRead: 10_000,
      bytesRead: 400,
      totalBytes: 1000,
      done: false,
    });
    registry.finish(ADMIN, 'u1');
    registry.update(ADMIN, 'u1', { rowsRead: 1 });
    expect(registry.get(ADMIN, 'u1')).toMatchObject({ rowsRead: 10_000, done: true });
  });

  it('shows an upload only to the user who started it', () => {
    const registry = new UploadProgressRegistry(() => 0);
    registry.start(ADMIN, 'u1', null);
    expect(registry.get(OTHER_USER, 'u1')).toBeUndefined();
    expect(registry.get(OTHER_ORG, 'u1')).toBeUndefined();
    registry.update(OTHER_USER, 'u1', { rowsRead: 5 });
    expect(registry.get(ADMIN, 'u1')?.rowsRead).toBe(0);
  });

  it('refuses a second start of a running upload, but allows one after it finished', () => {
    const registry = new UploadProgressRegistry(() => 0);
    registry.start(ADMIN, 'u1', null);
    expect(() => {
      registry.start(ADMIN, 'u1', null);
    }).toThrow(UploadAlreadyRunning);
    registry.finish(ADMIN, 'u1');
    registry.start(ADMIN, 'u1', 5);
    expect(registry.get(ADMIN, 'u1')).toMatchObject({ done: false, totalBytes: 5 });
  });

  it('forgets a finished upload after the keeping time, never a running one', () => {
    let now = 0;
    const registry = new UploadProgressRegistry(() => now, 1000);
    registry.start(ADMIN, 'done', null);
    registry.start(ADMIN, 'running', null);
    registry.finish(ADMIN, 'done');
    now = 1001;
    expect(registry.get(ADMIN, 'done')).toBeUndefined();
    expect(registry.get(ADMIN, 'running')).toBeDefined();
  });
});
