import { Alert, Text, Textarea } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import { PATIENT_RECORD_QUERY_KEY } from '../api/patients';
import { REPORT_FINDINGS_QUERY_KEY, reviewFinding, type FindingDecision } from '../api/reportFindings';
import type { PatientSummary, ReportFinding } from '@osteopad/contract';
import { WORKLIST_QUERY_KEY } from '../api/worklist';
import { DialogForm } from '../common/DialogForm';
import { errorText } from '../common/errorText';
import { formatDate } from '../format/dates';
import { patientName } from '../patients/patientName';
import { FindingPatientPicker } from './FindingPatientPicker';
import { FindingSentence } from './FindingSentence';
import { findingPatientName } from './findingPatientName';

interface FindingReviewFormProps {
  finding: ReportFinding;
  decision: FindingDecision;
  onCancel: () => void;
  onDone: (message: string) => void;
}

/**
 * Confirm (a vertebral fracture is recorded and runs through the rules) or dismiss (nothing is recorded).
 * A finding whose report named nobody Osteopad knows is confirmed for a patient the user chooses.
 */
export function FindingReviewForm({ finding, decision, onCancel, onDone }: FindingReviewFormProps) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [note, setNote] = useState('');
  const [chosen, setChosen] = useState<PatientSummary | null>(null);
  const noneChosenId = useId();
  const needsPatient = decision === 'confirm' && finding.patientId === null;
  const uncertain = finding.certainty === 'uncertain';
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: REPORT_FINDINGS_QUERY_KEY });
    void queryClient.invalidateQueries({ queryKey: WORKLIST_QUERY_KEY });
    void queryClient.invalidateQueries({ queryKey: PATIENT_RECORD_QUERY_KEY });
  };
  const mutation = useMutation({
    mutationFn: () => reviewFinding(finding.id, decision, note.trim(), needsPatient ? chosen?.id : undefined),
    onSuccess: (result) => {
      refresh();
      if (result.status === 'dismissed') onDone(t('findings.doneDismissed'));
      else if (result.linkedEpisodeId !== null) onDone(t('findings.doneLinked'));
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
  // The server refuses a confirmation without a patient, or for a patient not (or no longer) in Osteopad.
  const patientRefused =
    mutation.error instanceof ApiError &&
    mutation.error.status === 400 &&
    mutation.error.issues.some((issue) => issue.field === 'body.patientId');
  const name = needsPatient ? (chosen === null ? null : patientName(chosen)) : findingPatientName(t, finding);

  return (
    <DialogForm
      submitLabel={decision === 'confirm' ? t('findings.confirm') : t('findings.dismiss')}
      submitting={mutation.isPending}
      submitDisabled={needsPatient && chosen === null}
      submitDescribedBy={needsPatient && chosen === null ? noneChosenId : undefined}
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
      {needsPatient && (
        <>
          <Text size="sm">{t('findings.picker.intro', { ref: finding.patientRef })}</Text>
          <FindingPatientPicker
            chosen={chosen}
            onChoose={(patient) => {
              setChosen(patient);
              mutation.reset();
            }}
            noneChosenId={noneChosenId}
          />
        </>
      )}
      {decision === 'dismiss' ? (
        <Text size="sm">{t('findings.dialog.dismissIntro')}</Text>
      ) : (
        <>
          {name !== null && (
            <Text size="sm">
              {t('findings.dialog.confirmIntro', { name, date: formatDate(finding.reportDate) })}
            </Text>
          )}
          <Text size="sm">
            {finding.levels.length === 0
              ? t('findings.dialog.noLevels')
              : t('findings.dialog.levels', { levels: finding.levels.join(', ') })}
          </Text>
          {uncertain && (
            <Alert color="yellow" variant="light">
              {t('findings.dialog.uncertainWarning', { cue: finding.certaintyCue ?? '?' })}
            </Alert>
          )}
        </>
      )}
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
          {alreadyReviewed
            ? t('findings.alreadyReviewed')
            : patientRefused
              ? t('findings.picker.refused')
              : errorText(t, mutation.error)}
        </Alert>
      )}
    </DialogForm>
  );
}
