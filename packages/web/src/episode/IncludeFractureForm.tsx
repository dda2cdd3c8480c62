import { useTranslation } from 'react-i18next';
import { FRACTURE_INCLUSION_REASONS, type FractureInclusionReason } from '@osteopad/contract';
import { includeFracture } from './episodeApi';
import { ReasonForm } from './ReasonForm';
import { useEpisodeAction } from './useEpisodeAction';
import './i18n/register';

interface IncludeFractureFormProps {
  fractureId: string;
  onCancel: () => void;
  /** The episode that opened for the fracture. */
  onDone: (episodeId: string) => void;
}

/**
 * A clinician includes a fracture the rules excluded, with the reason: the clinician decides, Osteopad
 * records. Loaded on demand from the patient page's fractures, so none of it is in the main bundle.
 */
export function IncludeFractureForm({ fractureId, onCancel, onDone }: IncludeFractureFormProps) {
  const { t } = useTranslation();
  const mutation = useEpisodeAction(
    (input: { reason: FractureInclusionReason; note: string }) => includeFracture(fractureId, input),
    (result) => {
      onDone(result.episodeId);
    },
  );
  return (
    <ReasonForm
      reasons={FRACTURE_INCLUSION_REASONS}
      labelOf={(reason) => t(`fractureInclusionReason.${reason}`)}
      texts={{
        title: t('episode.include.title'),
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
      onCancel={onCancel}
    />
  );
}

export default IncludeFractureForm;
