import i18next, { type TFunction } from 'i18next';
import { FALLBACK_LOCALE, LOCALES, NAMESPACES, isLocale, type Locale } from '~/i18n/config.ts';
import { formatDate, formatDay, formatMoney } from '~/i18n/format.ts';
import { resources } from '~/i18n/resources.ts';
import type { NotificationKind } from '#domain/notifications.ts';

// One instance for every language, as the request translator has: texts are rendered for the
// reader (the inbox at read time, mail and SMS when they are queued), not for the request.
const instance = i18next.createInstance();
void instance.init({
  resources,
  supportedLngs: [...LOCALES],
  fallbackLng: FALLBACK_LOCALE,
  ns: [...NAMESPACES],
  defaultNS: 'common',
  interpolation: { escapeValue: false },
  initAsync: false,
});

/** A translator fixed to one language, for texts written outside a request. */
export function translatorFor(locale: Locale): TFunction {
  return instance.getFixedT(locale);
}

/** The same, for keys built from a kind (`notifications:text.${kind}`), which tsc cannot check one by one. */
export function sayIn(locale: Locale): (key: string, options?: Record<string, unknown>) => string {
  return translatorFor(locale) as unknown as (key: string, options?: Record<string, unknown>) => string;
}

/** The language to write to someone in: theirs, else the commune's, else English. */
export function chooseLocale(userLocale: string | null | undefined, communeLocale: string | null | undefined): Locale {
  if (isLocale(userLocale)) return userLocale;
  if (isLocale(communeLocale)) return communeLocale;
  return FALLBACK_LOCALE;
}

/** A name kept in several languages ({vi, th, en}) read in `locale`, else the first there is. */
export function pickText(value: unknown, locale: Locale): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (value && typeof value === 'object') {
    const text = value as Record<string, unknown>;
    for (const key of [locale, 'vi', 'th', 'en', ...Object.keys(text)]) if (typeof text[key] === 'string' && text[key]) return text[key];
  }
  return '';
}

/**
 * The words of one notification in `locale`, from its kind and stored params. Params hold what
 * the text needs as data (a total as minor units + currency, a day as YYYY-MM-DD, a name in every
 * language), so the same row reads right in whatever language its reader has chosen.
 */
export function renderNotification(kind: NotificationKind, params: Record<string, unknown>, locale: Locale): string {
  const t = sayIn(locale);
  const values: Record<string, string> = {};
  for (const [name, value] of Object.entries(params)) values[name] = pickText(value, locale);
  if (typeof params.totalMinor === 'number' && (params.currency === 'VND' || params.currency === 'THB'))
    values.total = formatMoney(params.totalMinor, params.currency, locale);
  for (const name of ['day', 'checkIn', 'checkOut'])
    if (typeof params[name] === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(params[name])) values[name] = formatDay(params[name], locale);
  if (typeof params.effective === 'string')
    values.effective = formatDate(params.effective, locale, typeof params.timeZone === 'string' ? params.timeZone : 'UTC', true);
  values.shop ||= t('notifications:unknownShop');
  values.reason ||= t('notifications:noReason');
  values.carrier ||= t('notifications:unknownCarrier');
  values.tracking ||= t('notifications:unknownTracking');
  values.by ||= t('notifications:someone');
  const key = kind === 'order_cancelled' ? (params.by === 'seller' ? 'order_cancelled_seller' : 'order_cancelled_buyer') : kind;
  return t(`notifications:text.${key}`, values);
}

/** The label of a kind (preferences, unsubscribe page, mail subject). */
export function kindLabel(kind: NotificationKind, locale: Locale): string {
  return sayIn(locale)(`notifications:kinds.${kind}`);
}
