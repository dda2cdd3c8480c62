import { useMutation, useQueryClient } from '@tanstack/react-query';

/**
 * An action on an episode: when it succeeds or is refused, every query is marked stale and the ones on
 * screen are read again (the episode page, and the worklists and patient pages when they are next
 * shown), so a stale page shows what the other user saved. Not by their keys: importing the worklist's
 * and patient page's API modules here would split their chunks and grow the worklist's first load.
 */
export function useEpisodeAction<I, R>(run: (input: I) => Promise<R>, onDone: (result: R) => void) {
  const queryClient = useQueryClient();
  const refresh = () => {
    void queryClient.invalidateQueries();
  };
  return useMutation({
    mutationFn: run,
    onSuccess: (result) => {
      refresh();
      onDone(result);
    },
    onError: refresh,
  });
}
