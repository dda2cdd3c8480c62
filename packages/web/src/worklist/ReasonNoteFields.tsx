import { Radio, Stack, Textarea } from '@mantine/core';
import { noteRequired, type ReasonNoteError } from './reasonNote';
import type { ReasonNote } from './useReasonNote';

interface ReasonNoteFieldsProps<R extends string> {
  fields: Pick<ReasonNote<R>, 'reason' | 'note' | 'errors' | 'choose' | 'write'>;
  reasons: readonly R[];
  labelOf: (reason: R) => string;
  /** false: only the note is asked (the reasons belong to a choice the user has not made). */
  askReason?: boolean;
  labels: { reason: string; note: string; noteHelp: string };
  /** The sentence for a refusal, from the form's own catalogue group. */
  describeError: (error: ReasonNoteError) => string;
}

/** A required coded reason as radios, then a note that is required for "other". */
export function ReasonNoteFields<R extends string>({
  fields,
  reasons,
  labelOf,
  askReason = true,
  labels,
  describeError,
}: ReasonNoteFieldsProps<R>) {
  const { reason, note, errors } = fields;
  return (
    <>
      {askReason && (
        <Radio.Group
          label={labels.reason}
          value={reason}
          onChange={fields.choose}
          error={errors.reason === undefined ? undefined : describeError(errors.reason)}
          withAsterisk
        >
          <Stack gap={6} mt={6}>
            {reasons.map((value) => (
              <Radio key={value} value={value} label={labelOf(value)} />
            ))}
          </Stack>
        </Radio.Group>
      )}
      <Textarea
        label={labels.note}
        description={labels.noteHelp}
        value={note}
        maxLength={500}
        autosize
        minRows={2}
        withAsterisk={askReason && noteRequired(reason)}
        error={errors.note === undefined ? undefined : describeError(errors.note)}
        onChange={(event) => {
          fields.write(event.currentTarget.value);
        }}
      />
    </>
  );
}
