import { Text } from '@mantine/core';
import { splitHighlight } from './findingHighlight';

interface FindingSentenceProps {
  sentence: string;
  highlightStart: number;
  highlightEnd: number;
}

/** The report's sentence with the matched phrase marked (`<mark>`, which screen readers can announce). */
export function FindingSentence({ sentence, highlightStart, highlightEnd }: FindingSentenceProps) {
  const { before, match, after } = splitHighlight(sentence, highlightStart, highlightEnd);
  return (
    <Text size="sm" className="finding-sentence">
      {before}
      {match !== '' && <mark>{match}</mark>}
      {after}
    </Text>
  );
}
