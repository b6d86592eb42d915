import type { LocaleText } from '#domain/locale-text.ts';
import type { Locale } from '~/i18n/config.ts';

/** What request code knows about the commune it serves. */
export type Commune = {
  id: string;
  slug: string;
  country: 'VN' | 'TH';
  provinceCode: string;
  name: LocaleText;
  tagline: LocaleText;
  intro: LocaleText;
  defaultLocale: Locale;
  currency: 'VND' | 'THB';
  timeZone: string;
  centerLat: number;
  centerLon: number;
  zoom: number;
  hostName: string | null;
  coverMediaId: string | null;
};

/**
 * Slugs that would shadow platform URLs. A commune lives at `/{slug}`, so none of these may
 * ever be a commune's slug.
 */
export const RESERVED_SLUGS: ReadonlySet<string> = new Set([
  'admin',
  'api',
  'app',
  'assets',
  'account',
  'auth',
  'cart',
  'checkout',
  'communes',
  'dev',
  'events',
  'favicon.ico',
  'feeds',
  'handbook',
  'healthz',
  'help',
  'hooks',
  'join',
  'language',
  'locales',
  'login',
  'logout',
  'map',
  'market',
  'media',
  'news',
  'notifications',
  'orders',
  'places',
  'privacy',
  'register',
  'reset-password',
  'robots.txt',
  'search',
  'settings',
  'signin',
  'signout',
  'signup',
  'sitemap.xml',
  'static',
  'sw.js',
  'terms',
  'tourism',
  'unsubscribe',
  'verify',
  'webhooks',
  'www',
]);

export const SLUG_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/**
 * The languages a reader is shown a text in, best first: their own, then English (what a
 * visitor who reads neither Vietnamese nor Thai most likely reads, and what a commune writes
 * second), then the commune's own. A Thai tourist on a Vietnamese commune reads the English
 * where there is one, not the Vietnamese.
 */
export function readingOrder(locale: Locale, communeLocale: Locale): Locale[] {
  return [...new Set<Locale>([locale, 'en', communeLocale])];
}

/**
 * A text in the first language of `readingOrder` that has it, else in any: with the language it
 * is in (`lang`, for the element's `lang` attribute when it is not the page's) and whether it
 * fell back. An empty text has no language.
 */
export function localized(text: LocaleText, locale: Locale, communeLocale: Locale): { text: string; lang: Locale | null; fellBack: boolean } {
  for (const lang of readingOrder(locale, communeLocale)) {
    const value = text[lang]?.trim();
    if (value) return { text: value, lang, fellBack: lang !== locale };
  }
  for (const [lang, value] of Object.entries(text)) {
    if (value?.trim()) return { text: value.trim(), lang: lang as Locale, fellBack: true };
  }
  return { text: '', lang: null, fellBack: false };
}

/** The `lang` attribute of an element showing `text` on a page in `page`: the text's own language when it differs, else none. */
export function langOf(text: { lang: Locale | null }, page: Locale): Locale | undefined {
  return text.lang && text.lang !== page ? text.lang : undefined;
}

/** Lower-case, diacritic-free form used for matching ("Tả Van" → "ta van"); Thai marks are kept. */
export { fold as foldForSearch } from '#domain/text.ts';
