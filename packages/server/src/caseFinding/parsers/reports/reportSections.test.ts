import { describe, expect, it } from 'vitest';
import { sectionsOf } from './reportSections';
import { splitSentences } from './sentences';

function sections(text: string): [string, string][] {
  const sentences = splitSentences(text);
  return sectionsOf(text, sentences).map((s, i) => [sentences[i]?.text ?? '', s.kind]);
}

describe('sectionsOf', () => {
  it('follows the headers of a report', () => {
    expect(
      sections(
        'Klinische gegevens: val. Vraagstelling: fractuur? Verslag: wigvorming Th12.\nConclusie: fractuur Th12?',
      ),
    ).toEqual([
      ['Klinische gegevens: val.', 'other'],
      ['Vraagstelling: fractuur?', 'question'],
      ['Verslag: wigvorming Th12.', 'findings'],
      ['Conclusie: fractuur Th12?', 'findings'],
    ]);
  });

  it('ends a header with text at the end of its line, and a header alone on its line at a blank line', () => {
    expect(sections('Indicatie: rugpijn. Wervelfractuur?\nWigvorming Th12.')).toEqual([
      ['Indicatie: rugpijn.', 'question'],
      ['Wervelfractuur?', 'question'],
      ['Wigvorming Th12.', 'none'],
    ]);
    expect(sections('Vraagstelling\nrugpijn.\nwervelfractuur?\n\nwigvorming Th12.')).toEqual([
      ['Vraagstelling', 'question'],
      ['rugpijn.', 'question'],
      ['wervelfractuur?', 'question'],
      ['wigvorming Th12.', 'none'],
    ]);
  });

  it('does not take a header word inside a sentence for a header', () => {
    expect(sections('CT abdomen; toevalsbevinding: impressiefractuur L2.')).toEqual([
      ['CT abdomen; toevalsbevinding: impressiefractuur L2.', 'none'],
    ]);
  });
});
