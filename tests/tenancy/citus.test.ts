// Baan's schema stays distributable on Citus (ADR 013): tenant tables distributed by tenant_id,
// platform tables as reference tables. Read from the catalog, so a table, policy or foreign key
// added later is held to the same rules without anyone listing it here. Citus refuses:
// a policy with a subquery; a foreign key from a distributed table to anything but a co-located
// distributed table (sharing the distribution column) or a reference table; a foreign key from
// a reference table to a distributed one; SET NULL / SET DEFAULT on the distribution column.
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DISTRIBUTION_COLUMN, citusDistributionSql, coordinatorTables, distributedTables, referenceTables } from '#db/citus.ts';
import { communes, handbookArticles, handbookChapters, handbookTranslations, media } from '#db/schema/index.ts';
import { withTenant } from '#db/scope.ts';
import { makeCommune } from '#tests/factories/index.ts';
import { sqlStateOf } from '#tests/support/errors.ts';
import { createTestDatabase, scopeFor, type TestDatabase } from '#tests/support/db.ts';

let database: TestDatabase;
let tables: { table: string; tenant: boolean }[];
type Fk = {
  name: string;
  from: string;
  to: string;
  columns: string[];
  foreignColumns: string[];
  onDelete: string;
  onUpdate: string;
  deleteSetColumns: string[] | null;
};
let fks: Fk[];

beforeAll(async () => {
  database = await createTestDatabase();
  tables = await database.query<{ table: string; tenant: boolean }>(`
    select c.relname as table,
      exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = '${DISTRIBUTION_COLUMN}' and not a.attisdropped) as tenant
    from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = 'public' and c.relkind in ('r', 'p')
    order by 1`);
  fks = await database.query<Fk>(`
    select con.conname as name, src.relname as from, dst.relname as to,
      array(select a.attname::text from unnest(con.conkey) with ordinality k(n, i) join pg_attribute a on a.attrelid = con.conrelid and a.attnum = k.n order by k.i) as columns,
      array(select a.attname::text from unnest(con.confkey) with ordinality k(n, i) join pg_attribute a on a.attrelid = con.confrelid and a.attnum = k.n order by k.i) as "foreignColumns",
      con.confdeltype::text as "onDelete", con.confupdtype::text as "onUpdate",
      case when con.confdelsetcols is null then null else
        array(select a.attname::text from unnest(con.confdelsetcols) k(n) join pg_attribute a on a.attrelid = con.conrelid and a.attnum = k.n) end as "deleteSetColumns"
    from pg_constraint con
    join pg_class src on src.oid = con.conrelid
    join pg_class dst on dst.oid = con.confrelid
    join pg_namespace n on n.oid = src.relnamespace
    where con.contype = 'f' and n.nspname = 'public'`);
});
afterAll(async () => {
  await database.close();
});

const distributed = new Set<string>(distributedTables);
const reference = new Set<string>(referenceTables);
const coordinator = new Set<string>(coordinatorTables);

describe('Citus: the plan in db/citus.ts', () => {
  it('places every table exactly once: tenant tables distributed, platform tables as reference tables, queues on the coordinator', () => {
    expect(tables.length).toBeGreaterThan(30);
    for (const { table, tenant } of tables) {
      expect
        .soft(
          [distributed, reference, coordinator].filter((list) => list.has(table)),
          `${table}: listed once in db/citus.ts`,
        )
        .toHaveLength(1);
      expect.soft(distributed.has(table), `${table}: distributed exactly when it has ${DISTRIBUTION_COLUMN}`).toBe(tenant);
    }
    const names = new Set(tables.map((t) => t.table));
    for (const table of [...distributedTables, ...referenceTables, ...coordinatorTables]) expect.soft(names.has(table), `${table}: exists`).toBe(true);
    expect(distributedTables.filter((t) => reference.has(t))).toEqual([]);
  });

  it('creates every table after the tables it references', () => {
    const order = [...referenceTables, ...coordinatorTables, ...distributedTables] as string[];
    for (const fk of fks.filter((f) => f.from !== f.to)) {
      expect.soft(order.indexOf(fk.to), `${fk.name}: ${fk.to} before ${fk.from}`).toBeLessThan(order.indexOf(fk.from));
    }
    const statements = citusDistributionSql();
    expect(statements).toHaveLength(order.length);
    expect(statements[0]).toBe("SELECT create_reference_table('public.provinces');");
    expect(statements.at(-1)).toContain(`colocate_with => 'public.${distributedTables[0]}'`);
  });
});

