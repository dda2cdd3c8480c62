import { useMutation, useQueryClient } from '@tanstack/react-query';
import { PATIENT_RECORD_QUERY_KEY } from '../api/patients';
import { WORKLIST_QUERY_KEY } from '../api/worklist';
import { EPISODE_PAGE_QUERY_KEY } from './episodeApi';

/**
 * An action on an episode: when it succeeds or is refused as out of date, the episode page, the
 * worklists and the patient pages are read again (so a stale page shows what the other user saved).
 */
export function useEpisodeAction<I, R>(run: (input: I) => Promise<R>, onDone: (result: R) => void) {
  const queryClient = useQueryClient();
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: EPISODE_PAGE_QUERY_KEY });
    void queryClient.invalidateQueries({ queryKey: WORKLIST_QUERY_KEY });
    void queryClient.invalidateQueries({ queryKey: PATIENT_RECORD_QUERY_KEY });
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
