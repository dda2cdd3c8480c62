import { Button, Group, NativeSelect, Paper, Text, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useId, type ChangeEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import {
  LETTER_LOCALES,
  isOneOf,
  type InvitationLetterKind,
  type LetterLocale,
  type InvitationResults,
  type WorklistItem,
} from '@osteopad/contract';
import { markInvited } from '../api/worklist';
import { QueryError } from '../common/QueryError';
import { SentOnInput } from './SentOnInput';
import { sentOnRefused, useSentOn } from './useSentOn';

interface InvitationToolbarProps {
  /**
   * Batch printing: invitations (and marking them sent) on "Uit te nodigen", reminders on "Wacht op
   * reactie" (each reminder is marked sent on its row, with its own date); null: only the letter language.
   */
  batch: InvitationLetterKind | null;
  selected: readonly WorklistItem[];
  locale: LetterLocale;
  onLocaleChange: (locale: LetterLocale) => void;
  printing: boolean;
  onPrint: () => void;
  onInvited: (results: InvitationResults, items: readonly WorklistItem[]) => void;
}

/** Letters for the selected patients, then "these went out on …": the reminder is planned from that day. */
export function InvitationToolbar(props: InvitationToolbarProps) {
  const { batch, selected, locale, onLocaleChange, printing, onPrint, onInvited } = props;
  const { t } = useTranslation();
  const headingId = useId();
  const languageId = useId();
  const sentOn = useSentOn();
  const invite = useMutation({
    mutationFn: ({ items, date }: { items: readonly WorklistItem[]; date: string }) =>
      markInvited(
        items.flatMap((item) => (item.episodeId === null ? [] : [item.episodeId])),
        date,
      ),
    onSuccess: (results, { items }) => {
      onInvited(results, items);
    },
    onError: (error) => {
      sentOn.refuse(error);
    },
  });
  const count = selected.length;

  const languageProps = {
    value: locale,
    onChange: (event: ChangeEvent<HTMLSelectElement>) => {
      const value = event.currentTarget.value;
      if (isOneOf(LETTER_LOCALES, value)) onLocaleChange(value);
    },
    data: LETTER_LOCALES.map((language) => ({ value: language, label: t(`language.${language}`) })),
  };
  const languageSelect = <NativeSelect label={t('invitations.letterLanguage')} {...languageProps} w={180} />;

  // Nothing selected: one line (the letter language for a row's own letter, and how to start a batch), so
  // the list stays in view; the batch's actions appear with the first selected row.
  if (batch === null || count === 0) {
    return (
      <Group gap="sm" align="center" wrap="wrap">
        <Group gap={6} align="center" wrap="nowrap">
          <Text size="sm" component="label" htmlFor={languageId}>
            {t('invitations.letterLanguage')}
          </Text>
          <NativeSelect id={languageId} size="xs" {...languageProps} w={140} />
        </Group>
        {batch !== null && (
          <Text size="sm" c="dimmed" role="status">
            {batch === 'reminder' ? t('invitations.reminders.noneSelected') : t('invitations.noneSelected')}
          </Text>
        )}
      </Group>
    );
  }
  if (batch === 'reminder') {
    return (
      <BatchFrame
        headingId={headingId}
        title={t('invitations.reminders.title')}
        status={t('invitations.selected', { count })}
      >
        <Group align="flex-end" gap="md">
          {languageSelect}
          <Button loading={printing} onClick={onPrint}>
            {t('invitations.reminders.print')}
          </Button>
        </Group>
      </BatchFrame>
    );
  }

  const refused = sentOnRefused(invite.error);
  return (
    <BatchFrame
      headingId={headingId}
      title={t('invitations.title')}
      status={t('invitations.selected', { count })}
    >
      <Group align="flex-end" gap="md">
        {languageSelect}
        <Button loading={printing} onClick={onPrint}>
          {t('invitations.print')}
        </Button>
        <SentOnInput field={sentOn.field} w={200} />
        <Button
          variant="outline"
          loading={invite.isPending}
          onClick={() => {
            const date = sentOn.take();
            if (date !== undefined) invite.mutate({ items: selected, date });
          }}
        >
          {t('invitations.markInvited')}
        </Button>
      </Group>
      {invite.isError && !refused && (
        <div style={{ marginTop: 'var(--mantine-spacing-sm)' }}>
          <QueryError error={invite.error} />
        </div>
      )}
    </BatchFrame>
  );
}

/** The batch toolbar's frame: a titled section and the selection's count, read out when it changes. */
function BatchFrame(props: { headingId: string; title: string; status: string; children: ReactNode }) {
  return (
    <Paper component="section" withBorder p="md" aria-labelledby={props.headingId}>
      <Title order={2} size="h4" id={props.headingId} mb={4}>
        {props.title}
      </Title>
      <Text size="sm" mb="sm" role="status">
        {props.status}
      </Text>
      {props.children}
    </Paper>
  );
}
