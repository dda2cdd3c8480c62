import { useCallback, useEffect, useState } from 'react';

export interface PdfDocument {
  /** A `blob:` URL of the PDF in this tab's memory; nothing is stored on disk until the user downloads. */
  url: string;
  /** How many letters it holds. */
  count: number;
}

/**
 * Holds the last printed PDF as an object URL. The URL is revoked as soon as it is replaced, closed
 * or the screen is left, so letters with patient data do not linger in memory.
 */
export function usePdfDocument() {
  const [document, setDocument] = useState<PdfDocument | null>(null);

  useEffect(() => {
    if (document === null) return undefined;
    return () => {
      URL.revokeObjectURL(document.url);
    };
  }, [document]);

  const show = useCallback((pdf: Blob, count: number) => {
    setDocument({ url: URL.createObjectURL(pdf), count });
  }, []);
  const clear = useCallback(() => {
    setDocument(null);
  }, []);

  return { document, show, clear };
}
