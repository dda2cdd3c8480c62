import { useTranslation } from 'react-i18next';
import { PortalLinkCard } from '../portal/PortalLinkCard';
import './i18n/register';

/** The portal home's way to the results page and to the calcium and vitamin D advice. */
export function PortalHomeLinks() {
  const { t } = useTranslation();
  return (
    <>
      <PortalLinkCard
        id="portal-results-link"
        title={t('portalResults.homeLink.title')}
        text={t('portalResults.homeLink.text')}
        to="/portal/results"
        open={t('portalResults.homeLink.open')}
      />
      <PortalLinkCard
        id="portal-advice-link"
        title={t('portalResults.homeLink.adviceTitle')}
        text={t('portalResults.homeLink.adviceText')}
        to="/portal/advice"
        open={t('portalResults.homeLink.adviceOpen')}
      />
    </>
  );
}
