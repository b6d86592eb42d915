import { openDatabase } from '../client.ts';
import { seedDemo } from './seed.ts';

// `npm run db:seed`: the only way demo data reaches a server database.
const database = await openDatabase({
  databaseUrl: process.env.DATABASE_URL || undefined,
  pgliteDir: process.env.PGLITE_DIR ?? `${process.env.DATA_DIR ?? '.data'}/pglite`,
});
try {
  await database.migrate();
  const result = await seedDemo(database);
  console.log(`Seeded ${result.communes} demo communes and ${result.users} demo accounts into the ${database.kind} database.`);
} finally {
  await database.close();
}
