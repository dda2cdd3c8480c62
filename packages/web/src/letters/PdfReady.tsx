import { Anchor, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Notice } from '../common/Notice';
import type { PdfDocument } from './usePdfDocument';

interface PdfReadyProps {
  document: PdfDocument;
  onClose: () => void;
}

/**
 * The printed letters as real links: a click on a link opens the PDF in a new tab without any popup
 * blocker in the way, and the download link saves it for the printer.
 */
export function PdfReady({ document, onClose }: PdfReadyProps) {
  const { t } = useTranslation();
  return (
    <Notice key={document.url} tone="success" onClose={onClose}>
      <Text size="sm" mb={6}>
        {t('letters.ready', { count: document.count })}
      </Text>
      <Group gap="md">
        <Anchor href={document.url} target="_blank" rel="noopener" fw={600}>
          {t('letters.open')}
        </Anchor>
        <Anchor href={document.url} download={t('letters.fileName')} fw={600}>
          {t('letters.download')}
        </Anchor>
      </Group>
    </Notice>
  );
}
