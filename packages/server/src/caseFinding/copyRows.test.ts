import { describe, expect, it } from 'vitest';
import { copyField } from './copyRows';

describe('copyField', () => {
  it('escapes what COPY text format treats specially and marks NULL', () => {
    expect(copyField(null)).toBe('\\N');
    expect(copyField('a\tb\nc\\d\re')).toBe('a\\tb\\nc\\\\d\\re');
    expect(copyField('Çelik, "de" Vries')).toBe('Çelik, "de" Vries');
    expect(copyField(12)).toBe('12');
    expect(copyField(false)).toBe('false');
    expect(copyField('\\N')).toBe('\\\\N'); // a literal backslash-N is data, not NULL
  });
});
