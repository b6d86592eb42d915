export const LOCALES = ['vi', 'th', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const FALLBACK_LOCALE: Locale = 'en';
export const NAMESPACES = ['common', 'auth', 'tenancy', 'media', 'handbook', 'market', 'payments', 'tourism', 'delivery', 'notifications', 'jobs'] as const;
export type Namespace = (typeof NAMESPACES)[number];

/** Each language named in itself, for the switcher. */
export const LOCALE_NAMES: Record<Locale, string> = { vi: 'Tiếng Việt', th: 'ไทย', en: 'English' };

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}
