import type { Locale } from '~/i18n/config.ts';

/**
 * SMS text fitted to as few segments as it can take. An SMS is 160 characters of the GSM-7
 * alphabet, or 70 UTF-16 units of UCS-2 when any character is outside it; a longer message is
 * sent in parts of 153 (GSM-7) or 67 (UCS-2), each paid for. So:
 * - Vietnamese loses its diacritics (đ/Đ become d/D): the convention for Vietnamese SMS, and the
 *   difference between 160 and 70 characters a segment;
 * - Thai stays Thai, in UCS-2 (there is no other way to write it);
 * - typographic punctuation (curly quotes, dashes, ellipsis, no-break space) becomes its ASCII
 *   twin in every language, so one “ does not turn a whole message into UCS-2;
 * - a text longer than `maxSegments` is shortened at a word boundary (Thai words found with
 *   Intl.Segmenter) and marked with "..." — a link at the end is kept whole, and so is `keep`
 *   (the line that stops such messages, which follows the text).
 */

export type SmsEncoding = 'gsm7' | 'ucs2';
export type FittedSms = { text: string; encoding: SmsEncoding; segments: number; length: number; shortened: boolean };

const GSM7_BASIC = '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
/** Characters of the GSM-7 extension table: two septets each (escape + character). */
const GSM7_EXTENSION = '^{}\\[~]|€\f';
const basic = new Set(GSM7_BASIC);
const extension = new Set(GSM7_EXTENSION);

export const SEGMENT = { gsm7: { single: 160, part: 153 }, ucs2: { single: 70, part: 67 } } as const;

const PUNCTUATION: [RegExp, string][] = [
  [/[\u2018\u2019\u201A\u2032]/g, "'"],
  [/[\u201C\u201D\u201E\u2033]/g, '"'],
  [/[\u2010-\u2015\u2212]/g, '-'],
  [/\u2026/g, '...'],
  [/[\u00A0\u2007\u202F\u200B]/g, ' '],
];

/** Vietnamese without diacritics: "Đơn hàng đã giao" → "Don hang da giao". */
export function stripVietnameseDiacritics(text: string): string {
  return text
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .normalize('NFC');
}

export function isGsm7(text: string): boolean {
  for (const c of text) if (!basic.has(c) && !extension.has(c)) return false;
  return true;
}

/** Length as the network counts it: septets for GSM-7 (extension characters count two), UTF-16 units for UCS-2. */
export function smsLength(text: string, encoding: SmsEncoding): number {
  if (encoding === 'ucs2') return text.length;
  let n = 0;
  for (const c of text) n += extension.has(c) ? 2 : 1;
  return n;
}

export function segmentCount(length: number, encoding: SmsEncoding): number {
  const { single, part } = SEGMENT[encoding];
  if (length === 0) return 0;
  return length <= single ? 1 : Math.ceil(length / part);
}

/** The most one message of `segments` segments can hold. */
const capacity = (segments: number, encoding: SmsEncoding) => (segments <= 1 ? SEGMENT[encoding].single : segments * SEGMENT[encoding].part);

/** The text as it will be sent, before any shortening. */
export function normalizeSms(text: string, locale: Locale): string {
  let out = text;
  for (const [pattern, replacement] of PUNCTUATION) out = out.replace(pattern, replacement);
  if (locale === 'vi') out = stripVietnameseDiacritics(out);
  return out.replace(/[ \t]+/g, ' ').trim();
}

function cutAtWord(text: string, fits: (candidate: string) => boolean, locale: Locale): string {
  const words = [...new Intl.Segmenter(locale, { granularity: 'word' }).segment(text)];
  let kept = '';
  for (const word of words) {
    if (!fits(kept + word.segment)) break;
    kept += word.segment;
  }
  if (kept.trim() === '') {
    // One word longer than the room (a long number): cut by characters, never inside a surrogate pair.
    for (const c of text) {
      if (!fits(kept + c)) break;
      kept += c;
    }
  }
  return kept.replace(/[\s,;:.-]+$/u, '');
}

export function fitSms(text: string, locale: Locale, options: { maxSegments?: number; keep?: string } = {}): FittedSms {
  const maxSegments = Math.max(1, options.maxSegments ?? 3);
  const body = normalizeSms(text, locale);
  const keep = options.keep ? ` ${normalizeSms(options.keep, locale)}` : '';
  const normalized = body + keep;
  const encoding: SmsEncoding = isGsm7(normalized) ? 'gsm7' : 'ucs2';
  const length = smsLength(normalized, encoding);
  if (segmentCount(length, encoding) <= maxSegments) {
    return { text: normalized, encoding, segments: segmentCount(length, encoding), length, shortened: false };
  }
  const room = capacity(maxSegments, encoding);
  // The end kept whole: the text's closing link, then `keep` (a way to stop these messages).
  const link = /\s(https?:\/\/\S+)$/.exec(body);
  const ending = (link ? ` ${link[1]}` : '') + keep;
  // Both when they fit; else the stop line alone (a way to stop is never dropped); else neither.
  const tail = ending && smsLength(ending, encoding) + 5 < room ? ending : keep && smsLength(keep, encoding) + 5 < room ? keep : '';
  const cuttable = tail === ending && link ? body.slice(0, link.index) : body;
  const marker = '...';
  const fits = (candidate: string) => smsLength(candidate + marker + tail, encoding) <= room;
  const shortened = cutAtWord(cuttable, fits, locale) + marker + tail;
  const shortenedLength = smsLength(shortened, encoding);
  return { text: shortened, encoding, segments: segmentCount(shortenedLength, encoding), length: shortenedLength, shortened: true };
}
