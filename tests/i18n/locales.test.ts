import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatDate, formatMoney } from '~/i18n/format.ts';
import { LOCALES, NAMESPACES } from '~/i18n/config.ts';

const dir = path.resolve('locales');
const read = (locale: string, ns: string) => JSON.parse(readFileSync(path.join(dir, locale, `${ns}.json`), 'utf8')) as Record<string, unknown>;

function flatten(value: unknown, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) for (const [kk, vv] of flatten(v, prefix ? `${prefix}.${k}` : k)) out.set(kk, vv);
  } else out.set(prefix, String(value));
  return out;
}

const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)/g)].map((m) => m[1]).sort();

describe('translations', () => {
  it('has one file per namespace in every language, and no stray namespaces', () => {
    for (const locale of LOCALES) {
      const files = readdirSync(path.join(dir, locale))
        .map((f) => f.replace(/\.json$/, ''))
        .sort();
      expect(files, locale).toEqual([...NAMESPACES].sort());
    }
  });

  for (const ns of NAMESPACES) {
    for (const locale of ['vi', 'th'] as const) {
      it(`${locale}/${ns} has every key of en/${ns}, with the same placeholders`, () => {
        const en = flatten(read('en', ns));
        const other = flatten(read(locale, ns));
        // Key for key, plural forms included (vi and th use the same text for _one and _other).
        expect([...en.keys()].filter((k) => !other.has(k))).toEqual([]);
        expect([...other.keys()].filter((k) => !en.has(k))).toEqual([]);
        for (const [key, text] of en) {
          const translated = other.get(key)!;
          expect(placeholders(translated), `${locale}/${ns}:${key}`).toEqual(placeholders(text));
          expect(translated.trim(), `${locale}/${ns}:${key} is empty`).not.toBe('');
        }
      });
    }
  }
});

describe('money and dates through Intl', () => {
  it('formats VND without a minor unit and THB with satang', () => {
    expect(formatMoney(150000, 'VND', 'vi').replace(/\s/g, ' ')).toBe('150.000 ₫');
    expect(formatMoney(12550, 'THB', 'th')).toBe('฿125.50');
    expect(formatMoney(12550, 'THB', 'en').replace(/\s/g, ' ')).toBe('THB 125.50');
  });
  it('shows times in the commune’s time zone', () => {
    const instant = new Date('2026-01-31T18:30:00Z');
    expect(formatDate(instant, 'en', 'Asia/Ho_Chi_Minh', true)).toContain('1 Feb 2026');
    expect(formatDate(instant, 'en', 'Asia/Bangkok', true)).toContain('01:30');
  });
});
