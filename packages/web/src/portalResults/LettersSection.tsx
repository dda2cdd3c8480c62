import { Button, Group, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PortalLetter } from '@osteopad/contract';
import { EmptyNote } from '../common/EmptyNote';
import { Section } from '../common/Section';
import { formatDate } from '../format/dates';

/** The patient's result letters: a plain link each (a GET with the session cookie), downloaded as PDF. */
export function LettersSection({ letters }: { letters: PortalLetter[] }) {
  const { t } = useTranslation();
  return (
    <Section title={t('portalResults.letters.title')}>
      {letters.length === 0 ? (
        <EmptyNote>{t('portalResults.letters.none')}</EmptyNote>
      ) : (
        <Stack gap="xs" data-testid="letters">
          {letters.map((letter) => {
            const date = formatDate(letter.createdAt.slice(0, 10));
            return (
              <Group key={letter.id} gap="sm" wrap="wrap">
                <Button component="a" href={letter.href} download variant="light" size="sm">
                  {t('portalResults.letters.downloadLabel', { date })}
                </Button>
              </Group>
            );
          })}
        </Stack>
      )}
    </Section>
  );
}
