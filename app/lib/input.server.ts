import { data, type MiddlewareFunction } from 'react-router';
import { FORBIDDEN_CHARACTERS_MESSAGE, urlProblem } from './text.ts';

/**
 * Refuses an address no page can have, before any loader or action reads it: a path segment
 * that is not valid percent-encoding is a 404 (it names nothing), a control character (NUL
 * included) or broken UTF-8 in a path segment or query parameter is a 400. Every route's
 * params and search parameters are therefore clean text (form bodies: readFormData).
 */
export const inputMiddleware: MiddlewareFunction<Response> = ({ request }, next) => {
  const problem = urlProblem(new URL(request.url));
  if (problem === 'undecodable') throw data({ messageKey: 'common:errors.notFound' }, { status: 404 });
  if (problem === 'forbidden') throw data({ messageKey: FORBIDDEN_CHARACTERS_MESSAGE }, { status: 400 });
  return next();
};
