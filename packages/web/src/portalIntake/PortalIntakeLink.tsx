import { useTranslation } from 'react-i18next';
import { PortalLinkCard } from '../portal/PortalLinkCard';
import './i18n/register';

/** The portal home's way to the questionnaire for the appointment. */
export function PortalIntakeLink() {
  const { t } = useTranslation();
  return (
    <PortalLinkCard
      id="portal-intake-link"
      title={t('portalIntake.homeLink.title')}
      text={t('portalIntake.homeLink.text')}
      to="/portal/intake"
      open={t('portalIntake.homeLink.open')}
    />
  );
}
