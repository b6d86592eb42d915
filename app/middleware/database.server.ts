import { data, type MiddlewareFunction } from 'react-router';
import { databaseContext } from '~/lib/context.ts';
import { getDatabase } from '~/lib/database.server.ts';

export const databaseMiddleware: MiddlewareFunction<Response> = async ({ context }, next) => {
  try {
    context.set(databaseContext, await getDatabase());
  } catch (error) {
    console.error('database unavailable', error);
    throw data({ messageKey: 'common:errors.unavailable' }, { status: 503 });
  }
  return next();
};
