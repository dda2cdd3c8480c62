import { useTranslation } from 'react-i18next';
import { REOPEN_REASONS, type ReopenReason } from '@osteopad/contract';
import { reopenEpisode } from './episodeApi';
import { ReasonForm } from './ReasonForm';
import { useEpisodeAction } from './useEpisodeAction';

interface ReopenFormProps {
  episodeId: string;
  version: number;
  onCancel: () => void;
  onDone: () => void;
}

/** A declined or not-eligible episode taken up again, with the reason. */
export function ReopenForm({ episodeId, version, onCancel, onDone }: ReopenFormProps) {
  const { t } = useTranslation();
  const mutation = useEpisodeAction(
    (input: { reason: ReopenReason; note: string }) =>
      reopenEpisode(episodeId, { ...input, expectedVersion: version }),
    onDone,
  );
  return (
    <ReasonForm
      reasons={REOPEN_REASONS}
      labelOf={(reason) => t(`reopenReason.${reason}`)}
      texts={{
        title: t('episode.reopen.title'),
        intro: t('episode.reopen.intro'),
        reason: t('episode.reopen.reason'),
        note: t('episode.reopen.note'),
        noteHelp: t('episode.reopen.noteHelp'),
        submit: t('episode.reopen.submit'),
      }}
      errorTexts={{ reason: t('episode.reopen.errors.reason'), note: t('episode.reopen.errors.note') }}
      submitting={mutation.isPending}
      error={mutation.error}
      onSubmit={(input) => {
        mutation.mutate(input);
      }}
      onCancel={onCancel}
    />
  );
}
