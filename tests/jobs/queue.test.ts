import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withTenant } from '#db/scope.ts';
import { enqueue } from '~/jobs/queue.server.ts';
import { makeCommune } from '#tests/factories/index.ts';
import { sqlStateOf } from '#tests/support/errors.ts';
import { createTestDatabase, scopeFor, type TestDatabase } from '#tests/support/db.ts';

let database: TestDatabase;
let communeA: string;
let communeB: string;
beforeAll(async () => {
  database = await createTestDatabase();
  communeA = (await makeCommune(database)).id;
  communeB = (await makeCommune(database)).id;
});
afterAll(async () => {
  await database.close();
});

const jobsNamed = (name: string) =>
  database.query<{ commune_id: string | null; key: string | null; payload: unknown }>(
    `select commune_id, key, payload from jobs where name = $1 order by created_at`,
    [name],
  );

describe('enqueue: request code adds jobs in its own transaction', () => {
  it('adds a job for its commune, or for the platform, that exists once the transaction commits', async () => {
    await withTenant(scopeFor(database, communeA, null), async (tx) => {
      await enqueue(tx, 'test.commune', { n: 1 }, { tenantId: communeA });
      await enqueue(tx, 'test.commune', { n: 2 });
    });
    expect(await jobsNamed('test.commune')).toEqual([
      { commune_id: communeA, key: null, payload: { n: 1 } },
      { commune_id: null, key: null, payload: { n: 2 } },
    ]);
  });

  it('adds nothing when the transaction rolls back', async () => {
    await expect(
      withTenant(scopeFor(database, communeA, null), async (tx) => {
        await enqueue(tx, 'test.rollback', { n: 1 }, { tenantId: communeA });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(await jobsNamed('test.rollback')).toEqual([]);
  });

  it('keeps the first of two jobs with the same kind and key', async () => {
    await withTenant(scopeFor(database, communeA, null), async (tx) => {
      await enqueue(tx, 'test.key', { n: 1 }, { tenantId: communeA, key: 'event-1:alice' });
      await enqueue(tx, 'test.key', { n: 2 }, { tenantId: communeA, key: 'event-1:alice' });
      await enqueue(tx, 'test.key', { n: 3 }, { tenantId: communeA, key: 'event-1:bob' });
    });
    expect((await jobsNamed('test.key')).map((j) => j.payload)).toEqual([{ n: 1 }, { n: 3 }]);
  });

  it('refuses a job for another commune, and lets request code read no job', async () => {
    const refused = await withTenant(scopeFor(database, communeA, null), (tx) => enqueue(tx, 'test.other', {}, { tenantId: communeB })).catch(sqlStateOf);
    expect(refused, 'new row violates row-level security policy').toBe('42501');
    const read = await withTenant(scopeFor(database, communeA, null), (tx) => tx.execute('select count(*)::int as n from jobs')).catch(sqlStateOf);
    expect(read, 'permission denied for table jobs').toBe('42501');
    expect(await jobsNamed('test.other')).toEqual([]);
  });
});
