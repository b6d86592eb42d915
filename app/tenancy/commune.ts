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

/** Text in the wanted locale, else the commune's default, else any: with a flag when it fell back. */
export function localized(text: LocaleText, locale: Locale, fallback: Locale): { text: string; fellBack: boolean } {
  const own = text[locale]?.trim();
  if (own) return { text: own, fellBack: false };
  const other = text[fallback]?.trim() || Object.values(text).find((v) => v?.trim()) || '';
  return { text: other, fellBack: Boolean(other) };
}

/** Lower-case, diacritic-free form used for matching ("Tả Van" → "ta van"); Thai marks are kept. */
export { fold as foldForSearch } from '#domain/text.ts';
