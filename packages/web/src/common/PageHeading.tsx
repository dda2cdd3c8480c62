import { Title } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

interface PageHeadingProps {
  children: string;
  /**
   * The page name for the browser tab and history. Defaults to the heading; a patient page passes a
   * neutral word so patient names never end up in the browser's history.
   */
  documentTitle?: string;
  /** Move keyboard and screen-reader focus here when the page opens (off where a field takes focus). */
  takeFocus?: boolean;
}

/** The one h1 of a screen; after client-side navigation focus lands here, as it would on a page load. */
export function PageHeading({ children, documentTitle, takeFocus = true }: PageHeadingProps) {
  const { t } = useTranslation();
  const ref = useRef<HTMLHeadingElement>(null);
  const page = documentTitle ?? children;

  useEffect(() => {
    document.title = t('app.documentTitle', { page });
  }, [page, t]);

  useEffect(() => {
    if (takeFocus) ref.current?.focus();
  }, [takeFocus]);

  return (
    <Title order={1} ref={ref} tabIndex={-1} className="page-heading" mb="md">
      {children}
    </Title>
  );
}
