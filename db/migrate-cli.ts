import { openDatabase } from './client.ts';
import { seedReferenceData } from './seed/seed.ts';

// `npm run db:migrate`: applies committed migrations and the reference data (provinces).
const database = await openDatabase({
  databaseUrl: process.env.DATABASE_URL || undefined,
  pgliteDir: process.env.PGLITE_DIR ?? `${process.env.DATA_DIR ?? '.data'}/pglite`,
});
try {
  await database.migrate();
  await seedReferenceData(database);
  console.log(`Migrations applied to the ${database.kind} database.`);
} finally {
  await database.close();
}
