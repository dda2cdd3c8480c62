import { TextInput } from '@mantine/core';
import type { FilterFieldProps } from './useFilterForm';

interface DateFilterInputProps extends FilterFieldProps {
  label: string;
  /** How to type a date (dd-mm-jjjj). */
  placeholder: string;
}

/** A date typed as text: a numeric keyboard on phones, no suggestions from earlier forms. */
export function DateFilterInput({ label, placeholder, ...field }: DateFilterInputProps) {
  return (
    <TextInput label={label} placeholder={placeholder} inputMode="numeric" autoComplete="off" {...field} />
  );
}
