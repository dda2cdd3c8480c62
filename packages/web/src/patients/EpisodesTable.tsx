import { Badge, Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Episode } from '../api/schemas';
import { EmptyNote } from '../common/EmptyNote';
import { Section } from '../common/Section';
import { formatDate } from '../format/dates';
import { episodeStateLabel, patientGroupLabel } from '../i18n/labels';

interface EpisodesTableProps {
  episodes: readonly Episode[];
}

/** The patient's pathways at the fracture liaison service, newest first, each with its state. */
export function EpisodesTable({ episodes }: EpisodesTableProps) {
  const { t } = useTranslation();
  return (
    <Section title={t('patient.episodes.title')}>
      {episodes.length === 0 ? (
        <EmptyNote>{t('patient.episodes.empty')}</EmptyNote>
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table striped aria-label={t('patient.episodes.title')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('patient.episodes.openedOn')}</Table.Th>
                <Table.Th scope="col">{t('patient.episodes.state')}</Table.Th>
                <Table.Th scope="col">{t('patient.episodes.group')}</Table.Th>
                <Table.Th scope="col">{t('patient.episodes.reason')}</Table.Th>
                <Table.Th scope="col">{t('patient.episodes.closedOn')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {episodes.map((episode) => (
                <Table.Tr key={episode.id}>
                  <Table.Td>{formatDate(episode.openedOn)}</Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={episode.closedOn === null ? 'blue' : 'gray'}>
                      {episodeStateLabel(t, episode.state)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    {episode.patientGroup === null
                      ? t('common.notRecorded')
                      : patientGroupLabel(t, episode.patientGroup)}
                  </Table.Td>
                  <Table.Td>{episode.stateReason}</Table.Td>
                  <Table.Td>{episode.closedOn === null ? '' : formatDate(episode.closedOn)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Section>
  );
}
