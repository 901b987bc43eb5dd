import { toApiError } from '../api-helper/errors.js';

/**
 * The sentence the API-user widgets show for a failed call. The core's sentence is
 * kept for every kind except "forbidden", which names what the reader lacks access to
 * (`targetLabel`, e.g. `the product “Widgets” (1234)`), since that is what they can act on.
 */
export function errorSentence(failure: unknown, targetLabel: string): string {
  const error = toApiError(failure);
  if (error.kind === 'forbidden') {
    const said = error.errorDescription ? ` The API said: “${error.errorDescription}”.` : '';
    return `You lack access to ${targetLabel}: your account may not manage its team. Ask one of its administrators for access, or choose another.${said}`;
  }
  return error.message;
}
