import { data } from 'react-router';
import type { MessageKey } from '~/i18n/message-key.ts';

/** Domain failures with a stable code; turned into an HTTP status once, at each boundary. */
export type AppErrorCode = 'not_found' | 'forbidden' | 'conflict' | 'invalid' | 'too_many_requests' | 'payload_too_large' | 'unsupported_media_type';

export class AppError extends Error {
  readonly code: AppErrorCode;
  /** A translation key (namespace:key) describing the failure to a person. */
  readonly messageKey: MessageKey;
  readonly details?: Record<string, unknown>;
  constructor(code: AppErrorCode, messageKey: MessageKey, details?: Record<string, unknown>) {
    super(`${code}: ${messageKey}`);
    this.code = code;
    this.messageKey = messageKey;
    this.details = details;
  }
}

export const statusOf: Record<AppErrorCode, number> = {
  not_found: 404,
  forbidden: 403,
  conflict: 409,
  invalid: 400,
  too_many_requests: 429,
  payload_too_large: 413,
  unsupported_media_type: 415,
};

/** Throw a translated error page (the ErrorBoundary renders `messageKey`). */
export function invariantResponse(condition: unknown, status: number, messageKey: MessageKey): asserts condition {
  if (!condition) throw data({ messageKey }, { status });
}

export function notFound(): never {
  throw data({ messageKey: 'common:errors.notFound' }, { status: 404 });
}
