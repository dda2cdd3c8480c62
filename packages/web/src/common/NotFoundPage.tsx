import { Container } from '@mantine/core';
import { NotFoundScreen } from './NotFoundScreen';

/** Not-found outside the app shell (the shell's own catch-all route covers logged-in users). */
export function NotFoundPage() {
  return (
    <Container component="main" size="sm" py="xl">
      <NotFoundScreen />
    </Container>
  );
}
