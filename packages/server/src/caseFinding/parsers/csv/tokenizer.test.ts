import { describe, expect, it } from 'vitest';
import { CsvTokenizer, MAX_RECORD_CHARS, RecordTooLongError } from './tokenizer';

function tokenize(text: string, separator = ',', chunkSize = text.length || 1) {
  const tokenizer = new CsvTokenizer(separator);
  const records = [];
  for (let i = 0; i < text.length || i === 0; i += chunkSize) {
    const final = i + chunkSize >= text.length;
    for (const r of tokenizer.push(text.slice(i, i + chunkSize), final))
      records.push({ fields: r.fields, line: r.line, problem: r.problem });
    if (final) break;
  }
  return records;
}

describe('CsvTokenizer', () => {
  it('splits plain rows and handles CRLF, LF and a missing final newline', () => {
    expect(tokenize('a,b\r\nc,d\ne,f')).toEqual([
      { fields: ['a', 'b'], line: 1, problem: undefined },
      { fields: ['c', 'd'], line: 2, problem: undefined },
      { fields: ['e', 'f'], line: 3, problem: undefined },
    ]);
  });

  it('reads quoted fields with separators, doubled quotes and line breaks, and counts lines', () => {
    const records = tokenize('"Bakker, van den","zei ""ja""","regel 1\nregel 2"\nx,y,z\n');
    expect(records[0]?.fields).toEqual(['Bakker, van den', 'zei "ja"', 'regel 1\nregel 2']);
    expect(records[1]).toEqual({ fields: ['x', 'y', 'z'], line: 3, problem: undefined });
  });

  it('gives the same records whatever the chunk size', () => {
    const text = 'id;naam\n1;"Jansen; Jan"\n2;"a ""b"" c"\r\n3;"multi\r\nline"\n4;laatste';
    const whole = tokenize(text, ';');
    for (const size of [1, 2, 3, 5, 7, 13]) expect(tokenize(text, ';', size)).toEqual(whole);
  });

  it('keeps empty fields', () => {
    expect(tokenize('a,,c,\n')[0]?.fields).toEqual(['a', '', 'c', '']);
  });

  it('flags text after a closing quote and an unclosed quote', () => {
    expect(tokenize('"abc"def,x\n')[0]).toMatchObject({ fields: ['abcdef', 'x'], problem: 'textAfterQuote' });
    expect(tokenize('a,"never closed\nb,c\n')[0]).toMatchObject({ problem: 'unclosedQuote' });
  });

  it('keeps a quote inside an unquoted field as written', () => {
    expect(tokenize('5\'3",x\n')[0]?.fields).toEqual(['5\'3"', 'x']);
  });

  it('stops with an error instead of buffering an endless quoted field', () => {
    const tokenizer = new CsvTokenizer(',');
    const chunk = 'x'.repeat(65_536);
    const drain = (text: string): number => tokenizer.push(text, false).length;
    expect(() => {
      drain('a,"');
      for (let i = 0; i * chunk.length <= MAX_RECORD_CHARS; i++) drain(chunk);
    }).toThrow(RecordTooLongError);
  });
});
