import { letterKindFor } from './letterKind';
import { Button, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { TASK_KINDS, isOneOf, type TaskKind, type WorklistItem } from '@osteopad/contract';
import { patientName } from '../patients/patientName';

export type RowAction = 'letter' | 'decline' | 'reminder' | 'review';

interface RowActionsProps {
  item: WorklistItem;
  /** Nurses and specialists decide eligibility; secretaries only see the list. */
  canReview: boolean;
  onAction: (action: RowAction, item: WorklistItem) => void;
}

/** What can be done next depends on the task that is waiting, not on the list it is shown in. */
export function actionsFor(kind: TaskKind, canReview: boolean): readonly RowAction[] {
  switch (kind) {
    case 'invite':
      return ['letter', 'decline'];
    case 'invite_reminder':
      return ['letter', 'reminder', 'decline'];
    case 'no_response_follow_up':
      return ['letter', 'decline'];
    case 'review_eligibility':
      return canReview ? ['review'] : [];
    case 'record_reply':
    case 'ask_gp_phone_number':
      return ['decline'];
    case 'consult_visit':
      return [];
    // The decision's plan: done from the episode, not from these lists.
    case 'start_treatment':
    case 'referral_fall_clinic':
    case 'referral_physiotherapy':
    case 'referral_secondary_osteoporosis':
    case 'referral_dentist':
    case 'send_result_letter':
    case 'send_gp_letter':
      return [];
    // Follow-up (R11): completed with an outcome from the episode and the follow-up worklist.
    case 'treatment_evaluation':
    case 'control_visit':
    case 'yearly_check':
    case 'adherence_check':
    case 'denosumab_injection':
    case 'zoledronic_acid_infusion':
    case 'pre_infusion_blood_test':
    case 'romosozumab_injection':
    case 'anabolic_course_end':
    case 'start_follow_on_antiresorptive':
    case 'standard_reevaluation':
    case 'gp_handover_confirmation':
    case 'new_fracture_review':
      return [];
    // The consult's next screens (investigations, decision), opened from the episode.
    case 'record_investigations':
    case 'record_decision':
      return [];
  }
}

export function RowActions({ item, canReview, onAction }: RowActionsProps) {
  const { t } = useTranslation();
  if (item.episodeId === null || item.taskKind === null || !isOneOf(TASK_KINDS, item.taskKind)) return null;
  const name = patientName(item);
  const labels: Record<RowAction, { text: string; name: string }> = {
    letter:
      letterKindFor(item.taskKind) === 'reminder'
        ? {
            text: t('worklist.actions.reminderLetter'),
            name: t('worklist.actions.reminderLetterFor', { name }),
          }
        : { text: t('worklist.actions.letter'), name: t('worklist.actions.letterFor', { name }) },
    decline: { text: t('worklist.actions.decline'), name: t('worklist.actions.declineFor', { name }) },
    reminder: { text: t('worklist.actions.reminder'), name: t('worklist.actions.reminderFor', { name }) },
    review: { text: t('worklist.actions.review'), name: t('worklist.actions.reviewFor', { name }) },
  };
  return (
    <Stack gap={4} align="flex-start">
      {actionsFor(item.taskKind, canReview).map((action) => (
        <Button
          key={action}
          size="compact-sm"
          variant={action === 'decline' ? 'default' : 'light'}
          aria-label={labels[action].name}
          onClick={() => {
            onAction(action, item);
          }}
        >
          {labels[action].text}
        </Button>
      ))}
    </Stack>
  );
}
