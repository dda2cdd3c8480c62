import { useState } from 'react';
import { ApiError } from '../api/client';
import { formatDate, todayIso } from '../format/dates';
import { parseSentOn, sentOnErrorFromIssues, type SentOnError } from './sentOnDate';

export interface SentOnField {
  value: string;
  error: SentOnError | undefined;
  change: (value: string) => void;
}

/** The "sent on" date a letter went out, today unless the user types another; shared by invite and reminder. */
export function useSentOn() {
  const [value, setValue] = useState(() => formatDate(todayIso()));
  const [error, setError] = useState<SentOnError | undefined>(undefined);
  const field: SentOnField = {
    value,
    error,
    change: (next) => {
      setValue(next);
      setError(undefined);
    },
  };
  return {
    field,
    /** The date to send (YYYY-MM-DD); undefined after marking the field with why it cannot be. */
    take: (): string | undefined => {
      const parsed = parseSentOn(value, todayIso());
      setError(parsed.ok ? undefined : parsed.error);
      return parsed.ok ? parsed.date : undefined;
    },
    /** Places the server's refusal of the date next to the field. */
    refuse: (failure: unknown): void => {
      if (failure instanceof ApiError) setError(sentOnErrorFromIssues(failure.issues));
    },
  };
}

/** Whether the server refused the date itself (shown at the field, not as a general error). */
export function sentOnRefused(failure: unknown): boolean {
  return failure instanceof ApiError && sentOnErrorFromIssues(failure.issues) !== undefined;
}
