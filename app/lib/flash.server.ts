import { createCookie, redirect } from 'react-router';
import type { MessageKey } from '~/i18n/message-key.ts';

/**
 * A one-time message: a translation key and its parameters (numbers stay numbers, for plurals).
 * `at` names the part of the next page that shows it itself, beside what it is about (the booking
 * form a reader just sent), instead of the top of the page, far above where they are.
 */
export type Flash = { key: MessageKey; params?: Record<string, string | number>; tone?: 'success' | 'info' | 'error'; at?: 'inquiry' };

const flashCookie = createCookie('baan_flash', { path: '/', httpOnly: true, sameSite: 'lax', maxAge: 60 });

/** Redirect and show a one-time message (a translation key) on the next page. */
export async function redirectWithFlash(to: string, flash: Flash, init: { headers?: HeadersInit } = {}) {
  const headers = new Headers(init.headers);
  headers.append('Set-Cookie', await flashCookie.serialize(flash));
  return redirect(to, { headers });
}

/** Reads the pending message and the header that clears it. */
export async function takeFlash(request: Request): Promise<{ flash: Flash | null; clear: string | null }> {
  const value = (await flashCookie.parse(request.headers.get('Cookie'))) as Flash | null;
  if (!value || typeof value.key !== 'string') return { flash: null, clear: null };
  return { flash: value, clear: await flashCookie.serialize('', { maxAge: 0 }) };
}
