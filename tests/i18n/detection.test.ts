// The reader's language (app/i18n/translator.server.ts): `?lng=` → cookie → Accept-Language,
// decided the same way on a first request and on the ones after it, whose answers are remembered.
import { RouterContextProvider } from 'react-router';
import { describe, expect, it } from 'vitest';
import { getLocale, localeCookie } from '~/i18n/translator.server.ts';
import { i18nextMiddleware } from '~/middleware/i18n.server.ts';

async function localeOf(path: string, headers: Record<string, string>) {
  const context = new RouterContextProvider();
  await i18nextMiddleware(
    { request: new Request(`http://localhost${path}`, { headers }), context, params: {}, unstable_pattern: '' } as never,
    async () => new Response(),
  );
  return getLocale(context);
}

describe('language detection', () => {
  it('takes ?lng= first, then the cookie, then Accept-Language, on every repetition', async () => {
    const thai = 'th-TH,th;q=0.9,en;q=0.5';
    const cookie = `session=abc; ${await localeCookie.serialize('vi')}; cart=xyz`;
    for (let round = 0; round < 3; round++) {
      expect(await localeOf('/market', { 'accept-language': thai })).toBe('th');
      expect(await localeOf('/market', { 'accept-language': thai, cookie })).toBe('vi');
      expect(await localeOf('/market?lng=en', { 'accept-language': thai, cookie })).toBe('en');
      expect(await localeOf('/market?lng=xx', { 'accept-language': thai })).toBe('th');
      expect(await localeOf('/map', { 'accept-language': 'vi-VN,vi;q=0.9' })).toBe('vi');
      expect(await localeOf('/map', { 'accept-language': 'en-US,en;q=0.9', cookie: 'other=1' })).toBe('en');
    }
  });
});
