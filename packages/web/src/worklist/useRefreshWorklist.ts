import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { PATIENT_RECORD_QUERY_KEY } from '../api/patients';
import { WORKLIST_QUERY_KEY } from '../api/worklist';

/** After an episode changed: every worklist and the patient records show it. */
export function useRefreshWorklist(): () => void {
  const queryClient = useQueryClient();
  return useCallback(() => {
    void queryClient.invalidateQueries({ queryKey: WORKLIST_QUERY_KEY });
    void queryClient.invalidateQueries({ queryKey: PATIENT_RECORD_QUERY_KEY });
  }, [queryClient]);
}
