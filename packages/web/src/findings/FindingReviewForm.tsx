import { Alert, Text, Textarea } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import { PATIENT_RECORD_QUERY_KEY } from '../api/patients';
import { REPORT_FINDINGS_QUERY_KEY, reviewFinding, type FindingDecision } from '../api/reportFindings';
import type { ReportFinding } from '../api/schemas';
import { WORKLIST_QUERY_KEY } from '../api/worklist';
import { DialogForm } from '../common/DialogForm';
import { errorText } from '../common/errorText';
import { formatDate } from '../format/dates';
import { FindingSentence } from './FindingSentence';
import { findingPatientName } from './findingPatientName';

interface FindingReviewFormProps {
  finding: ReportFinding;
  decision: FindingDecision;
  onCancel: () => void;
  onDone: (message: string) => void;
}

/** Confirm (a vertebral fracture is recorded and runs through the rules) or dismiss (nothing is recorded). */
export function FindingReviewForm({ finding, decision, onCancel, onDone }: FindingReviewFormProps) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [note, setNote] = useState('');
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: REPORT_FINDINGS_QUERY_KEY });
    void queryClient.invalidateQueries({ queryKey: WORKLIST_QUERY_KEY });
    void queryClient.invalidateQueries({ queryKey: PATIENT_RECORD_QUERY_KEY });
  };
  const mutation = useMutation({
    mutationFn: () => reviewFinding(finding.id, decision, note.trim()),
    onSuccess: (result) => {
      refresh();
      if (result.status === 'dismissed') onDone(t('findings.doneDismissed'));
      else
        onDone(
          result.imported === 0 && result.duplicates > 0
            ? t('findings.doneDuplicate')
            : t('findings.doneConfirmed'),
        );
    },
    onError: (error) => {
      if (error instanceof ApiError && error.code === 'already_reviewed') refresh();
    },
  });
  const alreadyReviewed = mutation.error instanceof ApiError && mutation.error.code === 'already_reviewed';

  return (
    <DialogForm
      submitLabel={decision === 'confirm' ? t('findings.confirm') : t('findings.dismiss')}
      submitting={mutation.isPending}
      onCancel={onCancel}
      onSubmit={() => {
        mutation.mutate();
      }}
    >
      <Text fw={600}>{findingPatientName(t, finding)}</Text>
      <FindingSentence
        sentence={finding.sentence}
        highlightStart={finding.highlightStart}
        highlightEnd={finding.highlightEnd}
      />
      <Text size="sm">
        {decision === 'confirm'
          ? t('findings.dialog.confirmIntro', {
              name: findingPatientName(t, finding),
              date: formatDate(finding.reportDate),
            })
          : t('findings.dialog.dismissIntro')}
      </Text>
      <Textarea
        label={t('findings.dialog.note')}
        description={t('findings.dialog.noteHelp')}
        value={note}
        maxLength={500}
        autosize
        minRows={2}
        onChange={(event) => {
          setNote(event.currentTarget.value);
        }}
      />
      {mutation.isError && (
        <Alert color="red" variant="light" role="alert">
          {alreadyReviewed ? t('findings.alreadyReviewed') : errorText(t, mutation.error)}
        </Alert>
      )}
    </DialogForm>
  );
}
