// The two doors to tenant data (db/scope.ts): withTenant for work that writes, readTenant for
// the public pages' reads. On server Postgres both send BEGIN and the role and tenant settings
// with the work's first statement, and readTenant does not wait for its COMMIT; these tests
// prove that the settings always apply, never leak to the next user of a connection, and that
// a read cannot write.
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, rowsOf, type Database } from '#db/client.ts';
import { communes, products } from '#db/schema/index.ts';
import { seedDemo } from '#db/seed/demo.ts';
import { readTenant, withTenant } from '#db/scope.ts';
import { sqlStateOf } from '#tests/support/errors.ts';
import { createTestDatabase, scopeFor, type TestDatabase } from '#tests/support/db.ts';

let database: TestDatabase;
let a: string;
let b: string;

beforeAll(async () => {
  database = await createTestDatabase();
  await seedDemo(database);
  const idOf = async (slug: string) => (await database.db.select({ id: communes.id }).from(communes).where(eq(communes.slug, slug)))[0]!.id;
  a = await idOf('ta-van');
  b = await idOf('gia-phu');
});
afterAll(async () => {
  await database.close();
});

/**
 * A pool of its own with `max` connections on the test's server database, so a test controls
 * which transactions share a connection; on PGlite, the test database (one connection already).
 */
async function poolOf(max: number): Promise<Database> {
  const url = process.env.DATABASE_URL;
  if (!url) return database;
  const parsed = new URL(url);
  parsed.pathname = `/${database.name}`;
  return openDatabase({ databaseUrl: parsed.toString(), max });
}

const whoAmI = sql`select current_user as role, nullif(current_setting('app.tenant_id', true), '') as tenant, (select count(*)::int from products) as products`;
type Who = { role: string; tenant: string | null; products: number };

describe('readTenant', () => {
  it('reads as the app role, in its commune only', async () => {
    const [who] = rowsOf<Who>(await readTenant(scopeFor(database, a, null), (tx) => tx.execute(whoAmI)));
    expect(who).toMatchObject({ role: 'baan_app', tenant: a });
    expect(who!.products).toBeGreaterThan(0);
  });

  it('cannot write: the statement fails and nothing changes', async () => {
    const stock = async () => (await database.query<{ s: number }>(`select sum(stock)::int as s from products where tenant_id = $1`, [a]))[0]!.s;
    const before = await stock();
    let caught: unknown;
    try {
      await readTenant(scopeFor(database, a, null), (tx) => tx.update(products).set({ stock: sql`${products.stock} + 1` }));
    } catch (error) {
      caught = error;
    }
    expect(sqlStateOf(caught)).toBe('25006'); // read_only_sql_transaction
    expect(await stock()).toBe(before);
  });
});

describe('on one connection, one request after another', () => {
  // A pool of one connection (server Postgres), so each transaction reuses the last one's
  // connection right away: a COMMIT not waited for, or settings left behind, would show here.
  let single: Database;
  beforeAll(async () => {
    single = await poolOf(1);
  });
  afterAll(async () => {
    if (single !== database) await single.close();
  });

  it('each transaction sees its own settings, and none survive it', async () => {
    const scope = (tenant: string) => ({ db: single.db, tenantId: tenant, userId: null });
    const runs = Array.from({ length: 30 }, (_, i) => {
      const tenant = i % 2 ? a : b;
      const run = i % 3 ? readTenant : withTenant;
      return run(scope(tenant), (tx) => tx.execute(whoAmI)).then((result) => ({ tenant, who: rowsOf<Who>(result)[0]! }));
    });
    for (const { tenant, who } of await Promise.all(runs)) {
      expect(who.role).toBe('baan_app');
      expect(who.tenant).toBe(tenant);
    }
    // Back on the owner's plain connection: no role, no tenant left over.
    const [after] = await single.query<{ role: string; tenant: string | null }>(
      `select current_user as role, nullif(current_setting('app.tenant_id', true), '') as tenant`,
    );
    expect(after!.role).not.toBe('baan_app');
    expect(after!.tenant).toBeNull();
  });

  it('a statement run again is not parsed again, and is planned for its values each time', async () => {
    // On server Postgres the work's statements are named, so postgres.js sends each shape once
    // per connection, and plan_cache_mode (set with the tenant) keeps Postgres from settling on
    // one generic plan. PGlite runs statements in this process and names none.
    const scope = { db: single.db, tenantId: a, userId: null };
    const marked = (n: number) => sql`select ${n}::int as n, current_setting('plan_cache_mode') as mode /* baan-named-check */`;
    const named = sql`select count(*)::int as count from pg_prepared_statements where statement like '%baan-named-check%'`;
    for (let n = 0; n < 8; n++) {
      const [row] = rowsOf<{ n: number; mode: string }>(await readTenant(scope, (tx) => tx.execute(marked(n))));
      expect(row!.n).toBe(n);
      expect(row!.mode).toBe('force_custom_plan');
    }
    const [count] = rowsOf<{ count: number }>(await readTenant(scope, (tx) => tx.execute(named)));
    expect(count!.count).toBe(process.env.DATABASE_URL ? 1 : 0);
  });

  it('a write after a read is committed, and a failed write leaves nothing', async () => {
    const scope = { db: single.db, tenantId: a, userId: null };
    const [product] = await readTenant(scope, (tx) => tx.select({ id: products.id, stock: products.stock }).from(products).limit(1));
    await withTenant(scope, (tx) =>
      tx
        .update(products)
        .set({ stock: product!.stock + 5 })
        .where(eq(products.id, product!.id)),
    );
    await expect(
      withTenant(scope, async (tx) => {
        await tx.update(products).set({ stock: 0 }).where(eq(products.id, product!.id));
        throw new Error('refused after the update');
      }),
    ).rejects.toThrow('refused after the update');
    const [now] = await database.query<{ stock: number }>(`select stock from products where id = $1`, [product!.id]);
    expect(now!.stock).toBe(product!.stock + 5);
    // A read on the same connection right after sees the committed write, not the failed one.
    const [read] = await readTenant(scope, (tx) => tx.select({ stock: products.stock }).from(products).where(eq(products.id, product!.id)));
    expect(read!.stock).toBe(product!.stock + 5);
  });
});

