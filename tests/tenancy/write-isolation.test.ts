// Every table with a tenant_id, found in the catalog (so a table added later is covered without
// anyone listing it), probed in the database itself as the app role: acting in commune B, no
// row can be written into commune A, and none of A's rows can be changed or deleted. The
// feature tests prove the same through the services; these prove it holds even for code that
// forgets its `where tenant_id = …`.
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { communes } from '#db/schema/index.ts';
import { seedDemo } from '#db/seed/demo.ts';
import { withTenant } from '#db/scope.ts';
import { sqlStateOf } from '#tests/support/errors.ts';
import { createTestDatabase, scopeFor, type TestDatabase } from '#tests/support/db.ts';

let database: TestDatabase;
let a: string;
let b: string;
let tables: string[];

beforeAll(async () => {
  database = await createTestDatabase();
  await seedDemo(database); // communes with handbooks, shops, products, places and events
  const idOf = async (slug: string) => (await database.db.select({ id: communes.id }).from(communes).where(eq(communes.slug, slug)))[0]!.id;
  a = await idOf('ta-van');
  b = await idOf('gia-phu');
  tables = (
    await database.query<{ table: string }>(`
      select c.relname as table from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relkind = 'r'
        and exists (select 1 from pg_attribute x where x.attrelid = c.oid and x.attname = 'tenant_id' and not x.attisdropped)
      order by 1`)
  ).map((r) => r.table);
});
afterAll(async () => {
  await database.close();
});

const ROLLBACK = new Error('rollback');

/** Runs one statement as the app role in `tenant`, always rolled back: its row count, or the SQLSTATE it failed with. */
async function probe(tenant: string, statement: ReturnType<typeof sql>): Promise<{ rows: number } | { code: string }> {
  let rows = 0;
  try {
    await withTenant(scopeFor(database, tenant, null), async (tx) => {
      const result = await tx.execute(statement);
      rows = Array.isArray(result) ? result.length : ((result as { rows?: unknown[] }).rows?.length ?? 0);
      throw ROLLBACK;
    });
  } catch (error) {
    if (error === ROLLBACK) return { rows };
    return { code: sqlStateOf(error) ?? String(error) };
  }
  throw new Error('unreachable');
}

const INSUFFICIENT_PRIVILEGE = '42501'; // "new row violates row-level security policy" or "permission denied"

describe('write isolation on every tenant table, in the database', () => {
  it('finds the tenant tables of every part of Baan', () => {
    expect(tables).toEqual(
      expect.arrayContaining([
        'memberships',
        'handbook_articles',
        'products',
        'orders',
        'seller_payouts',
        'seller_consent_requests',
        'places',
        'inquiries',
        'product_search',
      ]),
    );
  });

  it('refuses a row written into commune A while acting in B, and only because of the commune', async () => {
    for (const table of tables) {
      // No RETURNING: a table the commune may add to but not read (a person's notifications) would
      // refuse the RETURNING, not the row.
      const insert = sql`insert into ${sql.identifier(table)} (tenant_id) values (${a}::uuid)`;
      const fromB = await probe(b, insert);
      expect.soft(fromB, `${table}: written into A from B`).toEqual({ code: INSUFFICIENT_PRIVILEGE });
      // The same statement in A gets past row-level security (it then lacks its other columns, or is
      // refused by an append-only rule the app role has everywhere): the refusal above was the commune's.
      const fromA = await probe(a, insert);
      expect.soft(fromA, `${table}: control in A`).not.toEqual({ code: INSUFFICIENT_PRIVILEGE });
    }
  });

  it('hides A’s rows from updates and deletes made in B, on every table that has some', async () => {
    let probed = 0;
    for (const table of tables) {
      const [owned] = await database.query<{ n: number }>(`select count(*)::int as n from "${table}" where tenant_id = $1`, [a]);
      if (!owned!.n) continue; // no demo rows in A here: the insert probe and the feature tests cover it
      probed++;
      for (const verb of ['update', 'delete'] as const) {
        const statement = (
          verb === 'update' ? sql`update ${sql.identifier(table)} set tenant_id = tenant_id` : sql`delete from ${sql.identifier(table)}`
        ).append(sql` where tenant_id = ${a}::uuid returning 1`);
        // The control first: in A the statement reaches all of A's rows (or trips over a key or
        // constraint of theirs, which is reaching them too), unless the table is append-only for
        // the app role and refuses it everywhere.
        const inA = await probe(a, statement);
        const appendOnly = 'code' in inA && inA.code === INSUFFICIENT_PRIVILEGE;
        if ('rows' in inA) expect.soft(inA.rows, `${table}: ${verb} in A`).toBe(owned!.n);
        expect.soft(await probe(b, statement), `${table}: ${verb} from B`).toEqual(appendOnly ? { code: INSUFFICIENT_PRIVILEGE } : { rows: 0 });
      }
    }
    expect(probed).toBeGreaterThanOrEqual(15);
  });
});
