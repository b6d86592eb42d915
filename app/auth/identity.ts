import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';

/**
 * How a person names their account: one field (`identifier`) that holds an e-mail address or a
 * phone number. Phone numbers are Vietnamese or Thai, written as people write them (0912 345 678,
 * 091.234.5678, +84 912 345 678, 081-234-5678) and stored E.164 (+84912345678). A local number
 * (leading 0) is read in the reader's country: Vietnamese readers' as Vietnamese, Thai readers'
 * as Thai, anyone else's as Vietnamese first, then Thai.
 */
export type Identifier = { kind: 'email'; value: string } | { kind: 'phone'; value: string };

export const PHONE_COUNTRIES = ['VN', 'TH'] as const satisfies readonly CountryCode[];

/** The countries a local number is tried in, for a reader's language. */
export function countriesFor(locale: string | null | undefined): CountryCode[] {
  if (locale === 'vi') return ['VN'];
  if (locale === 'th') return ['TH'];
  return ['VN', 'TH'];
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** A phone number as E.164, when it is a valid Vietnamese or Thai number; else null. */
export function parsePhone(input: string, locale?: string | null): string | null {
  const text = input.trim();
  if (text.length < 6 || text.length > 24 || !/^\+?[0-9][0-9 .()-]*$/.test(text)) return null;
  const tries: (CountryCode | undefined)[] = text.startsWith('+') ? [undefined] : countriesFor(locale);
  for (const country of tries) {
    const number = parsePhoneNumberFromString(text, country);
    if (number?.isValid() && (PHONE_COUNTRIES as readonly string[]).includes(number.country ?? '')) return number.number;
  }
  return null;
}

/** What the person typed, read as an e-mail address (lower-cased) or a phone number (E.164); null when it is neither. */
export function parseIdentifier(input: string, locale?: string | null): Identifier | null {
  const text = input.trim();
  if (!text) return null;
  if (text.includes('@')) {
    const email = text.toLowerCase();
    return email.length <= 254 && EMAIL.test(email) ? { kind: 'email', value: email } : null;
  }
  const phone = parsePhone(text, locale);
  return phone ? { kind: 'phone', value: phone } : null;
}

/** A number for people to read: +84 912 345 678. */
export function formatPhone(e164: string): string {
  return parsePhoneNumberFromString(e164)?.formatInternational() ?? e164;
}

/**
 * How an account is shown where its address used to be (members, orders, the admin): the e-mail
 * address, or else the phone number. A phone-only villager is as much a user as anyone.
 */
export function accountContact(account: { email: string | null; phone: string | null }): string {
  if (account.email) return account.email;
  return account.phone ? formatPhone(account.phone) : '';
}

/** An address shown to someone who is not its owner: "n•••@gmail.com", "+84 ••• ••• 678". */
export function maskIdentifier(address: string): string {
  const text = address.trim().toLowerCase();
  const at = text.lastIndexOf('@');
  if (at >= 1) return `${[...text.slice(0, at)][0]}•••${text.slice(at)}`;
  if (/^\+[0-9]{7,15}$/.test(text)) return `${text.slice(0, 3)} ••• ••• ${text.slice(-3)}`;
  return '•••';
}
