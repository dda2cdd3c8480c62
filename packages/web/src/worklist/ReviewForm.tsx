import { Radio, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import { NOT_ELIGIBLE_REASONS, type WorklistItem } from '@osteopad/contract';
import { reviewEligibility, type EligibilityDecision } from '../api/worklist';
import { DialogForm } from '../common/DialogForm';
import { formatDate } from '../format/dates';
import { fractureSiteLabel, notEligibleReasonLabel } from '../i18n/labels';
import { patientName } from '../patients/patientName';
import { ActionErrorAlert } from './ActionErrorAlert';
import { isStale } from './actionError';
import { PatientLine } from './PatientLine';
import { noteRefused } from './reasonNote';
import { ReasonNoteFields } from './ReasonNoteFields';
import { useReasonNote } from './useReasonNote';
import { useRefreshWorklist } from './useRefreshWorklist';

interface ReviewFormProps {
  item: WorklistItem;
  episodeId: string;
  onCancel: () => void;
  onDone: (message: string) => void;
}

type Decision = 'eligible' | 'notEligible';

/** Manual review (R1.3): a person decides what the rules could not. */
export function ReviewForm({ item, episodeId, onCancel, onDone }: ReviewFormProps) {
  const { t } = useTranslation();
  const refresh = useRefreshWorklist();
  const [decision, setDecision] = useState<Decision | ''>('');
  const [decisionMissing, setDecisionMissing] = useState(false);
  // The reason and its note are asked only for "not eligible"; the note can go with either decision.
  const fields = useReasonNote(NOT_ELIGIBLE_REASONS);
  const name = patientName(item);
  const mutation = useMutation({
    mutationFn: (body: EligibilityDecision) => reviewEligibility(episodeId, body),
    onSuccess: (_result, body) => {
      refresh();
      onDone(body.eligible ? t('review.doneEligible', { name }) : t('review.doneNotEligible', { name }));
    },
    onError: (error) => {
      if (noteRefused(error)) fields.refuseNote();
      if (isStale(error)) refresh();
    },
  });
  const fieldRefused = mutation.error instanceof ApiError && mutation.error.status === 400;
  const site =
    item.siteCode === null ? item.siteText || t('worklist.unknownSite') : fractureSiteLabel(t, item.siteCode);

  return (
    <DialogForm
      submitLabel={t('review.submit')}
      submitting={mutation.isPending}
      onCancel={onCancel}
      onSubmit={() => {
        setDecisionMissing(decision === '');
        if (decision !== 'notEligible') {
          fields.clearErrors();
          if (decision === 'eligible') mutation.mutate({ eligible: true, note: fields.note.trim() });
          return;
        }
        const checked = fields.check();
        if (checked.ok) mutation.mutate({ eligible: false, reason: checked.reason, note: checked.note });
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
          setDecisionMissing(false);
          fields.clearErrors();
        }}
        error={decisionMissing ? t('review.decisionRequired') : undefined}
        withAsterisk
      >
        <Stack gap={6} mt={6}>
          <Radio value="eligible" label={t('review.eligible')} />
          <Radio value="notEligible" label={t('review.notEligible')} />
        </Stack>
      </Radio.Group>
      <ReasonNoteFields
        fields={fields}
        reasons={NOT_ELIGIBLE_REASONS}
        labelOf={(reason) => notEligibleReasonLabel(t, reason)}
        askReason={decision === 'notEligible'}
        labels={{ reason: t('review.reason'), note: t('review.note'), noteHelp: t('review.noteHelp') }}
        describeError={(error) => t(`review.${error}`)}
      />
      {mutation.isError && !fieldRefused && <ActionErrorAlert error={mutation.error} />}
    </DialogForm>
  );
}
