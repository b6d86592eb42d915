import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { sql, type SQL } from 'drizzle-orm';
import type { PgDatabase, PgDialect, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import { PostgresJsSession, PostgresJsTransaction } from 'drizzle-orm/postgres-js/session';
import postgres from 'postgres';
import { dbEnv } from './env.ts';
import * as schema from './schema/index.ts';
import { applySqlFiles } from './sql-files.ts';

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

export type Database = {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** Applies the committed drizzle-kit migrations, then the trigger bodies in db/sql (idempotent). */
  migrate(): Promise<void>;
  /** Applies the `.sql` files of a folder (db/sql by default) whose hash changed; returns their names. Part of `migrate`. */
  applySql(folder?: string): Promise<string[]>;
  /** Runs raw SQL as the connecting (owner) role; returns rows. Only for migrations, seeding, tests and jobs. */
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  close(): Promise<void>;
  /**
   * Calls `onNotify` on each NOTIFY of `channel` (the job worker's wake-up); returns the way to
   * stop. On server Postgres it takes one connection of its own.
   */
  listen(channel: string, onNotify: () => void): Promise<() => Promise<void>>;
  /** The PGlite instance (embedded only), for snapshots in tests. */
  pglite?: PGlite;
};

/**
 * A transaction whose opening statement (`prelude`, e.g. the role and tenant settings) is sent
 * together with BEGIN and the work's first statement, in one write to the server. Only server
 * Postgres has one (each round trip there costs a network write on both sides); see
 * `preludeTransaction`.
 */
export type PreludeTransaction = <T>(prelude: SQL, work: (tx: Tx) => Promise<T>, options?: { readOnly?: boolean }) => Promise<T>;
const PRELUDE_TRANSACTION = Symbol('baan.preludeTransaction');

/** The database's pipelined transaction, when it has one. */
export function preludeTransaction(db: Db): PreludeTransaction | undefined {
  return (db as Db & { [PRELUDE_TRANSACTION]?: PreludeTransaction })[PRELUDE_TRANSACTION];
}

export const migrationsFolder = () => dbEnv().migrationsDir;
/** The trigger and function bodies applied after the migrations: `db/sql`, beside the migrations folder. */
export const sqlFolder = () => path.resolve(migrationsFolder(), '../sql');

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
  const applySql = (folder = sqlFolder()) =>
    applySqlFiles(
      folder,
      (text) => client.exec(text),
      async (text) => (await client.query<{ name: string; hash: string }>(text)).rows,
    );
  return {
    db,
    kind: 'pglite',
    pglite: client,
    async migrate() {
      await migratePglite(db as never, { migrationsFolder: migrationsFolder() });
      await applySql();
    },
    applySql,
    async query<T>(text: string, params: unknown[] = []) {
      const result = await client.query(text, params);
      return result.rows as T[];
    },
    async close() {
      await client.close();
    },
    async listen(channel, onNotify) {
      const unlisten = await client.listen(channel, () => onNotify());
      return async () => {
        if (!client.closed) await unlisten();
      };
    },
  };
}

async function openPostgres(url: string, max: number): Promise<Database> {
  const client = postgres(url, { max, onnotice: () => {}, connect_timeout: 10 });
  const db = drizzlePostgres(client, { schema }) as unknown as Db;
  Object.defineProperty(db, PRELUDE_TRANSACTION, { value: postgresPreludeTransaction(client, db) });
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
        await applySqlFilesOn(lock, sqlFolder());
      } finally {
        await lock.end({ timeout: 5 });
      }
    },
    applySql(folder = sqlFolder()) {
      return applySqlFilesOn(client, folder);
    },
    async query<T>(text: string, params: unknown[] = []) {
      return (await client.unsafe(text, params as never[])) as unknown as T[];
    },
    async close() {
      await client.end({ timeout: 5 });
    },
    async listen(channel, onNotify) {
      const { unlisten } = await client.listen(channel, () => onNotify());
      return unlisten;
    },
  };
}

/** db/sql on server Postgres: each file is one simple-protocol query (several statements, one implicit transaction). */
function applySqlFilesOn(client: postgres.Sql, folder: string): Promise<string[]> {
  return applySqlFiles(
    folder,
    (text) => client.unsafe(text).simple(),
    (text) => client.unsafe(text) as unknown as Promise<{ name: string; hash: string }[]>,
  );
}

/**
 * The pipelined transaction on postgres.js. postgres.js sends a connection's statements in the
 * order they are issued, and batches those issued together into one write. BEGIN and the
 * prelude are issued here, synchronously, before the work starts, so every statement of the
 * work runs after them, inside the transaction, with the prelude's settings: if either fails,
 * the transaction is aborted and the work's statements fail too. A single-statement read is two
 * round trips (BEGIN + prelude + statement, then COMMIT) where drizzle's `transaction` takes four;
 * a read-only one is one round trip, as its COMMIT is not waited for.
 */
