import i18next, { type i18n } from 'i18next';
import { createContext, createCookie, type RouterContextProvider } from 'react-router';
import { RemixI18Next } from 'remix-i18next/server';
import { createCache, type Cache } from '~/lib/cache.server.ts';
import { getDatabase } from '~/lib/database.server.ts';
import { resolveCommune } from '~/tenancy/resolve.server.ts';
import { FALLBACK_LOCALE, LOCALES, NAMESPACES, type Locale } from './config.ts';
import { resources } from './resources.ts';
import type { MessageKey } from './message-key.ts';

/** The reader's chosen language; read by the server only, kept for a year. */
export const localeCookie = createCookie('lng', {
  path: '/',
  sameSite: 'lax',
  httpOnly: true,
  maxAge: 60 * 60 * 24 * 365,
});

/** Requests whose language came from their commune (the last source), so from their path. */
const askedCommune = new WeakSet<Request>();

/**
 * Language detection in this order: `?lng=` → cookie → Accept-Language → the commune's
 * default language → English.
 */
const detector = new RemixI18Next({
  detection: {
    supportedLanguages: [...LOCALES],
    fallbackLanguage: FALLBACK_LOCALE,
    cookie: localeCookie,
    order: ['searchParams', 'cookie', 'header', 'custom'],
    async findLocale(request) {
      askedCommune.add(request);
      try {
        const commune = await resolveCommune(await getDatabase(), request);
        return commune?.defaultLocale ?? null;
      } catch {
        return null; // the database is down: the error page still renders, in the fallback language
      }
    },
  },
});

// One initialised instance holds every language; each request gets a clone fixed to its own
// language (cheap: clones share the resource store), instead of a full init per request.
const base = i18next.createInstance();
const ready = base.init({
  resources,
  supportedLngs: [...LOCALES],
  fallbackLng: FALLBACK_LOCALE,
  ns: [...NAMESPACES],
  defaultNS: 'common',
  interpolation: { escapeValue: false },
  initAsync: false,
});
const perLocale = new Map<string, i18n>();

type FixedT = ReturnType<i18n['getFixedT']>;
const MEMO_LIMIT = 5_000;

/** What identifies a call's text: the key, and options made only of strings, numbers and booleans (else null: not remembered). */
function memoKey(key: string, options: unknown): string | null {
  if (options === undefined) return key;
  if (!options || typeof options !== 'object' || Array.isArray(options)) return null;
  let id = key;
  for (const [name, value] of Object.entries(options)) {
    const type = typeof value;
    if (type !== 'string' && type !== 'number' && type !== 'boolean') return null;
    id += `\u0000${name}\u0000${type[0]}${String(value)}`;
  }
  return id;
}

/**
 * A language's long-lived instance. Its `t` functions (what `useTranslation` hands to
 * components) remember the texts they return, by key and simple options: a page renders the
 * same labels many times (units and star badges on every product card, options of every
 * filter), and i18next's own look-up copies its whole options object on each call.
 */
function localeInstance(locale: Locale): i18n {
  const instance = base.cloneInstance({ lng: locale });
  const getFixedT = instance.getFixedT.bind(instance);
  const memos = new Map<string, Cache<string, string>>();
  instance.getFixedT = ((...args: Parameters<i18n['getFixedT']>) => {
    const fixed = getFixedT(...args) as unknown as ((...a: unknown[]) => unknown) & { lng?: unknown; ns?: unknown; keyPrefix?: unknown };
    const [lng, ns, keyPrefix] = args;
    if (typeof keyPrefix === 'function') return fixed as unknown as FixedT;
    const scope = JSON.stringify([lng ?? null, ns ?? null, keyPrefix ?? null]);
    let memo = memos.get(scope);
    // Bounded: interpolated values (a search query…) must not grow it without end.
    if (!memo) memos.set(scope, (memo = createCache(`i18n.texts ${locale} ${scope}`, { max: MEMO_LIMIT })));
    const known = memo;
    const remembering = (key: unknown, options?: unknown, ...rest: unknown[]) => {
      const id = rest.length === 0 && typeof key === 'string' ? memoKey(key, options) : null;
      if (id === null) return fixed(key, options, ...rest);
      const hit = known.get(id);
      if (hit !== undefined) return hit;
      const text = fixed(key, options);
      if (typeof text === 'string') known.set(id, text);
      return text;
    };
    // react-i18next reads these off the function.
    return Object.assign(remembering, { lng: fixed.lng, ns: fixed.ns, keyPrefix: fixed.keyPrefix }) as unknown as FixedT;
  }) as i18n['getFixedT'];
  return instance;
}

