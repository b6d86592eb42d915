import type { ParseKeys } from 'i18next';
import type { NAMESPACES } from './config.ts';

/**
 * A translation key that a message carries from where it is decided to where it is shown: a form
 * field's error, a flash message, an error page's text, an AppError. `ns:key` (or a bare key of
 * `common`), checked against locales/en, so a translator takes it without a cast.
 */
export type MessageKey = ParseKeys<typeof NAMESPACES>;