describe('Citus: nothing in the schema that Citus refuses', () => {
  it('has no row-level security policy with a subquery', async () => {
    const policies = await database.query<{ table: string; policy: string; subquery: boolean }>(`
      select c.relname as table, p.polname as policy,
        coalesce(p.polqual::text like '%{SUBLINK%', false) or coalesce(p.polwithcheck::text like '%{SUBLINK%', false) as subquery
      from pg_policy p join pg_class c on c.oid = p.polrelid`);
    expect(policies.length).toBeGreaterThan(40);
    for (const p of policies) expect.soft(p.subquery, `${p.table}.${p.policy}`).toBe(false);
  });

  it('references, from a tenant table, only the same commune’s rows of a tenant table, or a platform table', () => {
    const fromTenant = fks.filter((fk) => distributed.has(fk.from));
    expect(fromTenant.length).toBeGreaterThan(40);
    for (const fk of fromTenant) {
      if (reference.has(fk.to)) continue;
      expect.soft(distributed.has(fk.to), `${fk.name}: ${fk.to} is a tenant or platform table`).toBe(true);
      expect
        .soft([fk.columns[0], fk.foreignColumns[0]], `${fk.name}: ${DISTRIBUTION_COLUMN} on both sides, first`)
        .toEqual([DISTRIBUTION_COLUMN, DISTRIBUTION_COLUMN]);
    }
  });

  it('never references a tenant table from a platform table or a queue', () => {
    for (const fk of fks.filter((f) => reference.has(f.from) || coordinator.has(f.from)))
      expect.soft(distributed.has(fk.to), `${fk.name}: ${fk.from} → ${fk.to}`).toBe(false);
  });

  it('never sets the distribution column to NULL or its default through a foreign key', () => {
    const setting = (action: string) => action === 'n' || action === 'd';
    for (const fk of fks.filter((f) => distributed.has(f.from) && f.columns.includes(DISTRIBUTION_COLUMN))) {
      const onDeleteSets = setting(fk.onDelete) ? (fk.deleteSetColumns ?? fk.columns) : [];
      expect.soft(onDeleteSets, `${fk.name}: ON DELETE`).not.toContain(DISTRIBUTION_COLUMN);
      expect.soft(setting(fk.onUpdate), `${fk.name}: ON UPDATE`).toBe(false);
    }
  });
});

describe('what replaced the blockers keeps its meaning', () => {
  it('shows a translation to other communes exactly while its article is published', async () => {
    const a = await makeCommune(database);
    const b = await makeCommune(database);
    const inA = scopeFor(database, a.id, null);
    const { articleId } = await withTenant(inA, async (tx) => {
      const [chapter] = await tx
        .insert(handbookChapters)
        .values({ tenantId: a.id, pillar: 'society', position: 1, title: { vi: 'An toàn' } })
        .returning({ id: handbookChapters.id });
      const [article] = await tx
        .insert(handbookArticles)
        .values({ tenantId: a.id, chapterId: chapter!.id, slug: 'lua-dao-qua-dien-thoai' })
        .returning({ id: handbookArticles.id });
      // The app cannot publish a translation by itself: the flag is the article's.
      await tx
        .insert(handbookTranslations)
        .values({ tenantId: a.id, articleId: article!.id, locale: 'vi', title: 'Lừa đảo qua điện thoại', body: 'Nháp', articlePublished: true });
      return { articleId: article!.id };
    });
    const seenFromB = async () =>
      (
        await withTenant(scopeFor(database, b.id, null), (tx) =>
          tx.select({ title: handbookTranslations.title }).from(handbookTranslations).where(eq(handbookTranslations.articleId, articleId)),
        )
      ).map((r) => r.title);
    const publish = (published: boolean) =>
      withTenant(inA, (tx) =>
        tx
          .update(handbookArticles)
          .set({ published })
          .where(and(eq(handbookArticles.tenantId, a.id), eq(handbookArticles.id, articleId))),
      );

    expect(await seenFromB()).toEqual([]);
    await publish(true);
    expect(await seenFromB()).toEqual(['Lừa đảo qua điện thoại']);
    // A translation added to a published article is public at once.
    await withTenant(inA, (tx) => tx.insert(handbookTranslations).values({ tenantId: a.id, articleId, locale: 'en', title: 'Phone scams', body: 'Draft' }));
    expect((await seenFromB()).sort()).toEqual(['Lừa đảo qua điện thoại', 'Phone scams']);
    await publish(false);
    expect(await seenFromB()).toEqual([]);
    // Inside its own commune a draft's translations stay readable to its editors.
    const own = await withTenant(inA, (tx) => tx.select().from(handbookTranslations).where(eq(handbookTranslations.articleId, articleId)));
    expect(own).toHaveLength(2);
  });

  it('takes a commune’s cover only from its own media, and clears it when the photo goes', async () => {
    const a = await makeCommune(database);
    const b = await makeCommune(database);
    const photo = async (tenantId: string) =>
      (
        await withTenant(scopeFor(database, tenantId, null), (tx) =>
          tx.insert(media).values({ tenantId, width: 800, height: 600, variants: [], sourceType: 'image/png' }).returning({ id: media.id }),
        )
      )[0]!.id;
    const photoA = await photo(a.id);
    const photoB = await photo(b.id);
    const setCover = (id: string) =>
      withTenant(scopeFor(database, a.id, null), (tx) => tx.update(communes).set({ coverMediaId: id }).where(eq(communes.id, a.id)));
    const coverOfA = async () => (await database.db.select({ cover: communes.coverMediaId }).from(communes).where(eq(communes.id, a.id)))[0]!.cover;

    const refused = await setCover(photoB).then(
      () => undefined,
      (error: unknown) => sqlStateOf(error),
    );
    expect(refused).toBe('23503'); // foreign_key_violation, as the foreign key answered
    expect(await coverOfA()).toBeNull();
    await setCover(photoA);
    expect(await coverOfA()).toBe(photoA);
    await database.db.execute(sql`delete from media where tenant_id = ${a.id}::uuid and id = ${photoA}::uuid`);
    expect(await coverOfA()).toBeNull();
  });
});
