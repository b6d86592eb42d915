import type { MiddlewareFunction } from 'react-router';
import { provideTranslator } from '~/i18n/translator.server.ts';

/**
 * The reader's language (`?lng=` → cookie → Accept-Language → the commune's → English) and its
 * translator, for every loader, action and page: read them with getLocale and getI18n.
 */
export const i18nextMiddleware: MiddlewareFunction<Response> = async ({ request, context }, next) => {
  await provideTranslator(request, context);
  return next();
};