function postgresPreludeTransaction(client: postgres.Sql, db: Db): PreludeTransaction {
  // drizzle's own session parts, so the transaction maps results exactly as `db.transaction` would.
  const internals = db as unknown as { dialect: PgDialect; session: { options: never } };
  const { dialect } = internals;
  const { options: sessionOptions } = internals.session;
  return async (prelude, work, options = {}) => {
    const connection = await client.reserve();
    // Nested transactions (`tx.transaction`) become savepoints, as in postgres.js's own `begin`.
    let savepoints = 0;
    const unprepared = connection.unsafe;
    const scoped = Object.assign(connection, {
      // drizzle asks for an unnamed statement unless a query is given a name. postgres.js then
      // waits for Postgres to describe a statement with parameters before it sends the values:
      // two round trips, and a parse, for every query of every request. As a named statement it
      // is described once per connection (postgres.js keeps them by text). Baan's shapes are many
      // but bounded — lists of a few lengths, multi-row inserts, the catalogue's filter
      // combinations; no text is built from input — and connections are renewed every 30–60
      // minutes. Statements without parameters still go as simple queries, unnamed. Each is
      // planned for its values all the same (plan_cache_mode, set in db/scope.ts).
      unsafe: ((text: string, params?: never[], queryOptions?: postgres.UnsafeQueryOptions) =>
        unprepared(text, params, { ...queryOptions, prepare: true })) as typeof connection.unsafe,
      async savepoint<T>(...args: [(sql: postgres.Sql) => Promise<T>] | [string, (sql: postgres.Sql) => Promise<T>]) {
        const run = args.length === 1 ? args[0] : args[1];
        const name = `s${++savepoints}`;
        await connection.unsafe(`savepoint ${name}`);
        try {
          const result = await run(connection);
          await connection.unsafe(`release savepoint ${name}`);
          return result;
        } catch (error) {
          await connection.unsafe(`rollback to savepoint ${name}`);
          throw error;
        }
      },
    });
    // Whether the connection is still ours to end and give back: not after Postgres closed it
    // (a restart, a fail-over, pg_terminate_backend). postgres.js has by then taken it back as
    // closed; a ROLLBACK or release on it would hand the pool a connection without a socket, and
    // its next write throws outside any promise (porsager/postgres#1199), ending the process.
    let ours = true;
    const lost = (error: unknown) => {
      if (connectionLost(error)) ours = false;
      return error;
    };
    try {
      const query = dialect.sqlToQuery(prelude);
      const begun = Promise.all([
        connection.unsafe(options.readOnly ? 'begin read only' : 'begin').execute(),
        connection.unsafe(query.sql, query.params as never[], { prepare: true }).execute(),
      ]);
      // No relational schema: Baan writes its queries with the query builder and `sql`, and a
      // transaction with the schema builds a query helper for every table on each request.
      const session = new PostgresJsSession(scoped as never, dialect, undefined, sessionOptions);
      const tx = new PostgresJsTransaction(dialect, session, undefined) as unknown as Tx;
      // Both settle before the connection is given back, so no statement of this work can reach
      // the next one to use it.
      const [opening, working] = await Promise.allSettled([begun, work(tx)]);
      if (opening.status === 'rejected' || working.status === 'rejected') {
        if (opening.status === 'rejected') lost(opening.reason);
        if (working.status === 'rejected') lost(working.reason);
        if (ours) await connection.unsafe('rollback').catch(lost);
        // The opening's own error says more than the aborted statements after it.
        throw opening.status === 'rejected' ? opening.reason : (working as PromiseRejectedResult).reason;
      }
      if (options.readOnly) {
        // A read-only transaction has nothing to lose: its COMMIT only ends it, so this request
        // does not wait for it. The connection is given back only once the COMMIT has settled:
        // released earlier, a COMMIT still queued on it (postgres.js keeps a reserved
        // connection's statements in its own queue while the connection is busy) would be
        // dropped, and the pool's next statements would run inside this transaction, read-only.
        ours = false;
        connection
          .unsafe('commit')
          .execute()
          .then(
            () => connection.release(),
            (error: unknown) => {
              console.error('commit of a read-only transaction failed', error);
              if (!connectionLost(error)) connection.release();
            },
          );
      } else {
        await connection.unsafe('commit').catch((error: unknown) => Promise.reject(lost(error)));
      }
      return working.value;
    } finally {
      if (ours) connection.release();
    }
  };
}

/** Whether postgres.js failed a statement because its connection is gone (the cause, when drizzle wrapped it). */
function connectionLost(error: unknown): boolean {
  for (let e = error, depth = 0; e && typeof e === 'object' && depth < 3; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (code === 'CONNECTION_CLOSED' || code === 'CONNECTION_DESTROYED' || code === 'CONNECTION_ENDED') return true;
  }
  return false;
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
