// Null-safe reading of parsed HL7 data. The library's getters return undefined for absent fields (despite their
// types) and throw for absent repetitions, so everything here goes through the raw component arrays.
import type { Hl7Context, Hl7Field, Hl7Message, Hl7Segment } from '@medplum/core';
import { unescapeHl7 } from './escaping';

/** One repetition of a field: its components, 1-based through `component()`. */
export type Repetition = readonly string[];

export function repetitions(segment: Hl7Segment | undefined, fieldIndex: number): readonly Repetition[] {
  if (segment === undefined) return [];
  const field = segment.getField(fieldIndex) as Hl7Field | undefined;
  return field?.components ?? [];
}

/** HL7's explicit null (`""`: "no value; delete what you hold") is read as empty: Osteopad takes it as no value. */
const HL7_NULL = '""';

export function component(repetition: Repetition | undefined, index: number): string {
  const value = repetition?.[index - 1] ?? '';
  return value === HL7_NULL ? '' : value;
}

export function subcomponent(value: string, index: number, context: Hl7Context): string {
  return value.split(context.subcomponentSeparator)[index - 1] ?? '';
}

/** Unescaped, trimmed text of one component (subcomponents kept). */
export function text(
  segment: Hl7Segment | undefined,
  fieldIndex: number,
  componentIndex = 1,
  repetition = 0,
): string {
  if (segment === undefined) return '';
  const value = component(repetitions(segment, fieldIndex)[repetition], componentIndex);
  return unescapeHl7(value, segment.context).trim();
}

export function segmentsNamed(message: Hl7Message, name: string): Hl7Segment[] {
  return message.segments.filter((s) => s.name === name);
}