describe("many reads at once on a small pool, with the pool's other statements among them", () => {
  // A read's COMMIT is not waited for, but its connection must not go back to the pool before
  // it is sent: postgres.js queues a reserved connection's statements while it is busy (a
  // statement it has not seen is described first), and a release dropped that queue, so the
  // pool's next statements ran inside a read that never ended: read-only, as the app role.
  // This happened under load on server Postgres (the job worker's claim failed with "read-only
  // transaction", writes after it with "transaction is aborted").
  let small: Database;
  beforeAll(async () => {
    small = await poolOf(2);
  });
  afterAll(async () => {
    if (small !== database) await small.close();
  });

  it('every pool statement runs outside any read, as the owner, with no commune set', async () => {
    const scope = { db: small.db, tenantId: a, userId: null };
    const reads: Promise<number>[] = [];
    const outside: Promise<{ role: string; tenant: string | null; readOnly: string }[]>[] = [];
    for (let i = 0; i < 600; i++) {
      // A new statement text with a parameter each time: described before it runs.
      reads.push(
        readTenant(scope, async (tx) => {
          const rows = rowsOf<{ n: number }>(await tx.execute(sql`select count(*)::int + ${i} as n from products`.append(sql.raw(` /* read ${i} */`))));
          return rows[0]!.n - i;
        }),
      );
      if (i % 3 === 0) {
        outside.push(
          small.query(
            `select current_user as role, nullif(current_setting('app.tenant_id', true), '') as tenant, current_setting('transaction_read_only') as "readOnly"`,
          ),
        );
      }
    }
    const counts = await Promise.all(reads);
    const [first] = await readTenant(scope, async (tx) => rowsOf<{ n: number }>(await tx.execute(sql`select count(*)::int as n from products`)));
    expect(new Set(counts)).toEqual(new Set([first!.n]));
    const seen = (await Promise.all(outside)).map((rows) => rows[0]!);
    expect(seen).toHaveLength(200);
    for (const row of seen) expect(row).toEqual({ role: expect.not.stringMatching(/^baan_app$/), tenant: null, readOnly: 'off' });
  });
});

describe('when Postgres ends a connection in the middle of a transaction', () => {
  // A restart, a fail-over or pg_terminate_backend. On server Postgres the transaction fails with
  // the connection's error, the connection is not given back (postgres.js has already taken it
  // back as closed: a ROLLBACK or release on it would end the process), and the pool goes on.
  // PGlite runs in this process and has no connection to lose: the same calls show that a
  // failing transaction leaves the database answering.
  let small: Database;
  beforeAll(async () => {
    small = await poolOf(2);
  });
  afterAll(async () => {
    if (small !== database) await small.close();
  });

  const endMidway = async (tx: Parameters<Parameters<typeof withTenant>[1]>[0]) => {
    if (small === database) throw new Error('ended midway');
    const [{ pid }] = rowsOf<{ pid: number }>(await tx.execute(sql`select pg_backend_pid() as pid`)) as [{ pid: number }];
    const ending = new Promise((r) => setTimeout(r, 150)).then(() => database.query('select pg_terminate_backend($1)', [pid]));
    try {
      await tx.execute(sql`select pg_sleep(5)`);
    } finally {
      await ending;
    }
  };

  it.each([
    ['a write', withTenant],
    ['a read', readTenant],
  ] as const)('%s fails with the connection, and the pool goes on answering', async (_, run) => {
    const scope = { db: small.db, tenantId: a, userId: null };
    await expect(run(scope, endMidway)).rejects.toThrow();
    // postgres.js 3.4.9 keeps the ended session's last error (57P01, "terminating connection due
    // to administrator command") and fails the first statement of the reconnected connection
    // with it: one statement, once, then it answers. Anything else fails the test.
    let stale = 0;
    const once = async <T>(statement: () => Promise<T>): Promise<T> => {
      try {
        return await statement();
      } catch (error) {
        const code = (error as { code?: string; cause?: { code?: string } }).cause?.code ?? (error as { code?: string }).code;
        if (code !== '57P01' || small === database || ++stale > 1) throw error;
        return statement();
      }
    };
    for (let i = 0; i < 6; i++) {
      const [who] = await once(() => readTenant(scope, async (tx) => rowsOf<Who>(await tx.execute(whoAmI))));
      expect(who!.tenant).toBe(a);
      const [plain] = await once(() => small.query<{ one: number }>('select 1 as one'));
      expect(plain!.one).toBe(1);
    }
    expect(stale).toBeLessThanOrEqual(1);
  });
});
