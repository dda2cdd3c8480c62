import { useTranslation } from 'react-i18next';
import type { WorklistItem } from '@osteopad/contract';
import { Dialog } from '../common/Dialog';
import { DeclineForm } from './DeclineForm';
import { ReminderForm } from './ReminderForm';
import { ReviewForm } from './ReviewForm';

export type DialogAction = 'decline' | 'reminder' | 'review';

export interface DialogTarget {
  action: DialogAction;
  item: WorklistItem;
  /** Counts openings, so every opening starts with an empty form. */
  session: number;
  open: boolean;
}

interface EpisodeDialogProps {
  target: DialogTarget | null;
  onClose: () => void;
  onDone: (message: string) => void;
}

/** One dialog for the row actions that ask something first; it stays mounted so focus can return. */
export function EpisodeDialog({ target, onClose, onDone }: EpisodeDialogProps) {
  const { t } = useTranslation();
  const episodeId = target?.item.episodeId ?? null;
  const title = (() => {
    switch (target?.action) {
      case 'decline':
        return t('decline.title');
      case 'reminder':
        return t('reminder.title');
      case 'review':
        return t('review.title');
      case undefined:
        return '';
    }
  })();
  const form = (() => {
    if (target === null || episodeId === null) return null;
    const props = { item: target.item, episodeId, onCancel: onClose, onDone };
    switch (target.action) {
      case 'decline':
        return <DeclineForm key={target.session} {...props} />;
      case 'reminder':
        return <ReminderForm key={target.session} {...props} />;
      case 'review':
        return <ReviewForm key={target.session} {...props} />;
    }
  })();
  return (
    <Dialog opened={target?.open === true} title={title} onClose={onClose}>
      {form}
    </Dialog>
  );
}
