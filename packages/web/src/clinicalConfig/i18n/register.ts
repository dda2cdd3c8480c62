import { registerScreenCatalogue } from '../../i18n/screenCatalogues';
import en from './en.json';
import nl from './nl.json';

// The clinical configuration's words (what each value decides) and the screen's texts travel with its chunk
// (i18n/screenCatalogues.ts).
registerScreenCatalogue({ nl, en });
