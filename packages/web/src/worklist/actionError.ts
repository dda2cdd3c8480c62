import type { TFunction } from 'i18next';
import { ApiError } from '../api/client';
import { errorText } from '../common/errorText';

/** An episode action the server refused, in words the user can act on. */
export function actionErrorText(t: TFunction, error: unknown): string {
  if (error instanceof ApiError) {
    if (error.status === 404) return t('worklist.actionErrors.notFound');
    if (error.code === 'transition_not_allowed') return t('worklist.actionErrors.transition');
    if (error.code === 'no_review_pending') return t('worklist.actionErrors.noReviewPending');
  }
  return errorText(t, error);
}

/** A refusal that means the list on screen is out of date: it is refreshed. */
export function isStale(error: unknown): boolean {
  return (
    error instanceof ApiError &&
    (error.status === 404 || error.code === 'transition_not_allowed' || error.code === 'no_review_pending')
  );
}
