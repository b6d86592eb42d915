import { data, type MiddlewareFunction } from 'react-router';
import { getI18n, getLocale } from '~/i18n/translator.server.ts';
import { FORBIDDEN_CHARACTERS_MESSAGE, urlProblem } from '~/lib/text.ts';

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * Refuses an address no page can have, before any loader or action reads it: a path segment
 * that is not valid percent-encoding is a 404 (it names nothing), a control character (NUL
 * included) or broken UTF-8 in a path segment or query parameter is a 400. Every route's
 * params and search parameters are therefore clean text (form bodies: readFormData).
 *
 * A bad path segment is answered with a small page of its own, in the reader's language:
 * rendering the app's layout would hand the router the decoded segment back, and a segment of
 * only tabs or line breaks makes it build an invalid URL (a 500).
 */
export const inputMiddleware: MiddlewareFunction<Response> = ({ request, context }, next) => {
  const problem = urlProblem(new URL(request.url));
  if (!problem) return next();
  const status = problem.kind === 'undecodable' ? 404 : 400;
  const messageKey = problem.kind === 'undecodable' ? 'common:errors.notFound' : FORBIDDEN_CHARACTERS_MESSAGE;
  if (problem.in === 'query') throw data({ messageKey }, { status });
  const { t } = getI18n(context);
  const title = t(status === 404 ? 'common:errors.notFoundTitle' : 'common:errors.title');
  const page = `<!doctype html><html lang="${getLocale(context)}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)} · Baan</title></head><body><main><p>${status}</p><h1>${escapeHtml(title)}</h1><p>${escapeHtml(t(messageKey))}</p><p><a href="/">${escapeHtml(t('common:errors.backHome'))}</a></p></main></body></html>`;
  return new Response(page, { status, headers: { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' } });
};
