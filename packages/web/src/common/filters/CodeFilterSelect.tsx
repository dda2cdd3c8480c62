import { NativeSelect } from '@mantine/core';
import type { FilterFieldProps } from './useFilterForm';

interface CodeFilterSelectProps<C extends string> extends FilterFieldProps {
  label: string;
  /** The first option, '' as value: no filter on this field. */
  anyLabel: string;
  codes: readonly C[];
  labelOf: (code: C) => string;
}

/** A filter on one coded field: "all", then each code by its label. */
export function CodeFilterSelect<C extends string>({
  label,
  anyLabel,
  codes,
  labelOf,
  ...field
}: CodeFilterSelectProps<C>) {
  return (
    <NativeSelect
      label={label}
      data={[{ value: '', label: anyLabel }, ...codes.map((code) => ({ value: code, label: labelOf(code) }))]}
      {...field}
    />
  );
}
