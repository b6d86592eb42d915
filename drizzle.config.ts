import { defineConfig } from 'drizzle-kit';

// Migrations are generated from the schema and committed; they run on `npm start` and `npm run db:migrate`.
export default defineConfig({
  dialect: 'postgresql',
  schema: './db/schema/index.ts',
  out: './db/migrations',
});
