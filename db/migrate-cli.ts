import { openDatabase } from './client.ts';
import { dbEnv } from './env.ts';
import { seedReferenceData } from './seed/seed.ts';

// `npm run db:migrate`: applies committed migrations and the reference data (provinces).
const { databaseUrl, pgliteDir } = dbEnv();
const database = await openDatabase({ databaseUrl, pgliteDir });
try {
  await database.migrate();
  await seedReferenceData(database);
  console.log(`Migrations applied to the ${database.kind} database.`);
} finally {
  await database.close();
}
