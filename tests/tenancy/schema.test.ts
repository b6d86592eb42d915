import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_ROLE } from '#db/scope.ts';
import { createTestDatabase, type TestDatabase } from '#tests/support/db.ts';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.close();
});

type TableRow = { table: string; rls: boolean; forced: boolean; owner: string };

async function tenantTables(): Promise<TableRow[]> {
  return database.query<TableRow>(`
    select c.relname as table, c.relrowsecurity as rls, c.relforcerowsecurity as forced, pg_get_userbyid(c.relowner) as owner
    from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = 'public' and c.relkind = 'r'
      and exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'tenant_id' and not a.attisdropped)
    order by 1`);
}

describe('tenant schema (the rules every tenant table must keep)', () => {
  it('knows the tenant tables of the foundation', async () => {
    const names = (await tenantTables()).map((t) => t.table);
    expect(names).toEqual(expect.arrayContaining(['outbox_events', 'invitations', 'media', 'memberships']));
  });

  it('has row-level security enabled and forced, with at least one policy, on every tenant table', async () => {
    const policies = await database.query<{ table: string; n: number }>(
      `select tablename as table, count(*)::int as n from pg_policies where schemaname = 'public' group by 1`,
    );
    for (const table of await tenantTables()) {
      expect.soft(table.rls, `${table.table}: RLS enabled`).toBe(true);
      expect.soft(table.forced, `${table.table}: RLS forced`).toBe(true);
      expect.soft(policies.find((p) => p.table === table.table)?.n ?? 0, `${table.table}: policies`).toBeGreaterThan(0);
    }
  });

  it('starts every primary and unique key of a tenant table with tenant_id (Citus-compatible)', async () => {
    const keys = await database.query<{ table: string; index: string; first: string }>(`
      select c.relname as table, i.relname as index, a.attname as first
      from pg_index x
      join pg_class c on c.oid = x.indrelid
      join pg_class i on i.oid = x.indexrelid
      join pg_namespace n on n.oid = c.relnamespace
      left join pg_attribute a on a.attrelid = c.oid and a.attnum = x.indkey[0]
      where n.nspname = 'public' and (x.indisunique or x.indisprimary)`);
    const tables = new Set((await tenantTables()).map((t) => t.table));
    const tenantKeys = keys.filter((k) => tables.has(k.table));
    expect(tenantKeys.length).toBeGreaterThanOrEqual(tables.size);
    for (const key of tenantKeys) expect.soft(key.first, `${key.table}.${key.index}`).toBe('tenant_id');
  });

  it('references other tenant tables with composite (tenant_id, …) foreign keys', async () => {
    const fks = await database.query<{ name: string; from: string; to: string; columns: string[] }>(`
      select con.conname as name, src.relname as from, dst.relname as to,
        array(select a.attname::text from unnest(con.conkey) k join pg_attribute a on a.attrelid = con.conrelid and a.attnum = k) as columns
      from pg_constraint con
      join pg_class src on src.oid = con.conrelid
      join pg_class dst on dst.oid = con.confrelid
      where con.contype = 'f'`);
    const tables = new Set((await tenantTables()).map((t) => t.table));
    const between = fks.filter((fk) => tables.has(fk.from) && tables.has(fk.to));
    expect(between.length).toBeGreaterThan(0);
    for (const fk of between) expect.soft(fk.columns[0], fk.name).toBe('tenant_id');
  });

  it('runs request code as a role that is not owner, superuser or BYPASSRLS', async () => {
    const [role] = await database.query<{ rolsuper: boolean; rolbypassrls: boolean }>(`select rolsuper, rolbypassrls from pg_roles where rolname = $1`, [
      APP_ROLE,
    ]);
    expect(role).toEqual({ rolsuper: false, rolbypassrls: false });
    for (const table of await tenantTables()) expect(table.owner).not.toBe(APP_ROLE);
    const owned = await database.query(`select 1 from pg_class where relowner = (select oid from pg_roles where rolname = $1)`, [APP_ROLE]);
    expect(owned).toHaveLength(0);
  });

  it('has the search extensions on the database', async () => {
    const extensions = await database.query<{ extname: string }>(`select extname from pg_extension`);
    expect(extensions.map((e) => e.extname)).toEqual(expect.arrayContaining(['pg_trgm', 'unaccent']));
    const [row] = await database.query<{ folded: string }>(`select baan_unaccent('Chè Shan Tuyết Đồng Văn') as folded`);
    expect(row!.folded).toBe('Che Shan Tuyet Dong Van');
  });
});
