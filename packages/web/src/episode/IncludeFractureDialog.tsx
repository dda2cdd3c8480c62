import { useTranslation } from 'react-i18next';
import { FRACTURE_INCLUSION_REASONS, type FractureInclusionReason } from '@osteopad/contract';
import { Dialog } from '../common/Dialog';
import { includeFracture } from './episodeApi';
import { ReasonForm } from './ReasonForm';
import { useEpisodeAction } from './useEpisodeAction';
import './i18n/register';

interface IncludeFractureDialogProps {
  fractureId: string;
  onClose: () => void;
  /** The episode that opened for the fracture. */
  onDone: (episodeId: string) => void;
}

/**
 * A clinician includes a fracture the rules excluded, with the reason: the clinician decides, Osteopad
 * records. Loaded on demand from the worklist's excluded tab, so none of it is in the main bundle.
 */
export function IncludeFractureDialog({ fractureId, onClose, onDone }: IncludeFractureDialogProps) {
  const { t } = useTranslation();
  const mutation = useEpisodeAction(async (input: { reason: FractureInclusionReason; note: string }) => {
    const result = await includeFracture(fractureId, input);
    onDone(result.episodeId);
  }, onClose);
  return (
    <Dialog opened title={t('episode.include.title')} onClose={onClose}>
      <ReasonForm
        reasons={FRACTURE_INCLUSION_REASONS}
        labelOf={(reason) => t(`fractureInclusionReason.${reason}`)}
        texts={{
          intro: t('episode.include.intro'),
          reason: t('episode.include.reason'),
          note: t('episode.include.note'),
          noteHelp: t('episode.include.noteHelp'),
          submit: t('episode.include.submit'),
        }}
        errorTexts={{ reason: t('episode.include.errors.reason'), note: t('episode.include.errors.note') }}
        submitting={mutation.isPending}
        error={mutation.error}
        onSubmit={(input) => {
          mutation.mutate(input);
        }}
        onCancel={onClose}
      />
    </Dialog>
  );
}

export default IncludeFractureDialog;
