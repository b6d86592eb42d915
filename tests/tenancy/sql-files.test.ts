// The trigger and function bodies in db/sql are applied after the migrations, once per version
// of each file (decision 013): a second start changes nothing, an edited file is applied again.
import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '#tests/support/db.ts';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.close();
});

const apply = (folder?: string) => database.applySql(folder);

describe('db/sql: trigger bodies applied after the migrations', () => {
  it('has applied every file of db/sql to the migrated database, and has nothing left to apply', async () => {
    const recorded = await database.query<{ name: string }>('select name from baan.sql_files order by name');
    expect(recorded.map((r) => r.name)).toEqual(expect.arrayContaining(['handbook-published.sql', 'handbook-search.sql', 'product-search.sql']));
    expect(await apply()).toEqual([]);
  });

  it('applies a new or edited file once, and only that file', async () => {
    const folder = await mkdtemp(path.join(os.tmpdir(), 'baan-sql-'));
    const file = path.join(folder, 'zz-answer.sql');
    await writeFile(file, 'CREATE OR REPLACE FUNCTION baan.test_answer() RETURNS int LANGUAGE sql AS $$ SELECT 41 $$;\n');
    expect(await apply(folder)).toEqual(['zz-answer.sql']);
    expect(await apply(folder)).toEqual([]);
    await writeFile(file, 'CREATE OR REPLACE FUNCTION baan.test_answer() RETURNS int LANGUAGE sql AS $$ SELECT 42 $$;\n');
    expect(await apply(folder)).toEqual(['zz-answer.sql']);
    const [row] = await database.query<{ answer: number }>('select baan.test_answer() as answer');
    expect(row!.answer).toBe(42);
  });

  it('keeps a failing file unrecorded, with nothing of it applied', async () => {
    const folder = await mkdtemp(path.join(os.tmpdir(), 'baan-sql-'));
    await writeFile(
      path.join(folder, 'zz-broken.sql'),
      'CREATE OR REPLACE FUNCTION baan.test_broken() RETURNS int LANGUAGE sql AS $$ SELECT 1 $$;\nSELECT no_such_column FROM baan.sql_files;\n',
    );
    await expect(apply(folder)).rejects.toThrow();
    expect(await database.query(`select 1 from baan.sql_files where name = 'zz-broken.sql'`)).toEqual([]);
    expect(await database.query(`select 1 from pg_proc where proname = 'test_broken'`)).toEqual([]);
  });
});
