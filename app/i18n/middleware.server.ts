import { createCookie } from 'react-router';
import { createI18nextMiddleware } from 'remix-i18next/middleware';
import { getDatabase } from '~/lib/database.server.ts';
import { resolveCommune } from '~/tenancy/resolve.server.ts';
import { FALLBACK_LOCALE, LOCALES, NAMESPACES } from './config.ts';
import { resources } from './resources.ts';

/** The reader's chosen language; readable by nothing but the server, kept for a year. */
export const localeCookie = createCookie('lng', {
  path: '/',
  sameSite: 'lax',
  httpOnly: true,
  maxAge: 60 * 60 * 24 * 365,
});

/**
 * Language detection in this order: `?lng=` → cookie → Accept-Language → the commune's
 * default language → English.
 */
export const [i18nextMiddleware, getLocale, getI18n] = createI18nextMiddleware({
  detection: {
    supportedLanguages: [...LOCALES],
    fallbackLanguage: FALLBACK_LOCALE,
    cookie: localeCookie,
    order: ['searchParams', 'cookie', 'header', 'custom'],
    async findLocale(request) {
      try {
        const commune = await resolveCommune(await getDatabase(), request);
        return commune?.defaultLocale ?? null;
      } catch {
        return null; // the database is down: the error page still renders, in the fallback language
      }
    },
  },
  i18next: {
    resources,
    supportedLngs: [...LOCALES],
    fallbackLng: FALLBACK_LOCALE,
    ns: [...NAMESPACES],
    defaultNS: 'common',
    interpolation: { escapeValue: false },
  },
});
