import { Alert, CloseButton, Group } from '@mantine/core';
import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export interface NoticeContent {
  /** A new id for every notice: the component is keyed on it and takes focus when it appears. */
  id: number;
  tone: 'success' | 'error';
  text: string;
}

interface NoticeProps {
  tone: NoticeContent['tone'];
  children: ReactNode;
  onClose: () => void;
}

/**
 * The outcome of an action, where the user's eyes and focus go next. After a dialog closes its
 * trigger may be gone (the patient left the list), so focus moves here instead of to the page's top.
 * Key it on the notice's id so each new outcome is focused and announced.
 */
export function Notice({ tone, children, onClose }: NoticeProps) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return (
    <Alert
      ref={ref}
      tabIndex={-1}
      color={tone === 'success' ? 'green' : 'red'}
      variant="light"
      role={tone === 'success' ? 'status' : 'alert'}
      className="notice"
    >
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <div>{children}</div>
        <CloseButton size="sm" aria-label={t('common.close')} onClick={onClose} />
      </Group>
    </Alert>
  );
}

/** The latest outcome above a screen, or nothing: keyed on its id, so each new one is focused and announced. */
export function TextNotice({ notice, onClose }: { notice: NoticeContent | null; onClose: () => void }) {
  if (notice === null) return null;
  return (
    <Notice key={notice.id} tone={notice.tone} onClose={onClose}>
      {notice.text}
    </Notice>
  );
}
