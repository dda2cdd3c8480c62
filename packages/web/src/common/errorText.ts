import type { TFunction } from 'i18next';
import { errorMessageKey } from './errorMessageKey';

/** The sentence for a failed request, as text (QueryError shows the same as an alert). */
export function errorText(t: TFunction, error: unknown): string {
  const key = errorMessageKey(error);
  switch (key) {
    case 'errors.noAccess':
      return t('errors.noAccess');
    case 'errors.notFound':
      return t('errors.notFound');
    case 'errors.network':
      return t('errors.network');
    case 'errors.unavailable':
      return t('errors.unavailable');
    case 'errors.generic':
      return t('errors.generic');
  }
}
