import { letterKindFor } from './letterKind';
import { ActionIcon, Button, Group, Menu } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
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

/**
 * What can be done next depends on the task that is waiting, not on the list it is shown in. The first is
 * the row's one next action, a button; the others and the episode page are in the row's menu.
 */
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
  const navigate = useNavigate();
  const kind = item.taskKind;
  const actions =
    item.episodeId === null || kind === null || !isOneOf(TASK_KINDS, kind) ? [] : actionsFor(kind, canReview);
  const name = patientName(item);
  const labels: Record<RowAction, { text: string; name: string }> = {
    letter:
      kind !== null && letterKindFor(kind) === 'reminder'
        ? {
            text: t('worklist.actions.reminderLetter'),
            name: t('worklist.actions.reminderLetterFor', { name }),
          }
        : { text: t('worklist.actions.letter'), name: t('worklist.actions.letterFor', { name }) },
    decline: { text: t('worklist.actions.decline'), name: t('worklist.actions.declineFor', { name }) },
    reminder: { text: t('worklist.actions.reminder'), name: t('worklist.actions.reminderFor', { name }) },
    review: { text: t('worklist.actions.review'), name: t('worklist.actions.reviewFor', { name }) },
  };
  const [primary, ...others] = actions;
  const episodeId = item.episodeId;
  const hasMenu = others.length > 0 || episodeId !== null;
  return (
    <Group gap={4} wrap="nowrap">
      {primary !== undefined && (
        <Button
          size="compact-sm"
          variant="light"
          aria-label={labels[primary].name}
          onClick={() => {
            onAction(primary, item);
          }}
        >
          {labels[primary].text}
        </Button>
      )}
      {hasMenu && (
        <Menu position="bottom-end" withinPortal>
          <Menu.Target>
            <ActionIcon variant="default" size="md" aria-label={t('worklist.actions.moreFor', { name })}>
              <span aria-hidden="true">⋯</span>
            </ActionIcon>
          </Menu.Target>
          <Menu.Dropdown>
            {others.map((action) => (
              <Menu.Item
                key={action}
                aria-label={labels[action].name}
                onClick={() => {
                  onAction(action, item);
                }}
              >
                {labels[action].text}
              </Menu.Item>
            ))}
            {episodeId !== null && (
              <Menu.Item
                aria-label={t('worklist.openEpisodeFor', { name })}
                onClick={() => {
                  void navigate({ to: '/episodes/$episodeId', params: { episodeId } });
                }}
              >
                {t('worklist.openEpisode')}
              </Menu.Item>
            )}
          </Menu.Dropdown>
        </Menu>
      )}
    </Group>
  );
}
