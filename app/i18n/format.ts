import type { Locale } from './config.ts';

const INTL_LOCALE: Record<Locale, string> = { vi: 'vi-VN', th: 'th-TH', en: 'en-GB' };

const moneyFormats = new Map<string, Intl.NumberFormat>();

/** Money is an integer in the currency's minor unit (VND has none, THB has satang). */
export function formatMoney(minor: number, currency: 'VND' | 'THB', locale: Locale): string {
  const digits = currency === 'VND' ? 0 : 2;
  const key = `${locale}|${currency}`;
  let format = moneyFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(INTL_LOCALE[locale], { style: 'currency', currency, minimumFractionDigits: digits, maximumFractionDigits: digits });
    moneyFormats.set(key, format);
  }
  return format.format(minor / 10 ** digits);
}

// Building an Intl formatter is costly (a measurable share of a page render); reuse them.
const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** Dates are shown in the commune's time zone, in the reader's language. */
export function formatDate(value: Date | string, locale: Locale, timeZone: string, withTime = false): string {
  const date = typeof value === 'string' ? new Date(value) : value;
  const key = `${locale}|${timeZone}|${withTime}`;
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(INTL_LOCALE[locale], { dateStyle: 'medium', ...(withTime ? { timeStyle: 'short' } : {}), timeZone });
    dateFormats.set(key, format);
  }
  return format.format(date);
}

/** A calendar day (YYYY-MM-DD, no time or zone: a certificate's expiry, a festival's date) in the reader's language. */
export function formatDay(day: string, locale: Locale): string {
  // Noon UTC, read in UTC: the same day wherever the server runs.
  return formatDate(`${day}T12:00:00Z`, locale, 'UTC');
}
