import { databaseContext } from '~/lib/context.ts';
import { checkHealth } from '../health.server.ts';
import type { Route } from './+types/healthz';

/** For load balancers and uptime checks: 200 when the database answers, 503 when it does not. */
export async function loader({ context }: Route.LoaderArgs) {
  const database = await checkHealth(context.get(databaseContext));
  return Response.json(
    { status: database.reachable ? 'ok' : 'unavailable', database },
    { status: database.reachable ? 200 : 503, headers: { 'Cache-Control': 'no-store' } },
  );
}
