import { Button, Group, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AUDIT_EXPORT_MAX_ROWS } from '@osteopad/contract';
import { exportAuditCsv, type AuditFilter } from '../api/audit';
import { ApiError } from '../api/client';
import { TextNotice, type NoticeContent } from '../common/Notice';
import { todayIso } from '../format/dates';
import { auditExportFileName, saveFile } from './saveFile';
import './i18n/register';

interface AuditExportButtonProps {
  /** The filter the list shows: the file holds its whole selection. */
  filter: AuditFilter;
}

/** "Exporteer CSV": the selection as a file for the privacy officer; the server records the export. */
export function AuditExportButton({ filter }: AuditExportButtonProps) {
  const { t, i18n } = useTranslation();
  const helpId = useId();
  const [notice, setNotice] = useState<NoticeContent | null>(null);
  const locale = i18n.language === 'en' ? 'en' : 'nl';
  const number = new Intl.NumberFormat(i18n.language);
  const exporting = useMutation({
    mutationFn: () => exportAuditCsv(filter, locale),
    onSuccess: (file) => {
      const fileName = auditExportFileName(todayIso());
      saveFile(file, fileName);
      setNotice({ id: Date.now(), tone: 'success', text: t('auditFind.export.done', { fileName }) });
    },
    onError: (error) => {
      const text =
        error instanceof ApiError && error.code === 'audit_export_too_large'
          ? t('auditFind.export.tooLarge', { max: number.format(AUDIT_EXPORT_MAX_ROWS) })
          : t('auditFind.export.failed');
      setNotice({ id: Date.now(), tone: 'error', text });
    },
  });

  return (
    <>
      <Group gap="sm" align="center">
        <Button
          variant="light"
          onClick={() => {
            setNotice(null);
            exporting.mutate();
          }}
          loading={exporting.isPending}
          aria-describedby={helpId}
        >
          {t('auditFind.export.button')}
        </Button>
        <Text size="sm" id={helpId} c="dimmed" style={{ flex: 1, minWidth: 200 }}>
          {t('auditFind.export.help')}
        </Text>
      </Group>
      <TextNotice
        notice={notice}
        onClose={() => {
          setNotice(null);
        }}
      />
    </>
  );
}
