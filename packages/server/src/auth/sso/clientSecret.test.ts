import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readClientSecret } from './clientSecret';

describe('the client secret', () => {
  it('is read from the environment variable the reference names', () => {
    expect(readClientSecret('env:SSO_X', { SSO_X: ' s3cret\n' })).toBe('s3cret');
    expect(readClientSecret('env:SSO_X', {})).toBeNull();
    expect(readClientSecret('env:SSO_X', { SSO_X: '  ' })).toBeNull();
  });
  it('or from the file it names, an absolute path only', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sso-secret-'));
    const file = join(dir, 'secret');
    writeFileSync(file, 'from-file\n');
    expect(readClientSecret(`file:${file}`)).toBe('from-file');
    expect(readClientSecret(`file:${join(dir, 'missing')}`)).toBeNull();
    expect(readClientSecret('file:relative/secret')).toBeNull();
    expect(readClientSecret('s3cret-in-plain-text')).toBeNull();
  });
});
