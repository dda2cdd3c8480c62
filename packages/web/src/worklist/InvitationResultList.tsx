import { List, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { InvitationResults, WorklistItem } from '@osteopad/contract';
import { formatDate } from '../format/dates';
import { patientName } from '../patients/patientName';

interface InvitationResultListProps {
  results: InvitationResults;
  /** The rows as they were when marked: after the refresh they are no longer on this list. */
  items: readonly WorklistItem[];
}

/** Per patient: invited with the reminder date, or why not. */
export function InvitationResultList({ results, items }: InvitationResultListProps) {
  const { t } = useTranslation();
  const byEpisode = new Map(items.map((item) => [item.episodeId, item]));
  const ok = results.results.filter((r) => r.ok).length;
  const reason = (code: string | null): string => {
    if (code === 'transition_not_allowed') return t('invitations.results.transition');
    if (code === 'not_found') return t('invitations.results.notFound');
    return t('invitations.results.other');
  };
  return (
    <>
      <Text size="sm" fw={600} mb={4}>
        {t('invitations.results.title', { ok, total: results.results.length })}
      </Text>
      <List size="sm" spacing={2}>
        {results.results.map((result) => {
          const item = byEpisode.get(result.episodeId);
          const name = item === undefined ? result.episodeId : patientName(item);
          const dueDate = result.result?.nextTask?.dueDate;
          return (
            <List.Item key={result.episodeId}>
              <Text span size="sm" fw={500}>
                {name}
              </Text>
              {': '}
              {result.ok
                ? t('invitations.results.invited', { date: dueDate === undefined ? '' : formatDate(dueDate) })
                : t('invitations.results.failed', { reason: reason(result.error) })}
            </List.Item>
          );
        })}
      </List>
    </>
  );
}
