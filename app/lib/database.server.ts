import { openDatabase, type Database } from '#db/client.ts';
import { seedIfEmptyEmbedded } from '#db/seed/seed.ts';
import { env } from './env.server.ts';

let opening: Promise<Database> | undefined;

/**
 * The process-wide database. Opened once; migrations are applied on boot, and an empty
 * embedded database is seeded with the demo communes (never a server database: that takes
 * an explicit `npm run db:seed`).
 */
export function getDatabase(): Promise<Database> {
  opening ??= (async () => {
    const database = await openDatabase({ databaseUrl: env.databaseUrl, pgliteDir: env.pgliteDir });
    await database.migrate();
    await seedIfEmptyEmbedded(database);
    // The embedded database has no autovacuum: gather planner statistics at every start, so
    // searches use their indexes (a server Postgres does this on its own).
    if (database.kind === 'pglite') await database.query('analyze');
    return database;
  })();
  opening.catch(() => {
    opening = undefined;
  });
  return opening;
}
