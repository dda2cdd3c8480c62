import { MantineProvider } from '@mantine/core';
import { QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import { endSession } from '../session/endSession';
import { createQueryClient } from './queryClient';
import { createAppRouter } from './router';
import { theme, cssVariablesResolver } from './theme';

// The query cache reports an expired session (401) wherever it happens; the router then takes the
// user to the login page. Each needs the other: the callback only runs after both exist.
const queryClient = createQueryClient(() => {
  endSession(queryClient, router, 'expired');
});
const router = createAppRouter(queryClient);

export function App() {
  return (
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="light">
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </MantineProvider>
  );
}
