import { Chip, Group, Input, Radio, SegmentedControl, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  APPOINTMENT_KINDS,
  DECLINE_REASONS,
  type AppointmentKind,
  type DeclineReason,
} from '@osteopad/contract';
import { ApiError } from '../api/client';
import { FormPanel } from './FormPanel';
import { parseDate, todayIso } from '../format/dates';
import { declineReasonLabel } from '../i18n/labels';
import { ActionRefusal } from './ActionRefusal';
import { planAppointment, recordDecline } from './episodeApi';
import { useEpisodeAction } from './useEpisodeAction';

interface ReplyFormProps {
  episodeId: string;
  version: number;
  onCancel: () => void;
  onDone: () => void;
}

type Errors = Partial<Record<'date' | 'time' | 'kinds' | 'reason' | 'note', string>>;

/** The patient's reply: an appointment (date, time, what for) or "not taking part" with the reason. */
export function ReplyForm({ episodeId, version, onCancel, onDone }: ReplyFormProps) {
  const { t } = useTranslation();
  const [choice, setChoice] = useState<'appointment' | 'decline'>('appointment');
  const [date, setDate] = useState('');
  const [time, setTime] = useState('');
  const [kinds, setKinds] = useState<AppointmentKind[]>(['dxa_vfa', 'labs', 'consult']);
  const [note, setNote] = useState('');
  const [reason, setReason] = useState<DeclineReason | null>(null);
  const [errors, setErrors] = useState<Errors>({});
  const appointment = useEpisodeAction(
    (input: { date: string; time: string }) =>
      planAppointment(episodeId, { ...input, kinds, note, expectedVersion: version }),
    onDone,
  );
  const decline = useEpisodeAction(
    (input: { reason: DeclineReason }) =>
      recordDecline(episodeId, { reason: input.reason, note, expectedVersion: version }),
    onDone,
  );
  const mutation = choice === 'appointment' ? appointment : decline;
  const serverField = (field: string): string | undefined => {
    const error = mutation.error;
    if (!(error instanceof ApiError)) return undefined;
    const issue = error.issues.find((i) => i.field === `body.${field}`);
    if (issue === undefined) return undefined;
    if (field === 'date' && issue.code === 'past_date') return t('episode.reply.errors.pastDate');
    if (field === 'date' || field === 'time' || field === 'kinds' || field === 'note')
      return t(`episode.reply.errors.${field}`);
    return undefined;
  };

  const submit = () => {
    const found: Errors = {};
    if (choice === 'decline') {
      if (reason === null) found.reason = t('episode.reply.errors.reason');
      else if (reason === 'other' && note.trim() === '') found.note = t('episode.reply.errors.note');
      setErrors(found);
      if (reason !== null && Object.keys(found).length === 0) decline.mutate({ reason });
      return;
    }
    const iso = parseDate(date);
    if (iso === null) found.date = t('episode.reply.errors.date');
    else if (iso < todayIso()) found.date = t('episode.reply.errors.pastDate');
    if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(time.trim())) found.time = t('episode.reply.errors.time');
    if (kinds.length === 0) found.kinds = t('episode.reply.errors.kinds');
    setErrors(found);
    if (iso !== null && Object.keys(found).length === 0) appointment.mutate({ date: iso, time: time.trim() });
  };
  const refusedAtField = mutation.error instanceof ApiError && mutation.error.status === 400;

  return (
    <FormPanel
      title={t('episode.reply.title')}
      submitLabel={choice === 'appointment' ? t('episode.reply.submit') : t('episode.reply.declineSubmit')}
      submitting={mutation.isPending}
      onCancel={onCancel}
      onSubmit={submit}
    >
      <SegmentedControl
        aria-label={t('episode.reply.choice')}
        value={choice}
        onChange={(value) => {
          setChoice(value === 'decline' ? 'decline' : 'appointment');
          setErrors({});
        }}
        data={[
          { value: 'appointment', label: t('episode.reply.appointment') },
          { value: 'decline', label: t('episode.reply.decline') },
        ]}
      />
      {choice === 'appointment' ? (
        <Stack gap="sm">
          <Group grow align="flex-start">
            <TextInput
              label={t('episode.reply.date')}
              description={t('episode.reply.dateHelp')}
              value={date}
              withAsterisk
              error={errors.date ?? serverField('date')}
              onChange={(event) => {
                setDate(event.currentTarget.value);
              }}
            />
            <TextInput
              label={t('episode.reply.time')}
              description={t('episode.reply.timeHelp')}
              value={time}
              withAsterisk
              error={errors.time ?? serverField('time')}
              onChange={(event) => {
                setTime(event.currentTarget.value);
              }}
            />
          </Group>
          <Input.Wrapper
            label={t('episode.reply.kinds')}
            withAsterisk
            error={errors.kinds ?? serverField('kinds')}
          >
            <Chip.Group
              multiple
              value={kinds}
              onChange={(values) => {
                setKinds(APPOINTMENT_KINDS.filter((k) => values.includes(k)));
              }}
            >
              <Group gap="xs" mt={6}>
                {APPOINTMENT_KINDS.map((kind) => (
                  <Chip key={kind} value={kind}>
                    {t(`episode.appointmentKind.${kind}`)}
                  </Chip>
                ))}
              </Group>
            </Chip.Group>
          </Input.Wrapper>
        </Stack>
      ) : (
        <Radio.Group
          label={t('episode.reply.declineReason')}
          value={reason}
          withAsterisk
          error={errors.reason}
          onChange={(value) => {
            setReason(DECLINE_REASONS.find((r) => r === value) ?? null);
          }}
        >
          <Stack gap={6} mt={6}>
            {DECLINE_REASONS.map((value) => (
              <Radio key={value} value={value} label={declineReasonLabel(t, value)} />
            ))}
          </Stack>
        </Radio.Group>
      )}
      <TextInput
        label={choice === 'appointment' ? t('episode.reply.note') : t('episode.reply.declineNote')}
        description={choice === 'appointment' ? t('episode.reply.noteHelp') : undefined}
        value={note}
        maxLength={500}
        error={errors.note ?? serverField('note')}
        onChange={(event) => {
          setNote(event.currentTarget.value);
        }}
      />
      {mutation.isError && !refusedAtField && <ActionRefusal error={mutation.error} />}
    </FormPanel>
  );
}
