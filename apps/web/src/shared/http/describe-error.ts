import type { TFunction } from 'i18next';
import { isApiError } from './api-error';

/**
 * The sentence to show for a failed call: the server's own message when it sent one (it is
 * written for users, Chinese first), else ours for a lost connection or an unexpected answer.
 */
export function describeError(error: unknown, t: TFunction): string {
  if (isApiError(error)) {
    if (error.kind === 'network') return t('errors.network');
    if (error.kind === 'unexpected') return t('errors.unexpected', { status: error.status });
    return error.message;
  }
  return t('errors.unexpected', { status: error instanceof Error ? error.message : String(error) });
}
