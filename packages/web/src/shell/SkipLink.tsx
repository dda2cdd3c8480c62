import { useTranslation } from 'react-i18next';

interface SkipLinkProps {
  targetId: string;
}

/** Moves focus into the main content without touching the URL (the router owns it). */
export function SkipLink({ targetId }: SkipLinkProps) {
  const { t } = useTranslation();
  return (
    <a
      className="skip-link"
      href={`#${targetId}`}
      onClick={(event) => {
        event.preventDefault();
        document.getElementById(targetId)?.focus();
      }}
    >
      {t('app.skipToContent')}
    </a>
  );
}
