import { sql, type SQL } from 'drizzle-orm';
import { pgPolicy } from 'drizzle-orm/pg-core';

/**
 * Row-level security, declared beside each table. Every tenant table spreads `tenantPolicies()`
 * into its extra config; `drizzle-kit generate` then writes the policies into the migration.
 *
 * The commune and the person come from the transaction-local settings `withTenant` sets
 * (db/scope.ts), read through `baan.tenant_id()` and `baan.user_id()` (migration 0028): one
 * place that knows a cleared setting reads '' rather than NULL. FORCE ROW LEVEL SECURITY is not
 * something drizzle-kit writes: a new tenant table's migration adds it by hand (see
 * docs/recipes/add-a-tenant-table.md); tests/tenancy/schema.test.ts fails until it does.
 *
 * No policy may contain a subquery (Citus refuses them on distributed tables): a condition on
 * another table is copied onto this one by a trigger (db/sql/) and read as a column.
 */

/** The row belongs to the commune the transaction works in. */
export const inTenant: SQL = sql`tenant_id = baan.tenant_id()`;

/** The standard tenant policy: see, add, change and remove rows of the current commune only. */
export const tenantPolicies = () => [pgPolicy('tenant_isolation', { as: 'permissive', for: 'all', to: 'public', using: inTenant, withCheck: inTenant })];

/** Rows anyone may read from any commune (published articles, approved sellers, …). */
export const publicRead = (name: string, condition: SQL) => pgPolicy(name, { as: 'permissive', for: 'select', to: 'public', using: condition });

/** Rows the signed-in person reads from every commune because they are theirs (`column` holds their user id). */
export const ownRead = (name: string, column: string) =>
  pgPolicy(name, { as: 'permissive', for: 'select', to: 'public', using: sql.raw(`${column} = baan.user_id()`) });

/**
 * A cross-commune read index (catalogue, handbook search): everyone reads every row, and rows are
 * written only inside their own commune, by the triggers that keep the index in step.
 */
export const readIndexPolicies = () => [
  publicRead('public_read', sql`true`),
  pgPolicy('tenant_insert', { as: 'permissive', for: 'insert', to: 'public', withCheck: inTenant }),
  pgPolicy('tenant_update', { as: 'permissive', for: 'update', to: 'public', using: inTenant, withCheck: inTenant }),
  pgPolicy('tenant_delete', { as: 'permissive', for: 'delete', to: 'public', using: inTenant }),
];
