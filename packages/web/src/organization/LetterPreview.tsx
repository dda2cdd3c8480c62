import { Alert, Anchor, Box, Group, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isOneOf, LETTER_LOCALES, type LetterLocale } from '@osteopad/contract';
import { fetchLetterPreview, type OrganizationProfileInput } from '../api/organization';
import { fieldTheLetterNeeds } from './profileDraft';

/** How long the typing must pause before the preview is made again. */
export const PREVIEW_DEBOUNCE_MS = 600;

interface LetterPreviewProps {
  /** The unsaved profile as the form holds it. */
  body: OrganizationProfileInput;
  /** The form knows the input is wrong: no preview is asked for until it is right. */
  blocked: boolean;
}

/**
 * The invitation letter as the unsaved profile would print it, made by the server's letter renderer for a made-up
 * patient a moment after the user stops typing; the last good preview stays while the next one is made.
 */
export function LetterPreview({ body, blocked }: LetterPreviewProps) {
  const { t } = useTranslation();
  const [locale, setLocale] = useState<LetterLocale>('nl');
  const [debounced] = useDebouncedValue(body, PREVIEW_DEBOUNCE_MS);
  const query = useQuery({
    queryKey: ['organization', 'letterPreview', locale, debounced],
    queryFn: () => fetchLetterPreview(debounced, locale),
    enabled: !blocked,
    placeholderData: keepPreviousData,
    retry: false,
    staleTime: Infinity,
    gcTime: 60_000,
  });
  // One object URL per preview, revoked when the next one replaces it or the screen is left.
  const url = useMemo(
    () => (query.data === undefined ? null : URL.createObjectURL(query.data)),
    [query.data],
  );
  useEffect(
    () => () => {
      if (url !== null) URL.revokeObjectURL(url);
    },
    [url],
  );

  const waiting = !blocked && (query.isFetching || body !== debounced);
  const missing = query.isError ? fieldTheLetterNeeds(query.error) : null;
  return (
    <Stack gap="sm">
      <Title order={2} size="h3">
        {t('organization.preview.title')}
      </Title>
      <Text size="sm">{t('organization.preview.intro')}</Text>
      <Group justify="space-between" align="center">
        <SegmentedControl
          aria-label={t('organization.preview.language')}
          value={locale}
          onChange={(value) => {
            if (isOneOf(LETTER_LOCALES, value)) setLocale(value);
          }}
          data={LETTER_LOCALES.map((code) => ({ value: code, label: t(`language.${code}`) }))}
        />
        <Text size="sm" role="status" aria-live="polite">
          {blocked
            ? t('organization.preview.blocked')
            : waiting
              ? t('organization.preview.updating')
              : query.isSuccess
                ? t('organization.preview.upToDate')
                : ''}
        </Text>
      </Group>
      {query.isError && !blocked && (
        <Alert color="yellow" variant="light">
          {missing === null
            ? t('organization.preview.failed')
            : t('organization.preview.needs', {
                field:
                  missing === 'phoneHours'
                    ? t('organization.phoneHours.legend')
                    : t(`organization.fields.${missing}`),
              })}
        </Alert>
      )}
      {url !== null && (
        <>
          <Box
            component="iframe"
            src={url}
            title={t('organization.preview.frameTitle')}
            data-testid="letter-preview"
            style={{
              width: '100%',
              height: 'min(80vh, 900px)',
              border: '1px solid var(--mantine-color-gray-4)',
              borderRadius: 'var(--mantine-radius-sm)',
              opacity: waiting ? 0.6 : 1,
            }}
          />
          <Anchor href={url} target="_blank" rel="noopener" size="sm">
            {t('organization.preview.open')}
          </Anchor>
        </>
      )}
    </Stack>
  );
}
