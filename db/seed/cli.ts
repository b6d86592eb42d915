import { dbEnv } from '../env.ts';
import { openDatabase } from '../client.ts';
import { seedDemo } from './demo.ts';

// `npm run db:seed`: the only way demo data reaches a server database.
const { databaseUrl, pgliteDir } = dbEnv();
const database = await openDatabase({ databaseUrl, pgliteDir });
try {
  await database.migrate();
  const result = await seedDemo(database);
  console.log(`Seeded ${result.communes} demo communes and ${result.users} demo accounts into the ${database.kind} database.`);
} finally {
  await database.close();
}
