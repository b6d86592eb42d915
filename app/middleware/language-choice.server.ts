import type { MiddlewareFunction } from 'react-router';
import { isLocale } from '~/i18n/config.ts';
import { localeCookie } from '~/i18n/translator.server.ts';

/** `?lng=xx` is a choice: remember it in a cookie so it sticks on every page. */
export const languageChoiceMiddleware: MiddlewareFunction<Response> = async ({ request }, next) => {
  const response = await next();
  const lng = new URL(request.url).searchParams.get('lng');
  if (isLocale(lng)) response.headers.append('Set-Cookie', await localeCookie.serialize(lng));
  return response;
};
