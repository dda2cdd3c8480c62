import { describe, expect, it } from 'vitest';
import { bytesStream, collect } from '../testFixtures';
import { readHl7Messages, splitHl7Messages } from './splitMessages';

const A = 'MSH|^~\\&|A|B|C|D|20250101||ADT^A01|1|P|2.5';
const B = 'MSH|^~\\&|A|B|C|D|20250101||ADT^A04|2|P|2.5';

describe('splitHl7Messages', () => {
  it('starts a new message at every MSH, whatever the segment terminator', () => {
    const messages = splitHl7Messages(`${A}\rPID|1\r${B}\nPID|2\r\nDG1|1\r\n`);
    expect(messages.map((m) => m.text)).toEqual([`${A}\rPID|1`, `${B}\rPID|2\rDG1|1`]);
    expect(messages.map((m) => [m.number, m.line])).toEqual([
      [1, 1],
      [2, 3],
    ]);
  });

  it('ends a message at a blank line, so a message without MSH is not glued to the previous one', () => {
    const messages = splitHl7Messages(`${A}\nPID|1\n\nPID|2\nDG1|1\n`);
    expect(messages.map((m) => m.text)).toEqual([`${A}\rPID|1`, 'PID|2\rDG1|1']);
  });

  it('keeps messages together in files that put a blank line after every segment', () => {
    const messages = splitHl7Messages(`${A}\n\nPID|1\n\nDG1|1\n\n${B}\n\nPID|2\n\n`);
    expect(messages.map((m) => m.text)).toEqual([`${A}\rPID|1\rDG1|1`, `${B}\rPID|2`]);
  });

  it('drops MLLP frame bytes left in a dump', () => {
    expect(splitHl7Messages(`\u000b${A}\rPID|1\r\u001c\r`).map((m) => m.text)).toEqual([`${A}\rPID|1`]);
  });
});

describe('readHl7Messages', () => {
  it('gives the same messages whatever the chunking, including a CRLF split across chunks', async () => {
    const text = `${A}\r\nPID|1\r\n\r\n${B}\r\nPID|2\r\n`;
    const whole = splitHl7Messages(text);
    for (const size of [1, 2, 5, 31]) {
      expect(await collect(readHl7Messages(bytesStream(text, size)))).toEqual(whole);
    }
  });
});
