import { registerScreenCatalogue } from '../../i18n/screenCatalogues';
import en from './en.json';
import nl from './nl.json';

// The audit log's own texts (patient picker, names, CSV export) travel with its chunk (i18n/screenCatalogues.ts).
registerScreenCatalogue({ nl, en });