const localeContext = createContext<Locale>(FALLBACK_LOCALE);
const i18nContext = createContext<i18n | null>(null);

// The language each combination of `?lng=`, `lng` cookie and Accept-Language led to, when one
// of them decided it: detection parses all three on every request, and readers send the same few.
const detected = createCache<string, Locale>('i18n.detected-locales', { max: 1_000 });

async function detectLocale(request: Request): Promise<Locale> {
  const cookie = /(?:^|;\s*)lng=([^;]*)/.exec(request.headers.get('cookie') ?? '')?.[1] ?? '';
  const key = [new URL(request.url).searchParams.get('lng') ?? '', cookie, request.headers.get('accept-language') ?? ''].join('\u0000');
  const known = detected.get(key);
  if (known) return known;
  const locale = (await detector.getLocale(request)) as Locale;
  if (!askedCommune.has(request)) detected.set(key, locale);
  return locale;
}

/**
 * Detects the request's language and puts it and its translator in the context (the i18n
 * middleware, app/middleware/i18n.server.ts, runs this first on every request).
 */
export async function provideTranslator(request: Request, context: Readonly<RouterContextProvider>): Promise<void> {
  const locale = await detectLocale(request);
  await ready;
  let instance = perLocale.get(locale);
  if (!instance) {
    instance = localeInstance(locale);
    perLocale.set(locale, instance);
  }
  context.set(localeContext, locale);
  context.set(i18nContext, instance);
}

export function getLocale(context: Readonly<RouterContextProvider>): Locale {
  return context.get(localeContext);
}

/** The request's translator; before the middleware ran (or if it failed), the fallback language's. */
export function getI18n(context: Readonly<RouterContextProvider>): i18n {
  const instance = context.get(i18nContext);
  if (instance) return instance;
  let fallback = perLocale.get(FALLBACK_LOCALE);
  if (!fallback) {
    fallback = localeInstance(FALLBACK_LOCALE);
    perLocale.set(FALLBACK_LOCALE, fallback);
  }
  return fallback;
}

/**
 * Whether `key`, a string read back from the database (a stored error's key), is a translation
 * key of the loaded texts: a run-time check, so the key reaches `t` typed without a cast.
 */
export function isMessageKey(i18n: i18n, key: string): key is MessageKey {
  // Keys are typed from the English texts: a text there (or a plural's), not a group of texts.
  const colon = key.indexOf(':');
  const [ns, path] = colon < 0 ? ['common', key] : [key.slice(0, colon), key.slice(colon + 1)];
  const isText = (k: string) => typeof i18n.getResource('en', ns, k) === 'string';
  return path !== '' && (isText(path) || isText(`${path}_other`));
}

/** The words of one language outside a request: mail and SMS are written when they are enqueued, in the reader's language. */
export function translatorFor(locale: string | null | undefined) {
  const lng = (LOCALES as readonly string[]).includes(locale ?? '') ? (locale as Locale) : FALLBACK_LOCALE;
  let instance = perLocale.get(`messages:${lng}`);
  if (!instance) perLocale.set(`messages:${lng}`, (instance = base.cloneInstance({ lng })));
  return instance.t.bind(instance) as i18n['t'];
}
