import { Anchor, Button, Group, List, SegmentedControl, Stack, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  LETTER_LOCALES,
  type LetterLocale,
  type StoredDocumentKind,
  type StoredLetter,
} from '@osteopad/contract';
import { EmptyNote } from '../common/EmptyNote';
import { LoadingState } from '../common/LoadingState';
import { Notice } from '../common/Notice';
import { QueryError } from '../common/QueryError';
import { Section } from '../common/Section';
import { formatDateTime } from '../format/dates';
import { createConsultLetter, episodeDocumentsKey, fetchEpisodeDocuments } from './consultLettersApi';
import './i18n/register';

interface ConsultLettersPanelProps {
  episodeId: string;
  /** Whether the user may make letters (specialist, nurse); everyone who sees the panel may open them. */
  canCreate: boolean;
}

/**
 * The letters of an episode's decision: make the patient's result letter or the GP's letter in a
 * language, and open each kept letter as it was made (a link to the stored PDF). Hosted by the
 * decision screen and the episode page, loaded on demand (lazyConsultLettersPanel.ts).
 */
export default function ConsultLettersPanel({ episodeId, canCreate }: ConsultLettersPanelProps) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [locale, setLocale] = useState<LetterLocale>('nl');
  const documents = useQuery({
    queryKey: episodeDocumentsKey(episodeId),
    queryFn: () => fetchEpisodeDocuments(episodeId),
  });
  const create = useMutation({
    mutationFn: (kind: StoredDocumentKind) => createConsultLetter(episodeId, { kind, locale }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: episodeDocumentsKey(episodeId) }),
  });

  return (
    <Section title={t('consultLetters.title')}>
      <Stack gap="sm">
        <Text size="sm">{t('consultLetters.intro')}</Text>
        {canCreate && (
          <>
            <SegmentedControl
              aria-label={t('consultLetters.language')}
              value={locale}
              onChange={(value) => {
                setLocale(value === 'en' ? 'en' : 'nl');
              }}
              data={LETTER_LOCALES.map((code) => ({
                value: code,
                label: t(`consultLetters.languages.${code}`),
              }))}
            />
            <Group gap="sm">
              <Button
                loading={create.isPending}
                onClick={() => {
                  create.mutate('result_letter');
                }}
              >
                {t('consultLetters.makeResultLetter')}
              </Button>
              <Button
                variant="light"
                loading={create.isPending}
                onClick={() => {
                  create.mutate('gp_letter');
                }}
              >
                {t('consultLetters.makeGpLetter')}
              </Button>
            </Group>
            {create.isError && <QueryError error={create.error} />}
            {create.isSuccess && (
              <Notice
                tone="success"
                onClose={() => {
                  create.reset();
                }}
              >
                {t('consultLetters.made')}
              </Notice>
            )}
          </>
        )}
        <Text fw={600}>{t('consultLetters.documentsTitle')}</Text>
        {documents.isPending ? (
          <LoadingState />
        ) : documents.isError ? (
          <QueryError error={documents.error} onRetry={() => void documents.refetch()} />
        ) : documents.data.items.length === 0 ? (
          <EmptyNote>{t('consultLetters.empty')}</EmptyNote>
        ) : (
          <List spacing="xs">
            {documents.data.items.map((document) => (
              <DocumentItem key={document.id} document={document} />
            ))}
          </List>
        )}
      </Stack>
    </Section>
  );
}

function DocumentItem({ document }: { document: StoredLetter }) {
  const { t } = useTranslation();
  const date = formatDateTime(document.createdAt);
  const kind =
    document.kind === 'gp_letter' || document.kind === 'result_letter'
      ? t(`consultLetters.kind.${document.kind}`)
      : document.kind;
  return (
    <List.Item>
      <Text size="sm" span fw={600}>
        {kind} ({t(`consultLetters.languages.${document.locale}`)})
      </Text>{' '}
      <Text size="sm" span c="dimmed">
        {document.createdBy === null
          ? t('consultLetters.madeBySystem', { date })
          : t('consultLetters.madeBy', { date, name: document.createdBy })}
      </Text>{' '}
      {/* A real link: the browser opens the stored PDF itself (same origin, session cookie), no popup blocker. */}
      <Anchor href={document.href} target="_blank" rel="noopener" size="sm">
        {t('consultLetters.open')}
      </Anchor>
    </List.Item>
  );
}
