import { RouterContextProvider } from 'react-router';
import { describe, expect, it } from 'vitest';
import type { NAMESPACES } from '~/i18n/config.ts';
import { getI18n, isMessageKey } from '~/i18n/translator.server.ts';

// The per-language instance remembers texts of keys without options (see localeInstance):
// remembering must never change what a page says.
describe('the request translator', () => {
  const i18n = getI18n(new RouterContextProvider());

  it('gives the same texts, remembered or not, in each language', () => {
    const vi = i18n.getFixedT<typeof NAMESPACES>('vi');
    const en = i18n.getFixedT<typeof NAMESPACES>('en');
    for (let round = 0; round < 3; round++) {
      expect(vi('common:nav.cart')).toBe('Giỏ hàng');
      expect(en('common:nav.cart')).toBe('Cart');
      expect(vi('market:units.kg')).toBe('kg');
    }
  });

  it('still interpolates and picks plurals when options are given', () => {
    const vi = i18n.getFixedT<typeof NAMESPACES>('vi');
    const en = i18n.getFixedT<typeof NAMESPACES>('en');
    expect(en('market:cert.badgeLabel', { scheme: 'OCOP', count: 4 })).toBe('OCOP certified, 4 stars');
    expect(en('market:cert.badgeLabel', { scheme: 'OTOP', count: 5 })).toBe('OTOP certified, 5 stars');
    expect(vi('market:cert.badgeLabel', { scheme: 'OCOP', count: 3 })).toBe('Đạt chuẩn OCOP 3 sao');
  });

  it('keeps the namespace and prefix a caller fixed', () => {
    const market = i18n.getFixedT('en', 'market', 'units');
    expect(market('kg')).toBe('kg');
    expect(i18n.getFixedT('en', 'common')('nav.cart')).toBe('Cart');
    // @ts-expect-error -- `nav.cart` is a key of common, not of market: the types refuse it, as the runtime does
    expect(i18n.getFixedT('en', 'market')('nav.cart')).not.toBe('Cart');
  });

  it('accepts a key read back from the database only when the texts hold it', () => {
    // A failed feed import stores its error's key (app/handbook/news.server.ts); the page shows it.
    expect(isMessageKey(i18n, 'handbook:feeds.errors.httpStatus')).toBe(true);
    expect(isMessageKey(i18n, 'common:outbound.privateAddress')).toBe(true);
    expect(isMessageKey(i18n, 'handbook:feeds.errors.httpStatus (404)')).toBe(false);
    expect(isMessageKey(i18n, 'handbook:feeds.errors')).toBe(false);
    expect(isMessageKey(i18n, 'handbook:no.such.key')).toBe(false);
    expect(isMessageKey(i18n, '')).toBe(false);
    expect(isMessageKey(i18n, 'nav.cart')).toBe(true); // common's, without its namespace
    expect(isMessageKey(i18n, 'market:cert.badgeLabel')).toBe(true); // a plural
  });
});
