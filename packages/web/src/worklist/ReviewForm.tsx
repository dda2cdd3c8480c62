import { Alert, Radio, Stack, Text, Textarea } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import { NOT_ELIGIBLE_REASONS, isOneOf, type NotEligibleReason } from '../api/codes';
import type { WorklistItem } from '../api/schemas';
import { reviewEligibility, type EligibilityDecision } from '../api/worklist';
import { DialogForm } from '../common/DialogForm';
import { formatDate } from '../format/dates';
import { fractureSiteLabel, notEligibleReasonLabel } from '../i18n/labels';
import { patientName } from '../patients/patientName';
import { actionErrorText, isStale } from './actionError';
import { PatientLine } from './PatientLine';
import { useRefreshWorklist } from './useRefreshWorklist';

interface ReviewFormProps {
  item: WorklistItem;
  episodeId: string;
  onCancel: () => void;
  onDone: (message: string) => void;
}

type Decision = 'eligible' | 'notEligible';
type ReviewFieldError = 'decisionRequired' | 'reasonRequired' | 'noteRequired';

/** Manual review (R1.3): a person decides what the rules could not. */
export function ReviewForm({ item, episodeId, onCancel, onDone }: ReviewFormProps) {
  const { t } = useTranslation();
  const refresh = useRefreshWorklist();
  const [decision, setDecision] = useState<Decision | ''>('');
  const [reason, setReason] = useState<NotEligibleReason | ''>('');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Partial<Record<'decision' | 'reason' | 'note', ReviewFieldError>>>({});
  const name = patientName(item);
  const mutation = useMutation({
    mutationFn: (body: EligibilityDecision) => reviewEligibility(episodeId, body),
    onSuccess: (_result, body) => {
      refresh();
      onDone(body.eligible ? t('review.doneEligible', { name }) : t('review.doneNotEligible', { name }));
    },
    onError: (error) => {
      if (error instanceof ApiError && error.issues.some((i) => i.field === 'body.note')) {
        setErrors({ note: 'noteRequired' });
      }
      if (isStale(error)) refresh();
    },
  });
  const askReason = decision === 'notEligible';
  const fieldRefused = mutation.error instanceof ApiError && mutation.error.status === 400;
  const site =
    item.siteCode === null ? item.siteText || t('worklist.unknownSite') : fractureSiteLabel(t, item.siteCode);

  return (
    <DialogForm
      submitLabel={t('review.submit')}
      submitting={mutation.isPending}
      onCancel={onCancel}
      onSubmit={() => {
        const next: typeof errors = {};
        if (decision === '') next.decision = 'decisionRequired';
        if (decision === 'notEligible' && reason === '') next.reason = 'reasonRequired';
        if (decision === 'notEligible' && reason === 'other' && note.trim() === '')
          next.note = 'noteRequired';
        setErrors(next);
        if (Object.keys(next).length > 0) return;
        if (decision === 'eligible') mutation.mutate({ eligible: true, note: note.trim() });
        else if (decision === 'notEligible' && reason !== '')
          mutation.mutate({ eligible: false, reason, note: note.trim() });
      }}
    >
      <PatientLine item={item} />
      <Text size="sm">
        {t('review.fracture', { date: formatDate(item.fractureDate), site })}
        {item.icd10Code !== '' && ` · ${t('worklist.icd10', { code: item.icd10Code })}`}
      </Text>
      <Radio.Group
        label={t('review.decision')}
        value={decision}
        onChange={(value) => {
          if (value === 'eligible' || value === 'notEligible') setDecision(value);
          setErrors({});
        }}
        error={errors.decision === undefined ? undefined : t(`review.${errors.decision}`)}
        withAsterisk
      >
        <Stack gap={6} mt={6}>
          <Radio value="eligible" label={t('review.eligible')} />
          <Radio value="notEligible" label={t('review.notEligible')} />
        </Stack>
      </Radio.Group>
      {askReason && (
        <Radio.Group
          label={t('review.reason')}
          value={reason}
          onChange={(value) => {
            if (isOneOf(NOT_ELIGIBLE_REASONS, value)) setReason(value);
            setErrors((current) => ({ ...current, reason: undefined }));
          }}
          error={errors.reason === undefined ? undefined : t(`review.${errors.reason}`)}
          withAsterisk
        >
          <Stack gap={6} mt={6}>
            {NOT_ELIGIBLE_REASONS.map((value) => (
              <Radio key={value} value={value} label={notEligibleReasonLabel(t, value)} />
            ))}
          </Stack>
        </Radio.Group>
      )}
      <Textarea
        label={t('review.note')}
        description={t('review.noteHelp')}
        value={note}
        maxLength={500}
        autosize
        minRows={2}
        withAsterisk={decision === 'notEligible' && reason === 'other'}
        error={errors.note === undefined ? undefined : t(`review.${errors.note}`)}
        onChange={(event) => {
          setNote(event.currentTarget.value);
          setErrors((current) => ({ ...current, note: undefined }));
        }}
      />
      {mutation.isError && !fieldRefused && (
        <Alert color="red" variant="light" role="alert">
          {actionErrorText(t, mutation.error)}
        </Alert>
      )}
    </DialogForm>
  );
}
