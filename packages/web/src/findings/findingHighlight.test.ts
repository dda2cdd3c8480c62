import { describe, expect, it } from 'vitest';
import { splitHighlight } from './findingHighlight';

describe('splitHighlight', () => {
  const sentence = 'Wigvormige wervelfractuur Th12, graad 2 volgens Genant.';

  it('cuts the sentence around the matched phrase', () => {
    expect(splitHighlight(sentence, 11, 25)).toEqual({
      before: 'Wigvormige ',
      match: 'wervelfractuur',
      after: ' Th12, graad 2 volgens Genant.',
    });
    expect(splitHighlight('L1-fractuur', 0, 11)).toEqual({ before: '', match: 'L1-fractuur', after: '' });
  });

  it('highlights nothing when the offsets do not fit the sentence', () => {
    for (const [start, end] of [
      [-1, 4],
      [5, 5],
      [8, 3],
      [0, 999],
      [1.5, 4],
    ] as const) {
      expect(splitHighlight(sentence, start, end)).toEqual({ before: sentence, match: '', after: '' });
    }
  });
});
