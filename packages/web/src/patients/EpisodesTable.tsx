import { Anchor, Badge, Button, NativeSelect, Stack, Table, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  LETTER_LOCALES,
  isOneOf,
  type LetterLocale,
  type Episode,
  type EpisodeReason,
} from '@osteopad/contract';
import { fetchInvitationLetter } from '../api/letters';
import { EmptyNote } from '../common/EmptyNote';
import { Section } from '../common/Section';
import { formatDate } from '../format/dates';
import { episodeReasonLabel, episodeStateLabel, patientGroupLabel } from '../i18n/labels';
import { LetterErrorAlert } from '../letters/LetterErrorAlert';
import { letterFailure } from '../letters/letterFailure';
import { PdfReady } from '../letters/PdfReady';
import { usePdfDocument } from '../letters/usePdfDocument';

interface EpisodesTableProps {
  episodes: readonly Episode[];
  /** For naming the patient in a letter problem. */
  patientName: string;
}

/** States in which an invitation (or a reminder, which reuses it) can be printed; the server decides too. */
const LETTER_STATES: ReadonlySet<string> = new Set(['identified', 'invited', 'reminded']);

/** Why the episode is where it is, in words, and under it the user's own note as written. */
function ReasonText({ reason }: { reason: EpisodeReason }) {
  const { t } = useTranslation();
  return (
    <Stack gap={2}>
      <Text size="sm">{episodeReasonLabel(t, reason)}</Text>
      {reason.note !== '' && (
        <Text size="sm" c="dimmed" style={{ whiteSpace: 'pre-line' }}>
          {t('patient.episodes.note', { note: reason.note })}
        </Text>
      )}
    </Stack>
  );
}

/** The patient's pathways at the fracture liaison service, newest first, each with its state. */
export function EpisodesTable({ episodes, patientName }: EpisodesTableProps) {
  const { t } = useTranslation();
  const [locale, setLocale] = useState<LetterLocale>('nl');
  const pdf = usePdfDocument();
  const letter = useMutation({
    mutationFn: (episodeId: string) => fetchInvitationLetter(episodeId, locale),
    onMutate: () => {
      pdf.clear();
    },
    onSuccess: (blob) => {
      pdf.show(blob, 1);
    },
  });
  const withLetters = episodes.some((episode) => LETTER_STATES.has(episode.state));
  return (
    <Section title={t('patient.episodes.title')}>
      {episodes.length === 0 ? (
        <EmptyNote>{t('patient.episodes.empty')}</EmptyNote>
      ) : (
        <Stack gap="sm">
          {withLetters && (
            <NativeSelect
              label={t('invitations.letterLanguage')}
              value={locale}
              onChange={(event) => {
                const value = event.currentTarget.value;
                if (isOneOf(LETTER_LOCALES, value)) setLocale(value);
              }}
              data={LETTER_LOCALES.map((language) => ({ value: language, label: t(`language.${language}`) }))}
              w={180}
            />
          )}
          {pdf.document !== null && <PdfReady document={pdf.document} onClose={pdf.clear} />}
          {letter.isError && (
            <LetterErrorAlert failure={letterFailure(letter.error)} nameOf={() => patientName} />
          )}
          <Table.ScrollContainer minWidth={720}>
            <Table striped aria-label={t('patient.episodes.title')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('patient.episodes.openedOn')}</Table.Th>
                  <Table.Th scope="col">{t('patient.episodes.state')}</Table.Th>
                  <Table.Th scope="col">{t('patient.episodes.group')}</Table.Th>
                  <Table.Th scope="col">{t('patient.episodes.reason')}</Table.Th>
                  <Table.Th scope="col">{t('patient.episodes.closedOn')}</Table.Th>
                  {withLetters && <Table.Th scope="col">{t('patient.episodes.letter')}</Table.Th>}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {episodes.map((episode) => (
                  <Table.Tr key={episode.id}>
                    <Table.Td>
                      {/* The episode page (a screen of its own, loaded on demand). */}
                      <Anchor
                        href={`/episodes/${encodeURIComponent(episode.id)}`}
                        aria-label={t('patients.openEpisodeFrom', { date: formatDate(episode.openedOn) })}
                      >
                        {formatDate(episode.openedOn)}
                      </Anchor>
                    </Table.Td>
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
                    <Table.Td>
                      {episode.stateReason !== null && <ReasonText reason={episode.stateReason} />}
                    </Table.Td>
                    <Table.Td>{episode.closedOn === null ? '' : formatDate(episode.closedOn)}</Table.Td>
                    {withLetters && (
                      <Table.Td>
                        {LETTER_STATES.has(episode.state) && (
                          <Button
                            size="compact-sm"
                            variant="light"
                            loading={letter.isPending && letter.variables === episode.id}
                            onClick={() => {
                              letter.mutate(episode.id);
                            }}
                          >
                            {t('letters.button')}
                          </Button>
                        )}
                      </Table.Td>
                    )}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Stack>
      )}
    </Section>
  );
}
