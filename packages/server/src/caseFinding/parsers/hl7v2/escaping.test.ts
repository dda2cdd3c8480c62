import { Hl7Context } from '@medplum/core';
import { describe, expect, it } from 'vitest';
import { escapeHl7, unescapeHl7 } from './escaping';

const context = new Hl7Context();

describe('HL7 escape sequences', () => {
  it('unescapes separators, hex bytes and line breaks', () => {
    expect(unescapeHl7('A\\F\\B\\S\\C\\T\\D\\R\\E\\E\\', context)).toBe('A|B^C&D~E\\');
    expect(unescapeHl7('M\\XFC\\ller', context)).toBe('Müller');
    expect(unescapeHl7('regel 1\\.br\\regel 2', context)).toBe('regel 1 regel 2');
  });

  it('leaves unknown or unterminated sequences as written', () => {
    expect(unescapeHl7('a\\Z\\b', context)).toBe('a\\Z\\b');
    expect(unescapeHl7('a\\b', context)).toBe('a\\b');
  });

  it('escapes text so that it round-trips', () => {
    const text = 'PID-7: "1950|01" ^~&\\ ok';
    expect(unescapeHl7(escapeHl7(text, context), context)).toBe(text);
    expect(escapeHl7('a\r\nb', context)).toBe('a b');
  });
});
