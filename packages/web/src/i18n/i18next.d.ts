import type importsNl from '../imports/i18n/nl.json';
import type consultLettersNl from '../consultLetters/i18n/nl.json';
import type decisionNl from '../decision/i18n/nl.json';
import type episodeNl from '../episode/i18n/nl.json';
import type labResultsNl from '../labResults/i18n/nl.json';
import type investigationsNl from '../investigations/i18n/nl.json';
import type nl from './nl.json';
import type intakeNl from '../intake/i18n/nl.json';
import type remindersNl from '../reminders/i18n/nl.json';
import type followUpNl from '../followUp/i18n/nl.json';
import type portalNl from '../portal/i18n/nl.json';
import type adviceNl from '../advice/i18n/nl.json';
import type portalResultsNl from '../portalResults/i18n/nl.json';
import type portalIntakeNl from '../portalIntake/i18n/nl.json';
import type usersNl from '../users/i18n/nl.json';
import type auditFindNl from '../audit/i18n/nl.json';
import type clinicalConfigNl from '../clinicalConfig/i18n/nl.json';
import type organizationNl from '../organization/i18n/nl.json';

// Typed keys: `t('no.such.key')` fails the type check, and template keys such as
// t(`roles.${role}`) are checked for every member of the union. The screen catalogues
// (screenCatalogues.ts: texts that load with their screen's chunk) are added one per line.
type ScreenCatalogues = typeof importsNl &
  typeof consultLettersNl &
  typeof decisionNl &
  typeof episodeNl &
  typeof labResultsNl &
  typeof intakeNl &
  typeof investigationsNl &
  typeof remindersNl &
  typeof followUpNl &
  typeof portalNl &
  typeof adviceNl &
  typeof portalResultsNl &
  typeof portalIntakeNl &
  typeof usersNl &
  typeof auditFindNl &
  typeof clinicalConfigNl &
  typeof organizationNl;

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof nl & ScreenCatalogues };
  }
}
