import { describe, expect, it } from 'vitest';
import { splitSentences } from './sentences';

describe('splitSentences', () => {
  it('splits at full stops followed by space and at line breaks, with offsets into the text', () => {
    const text = 'Wervelfractuur Th12. Geen andere afwijkingen.\nConclusie: osteopenie';
    const sentences = splitSentences(text);
    expect(sentences.map((s) => s.text)).toEqual([
      'Wervelfractuur Th12.',
      'Geen andere afwijkingen.',
      'Conclusie: osteopenie',
    ]);
    for (const s of sentences) expect(text.slice(s.start, s.start + s.text.length)).toBe(s.text);
  });

  it('does not split at abbreviations, initials or decimals', () => {
    expect(
      splitSentences(
        'Hoogteverlies ca. 2.5 cm i.v.m. inzakking, o.a. Th12. Verwezen door dr. A. Jansen.',
      ).map((s) => s.text),
    ).toEqual(['Hoogteverlies ca. 2.5 cm i.v.m. inzakking, o.a. Th12.', 'Verwezen door dr. A. Jansen.']);
  });

  it('splits at question and exclamation marks', () => {
    expect(splitSentences('Fractuur? Nee! Wel artrose.').map((s) => s.text)).toEqual([
      'Fractuur?',
      'Nee!',
      'Wel artrose.',
    ]);
  });

  it('does not end a sentence at a question mark that marks doubt before a word', () => {
    expect(splitSentences('Wervelkolom: ? compressiefractuur L1. Verder rustig.').map((s) => s.text)).toEqual(
      ['Wervelkolom: ? compressiefractuur L1.', 'Verder rustig.'],
    );
    expect(splitSentences('Rugpijn, t.u.v. fractuur L1.').map((s) => s.text)).toEqual([
      'Rugpijn, t.u.v. fractuur L1.',
    ]);
  });

  it('gives nothing for empty text', () => {
    expect(splitSentences('  \n ')).toEqual([]);
  });
});
