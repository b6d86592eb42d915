import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { sql } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';
import * as schema from './schema/index.ts';

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

export type Database = {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** Applies the committed drizzle-kit migrations (idempotent). */
  migrate(): Promise<void>;
  /** Runs raw SQL as the connecting (owner) role; returns rows. Only for migrations, seeding, tests and jobs. */
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  close(): Promise<void>;
  /** The PGlite instance (embedded only), for snapshots in tests. */
  pglite?: PGlite;
};

export const migrationsFolder = () => process.env.MIGRATIONS_DIR ?? path.resolve(process.cwd(), 'db/migrations');

const extensions = { pg_trgm, unaccent };

export type OpenOptions = {
  /** Server Postgres connection string; when absent, the embedded database is used. */
  databaseUrl?: string;
  /** Embedded data directory; `memory://` (or undefined with `snapshot`) keeps it in memory. */
  pgliteDir?: string;
  /** A PGlite data-directory dump (tests clone a migrated snapshot). */
  snapshot?: Blob;
  /** Connection pool size for server Postgres. */
  max?: number;
};

export async function openDatabase(options: OpenOptions): Promise<Database> {
  if (options.databaseUrl) return openPostgres(options.databaseUrl, options.max ?? 10);
  return openPglite(options.pgliteDir, options.snapshot);
}

async function openPglite(dir: string | undefined, snapshot: Blob | undefined): Promise<Database> {
  const dataDir = dir && dir !== 'memory://' ? path.resolve(dir) : undefined;
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const client = await PGlite.create({ dataDir, extensions, loadDataDir: snapshot });
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  return {
    db,
    kind: 'pglite',
    pglite: client,
    async migrate() {
      await migratePglite(db as never, { migrationsFolder: migrationsFolder() });
    },
    async query<T>(text: string, params: unknown[] = []) {
      const result = await client.query(text, params);
      return result.rows as T[];
    },
    async close() {
      await client.close();
    },
  };
}

async function openPostgres(url: string, max: number): Promise<Database> {
  const client = postgres(url, { max, onnotice: () => {}, connect_timeout: 10 });
  const db = drizzlePostgres(client, { schema }) as unknown as Db;
  return {
    db,
    kind: 'postgres',
    async migrate() {
      // Several app servers may start at once: one migrates while the others wait on the lock,
      // held on a connection of its own so a pool of one cannot deadlock.
      const lock = postgres(url, { max: 1, onnotice: () => {} });
      try {
        await lock`select pg_advisory_lock(7306521)`;
        await migratePostgres(db as never, { migrationsFolder: migrationsFolder() });
      } finally {
        await lock.end({ timeout: 5 });
      }
    },
    async query<T>(text: string, params: unknown[] = []) {
      return (await client.unsafe(text, params as never[])) as unknown as T[];
    },
    async close() {
      await client.end({ timeout: 5 });
    },
  };
}

/** True when the database answers a trivial query. */
export async function ping(database: Database): Promise<boolean> {
  try {
    await database.db.execute(sql`select 1`);
    return true;
  } catch {
    return false;
  }
}

/** The rows of a raw `tx.execute(sql…)`: postgres.js returns them as the result, PGlite under `rows`. */
export function rowsOf<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}
