import { createContext, useContext, useMemo, useState, type ReactNode } from 'react';

/**
 * The patient search lives in memory for the length of the session, so "back to patients" returns
 * to the same results. It is deliberately not in the URL: names, BSNs and dates of birth must not
 * reach browser history or server logs.
 */
interface PatientSearchState {
  search: string;
  setSearch: (search: string) => void;
  /** The page chosen for `forSearch`; another search starts at page 1. */
  paging: { forSearch: string; page: number };
  setPaging: (paging: { forSearch: string; page: number }) => void;
}

const PatientSearchContext = createContext<PatientSearchState | null>(null);

export function PatientSearchProvider({ children }: { children: ReactNode }) {
  const [search, setSearch] = useState('');
  const [paging, setPaging] = useState({ forSearch: '', page: 1 });
  const value = useMemo(() => ({ search, setSearch, paging, setPaging }), [search, paging]);
  return <PatientSearchContext value={value}>{children}</PatientSearchContext>;
}

export function usePatientSearch(): PatientSearchState {
  const state = useContext(PatientSearchContext);
  if (state === null) throw new Error('usePatientSearch outside PatientSearchProvider');
  return state;
}
