import { registerScreenCatalogue } from '../../i18n/screenCatalogues';
import en from './en.json';
import nl from './nl.json';

// The user administration's texts travel with its chunks (i18n/screenCatalogues.ts).
registerScreenCatalogue({ nl, en });
