import { ping, type Database } from '#db/client.ts';

export async function checkHealth(database: Database) {
  const started = performance.now();
  const reachable = await ping(database);
  return { reachable, kind: database.kind, latencyMs: Math.round((performance.now() - started) * 10) / 10 };
}
