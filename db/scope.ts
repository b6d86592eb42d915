import { sql } from 'drizzle-orm';
import { preludeTransaction, type Db, type Tx } from './client.ts';

/**
 * Who is acting, and in which commune. Built per request by middleware from the URL (never
 * from client-sent fields) and the session; tests build it directly.
 */
export type Scope = {
  db: Db;
  tenantId: string | null;
  userId: string | null;
};

/** Work inside one commune. */
export type CommuneScope = Scope & { tenantId: string };

/** A signed-in person working inside one commune. */
export type MemberScope = CommuneScope & { userId: string };

/** Platform-wide reads and writes (communes, provinces, accounts, the template): no commune, no user. */
export const platformScope = (db: Db): Scope => ({ db, tenantId: null, userId: null });

/** The role request code runs as: not an owner, not a superuser, no BYPASSRLS. */
export const APP_ROLE = 'baan_app';

/**
 * The only door to tenant data for request code. One transaction, running as the app role,
 * with the tenant and user set transaction-locally, so row-level security decides what the
 * statements inside may see or change. Forgetting a `where tenant_id = …` cannot leak.
 */
export async function withTenant<T>(scope: Scope, work: (tx: Tx) => Promise<T>): Promise<T> {
  return inTenant(scope, work, false);
}

/**
 * A read inside one commune: `withTenant` in a READ ONLY transaction, where any write fails.
 * For the public pages' queries. On server Postgres it costs one round trip: its COMMIT is not
 * waited for (a read-only transaction has nothing to commit).
 */
export async function readTenant<T>(scope: Scope, work: (tx: Tx) => Promise<T>): Promise<T> {
  return inTenant(scope, work, true);
}

function inTenant<T>(scope: Scope, work: (tx: Tx) => Promise<T>, readOnly: boolean): Promise<T> {
  // On server Postgres the settings travel with BEGIN (READ ONLY for a read) and the work's first statement.
  const pipelined = preludeTransaction(scope.db);
  // set_config('role', …, true) is SET LOCAL ROLE; set_config('transaction_read_only', 'on', true)
  // is SET TRANSACTION READ ONLY, in the same statement (so a read costs no extra statement).
  // plan_cache_mode: statements are named on server Postgres (db/client.ts), and after five runs
  // Postgres may settle on a generic plan, which read the catalogue's rare words (a Thai search in
  // one commune) as common ones: 115–160 ms instead of ≤ 60. Each run is planned for its values.
  const readOnlySetting = readOnly && !pipelined ? sql`, set_config('transaction_read_only', 'on', true)` : sql``;
  const settings = sql`select set_config('role', ${APP_ROLE}, true), set_config('app.tenant_id', ${scope.tenantId ?? ''}, true), set_config('app.user_id', ${scope.userId ?? ''}, true), set_config('plan_cache_mode', 'force_custom_plan', true)${readOnlySetting}`;
  if (pipelined) return pipelined(settings, work, { readOnly });
  return scope.db.transaction(async (tx) => {
    await tx.execute(settings);
    return work(tx);
  });
}

/**
 * Moves an open `withTenant` transaction into another commune: the statements that follow see
 * and write that commune's rows only. For work that spans communes in one transaction (a
 * checkout buying from several, a commune being created).
 */
export async function enterTenant(tx: Tx, tenantId: string): Promise<void> {
  await tx.execute(sql`select set_config('app.tenant_id', ${tenantId}, true)`);
}

/**
 * Work inside one commune on the owner connection (seeding, copying the handbook template):
 * one transaction with `app.tenant_id` set, so the rows it writes pass the tenant policies even
 * for an owner that is not a superuser. Request code uses `withTenant`.
 */
export async function ownerInTenant<T>(db: Db, tenantId: string, work: (tx: Tx) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await enterTenant(tx, tenantId);
    return work(tx);
  });
}
