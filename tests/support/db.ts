import { readFile } from 'node:fs/promises';
import { inject } from 'vitest';
import { openDatabase, type Database } from '#db/client.ts';
import type { Scope } from '#db/scope.ts';

export type TestDatabase = Database & { name: string };

/**
 * A fresh, migrated database for one test file: a PGlite clone of the run's snapshot, or a copy
 * of the template database on the server Postgres when DATABASE_URL is set.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const url = process.env.DATABASE_URL;
  const template = inject('templateDatabase');
  if (url && template) {
    const name = `baan_test_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
    const admin = await openDatabase({ databaseUrl: url, max: 1 });
    await admin.query(`create database ${name} template ${template}`);
    await admin.close();
    const parsed = new URL(url);
    parsed.pathname = `/${name}`;
    const database = await openDatabase({ databaseUrl: parsed.toString(), max: 20 });
    return {
      ...database,
      name,
      async close() {
        await database.close();
        const again = await openDatabase({ databaseUrl: url, max: 1 });
        await again.query(`drop database if exists ${name} with (force)`);
        await again.close();
      },
    };
  }
  const file = inject('snapshotFile');
  if (!file) throw new Error('no test database snapshot: is the global setup configured?');
  const snapshot = new Blob([await readFile(file)]);
  const database = await openDatabase({ snapshot });
  return { ...database, name: 'pglite' };
}

export const scopeFor = (database: Database, tenantId: string | null, userId: string | null): Scope => ({
  db: database.db,
  tenantId,
  userId,
});
