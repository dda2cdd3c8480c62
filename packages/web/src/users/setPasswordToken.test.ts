import { describe, expect, it } from 'vitest';
import { tokenOfLink } from './setPasswordToken';

const TOKEN = 'abcdefghijklmnopqrstuvwxyz_0123456789-AB';

describe('the token of a password link', () => {
  it('is read from the fragment first, then the query', () => {
    expect(tokenOfLink(`#token=${TOKEN}`, '')).toBe(TOKEN);
    expect(tokenOfLink('', `?token=${TOKEN}`)).toBe(TOKEN);
    expect(tokenOfLink(`#token=${TOKEN}`, '?token=other-token-that-is-long-enough')).toBe(TOKEN);
  });

  it('is null when missing or not one of ours', () => {
    expect(tokenOfLink('', '')).toBeNull();
    expect(tokenOfLink('#token=short', '')).toBeNull();
    expect(tokenOfLink('#token=<script>alert(1)</script>aaaaaaaaaaaa', '')).toBeNull();
  });
});
