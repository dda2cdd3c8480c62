import { Text } from '@mantine/core';

interface EmptyNoteProps {
  children: string;
}

/** "Nothing here yet" inside a section: plain text, so it reads as a statement, not an error. */
export function EmptyNote({ children }: EmptyNoteProps) {
  return (
    <Text size="sm" c="dimmed" fs="italic">
      {children}
    </Text>
  );
}
