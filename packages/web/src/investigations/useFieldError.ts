import { useTranslation } from 'react-i18next';
import type { FieldErrors } from './investigationsForm';

/** The text of a field's error in the user's language, or undefined when the field is fine. */
export function useFieldError(errors: FieldErrors): (field: string) => string | undefined {
  const { t } = useTranslation();
  return (field) => {
    const code = errors[field];
    return code === undefined ? undefined : t(`investigations.errors.${code}`);
  };
}
