import { queryOptions } from '@tanstack/react-query';
import { upcomingDatesSchema } from '@osteopad/contract';
import { api } from './client';
import { PATIENT_RECORD_QUERY_KEY } from './patients';

/** Under the patient record's key, so whatever refreshes the record refreshes the dates too. */
export function upcomingDatesQuery(patientId: string) {
  return queryOptions({
    queryKey: [...PATIENT_RECORD_QUERY_KEY, patientId, 'upcoming'],
    queryFn: () => api.get(`/api/patients/${encodeURIComponent(patientId)}/upcoming`, upcomingDatesSchema),
  });
}

/** The patient's calendar file: a plain link (a GET with the session cookie), Dutch unless asked. */
export function upcomingCalendarHref(patientId: string, locale: 'nl' | 'en'): string {
  return `/api/patients/${encodeURIComponent(patientId)}/upcoming.ics?locale=${locale}`;
}
