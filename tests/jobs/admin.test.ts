import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jobsOverview, outboxFailuresOverview, PROBLEM_PAGE_SIZE, retryJob } from '~/jobs/admin.server.ts';
import { enqueue } from '~/jobs/queue.server.ts';
import { makeCommune } from '#tests/factories/index.ts';
import { createTestDatabase, type TestDatabase } from '#tests/support/db.ts';

let database: TestDatabase;
let commune: { id: string; slug: string };
beforeAll(async () => {
  database = await createTestDatabase();
  commune = await makeCommune(database);
});
afterAll(async () => {
  await database.close();
});

const stateOf = async (id: string) => (await database.query<{ state: string; attempts: number }>(`select state, attempts from jobs where id = $1`, [id]))[0];

describe('the operator’s view of the queue', () => {
  it('counts jobs by kind and state, and lists failed and dead ones with their error and commune', async () => {
    await database.query(
      `insert into jobs (name, payload, state, attempts, max_attempts, last_error, commune_id) values
      ('mail.send', '{}', 'dead', 8, 8, 'mailbox unavailable', $1),
      ('mail.send', '{}', 'done', 1, 8, null, null),
      ('sms.send', '{}', 'failed', 2, 8, 'gateway timeout', null),
      ('sms.send', '{}', 'queued', 0, 8, null, null)`,
      [commune.id],
    );
    const overview = await jobsOverview(database.db);
    expect(overview.kinds).toEqual([
      { name: 'mail.send', counts: { queued: 0, running: 0, failed: 0, done: 1, dead: 1 }, total: 2 },
      { name: 'sms.send', counts: { queued: 1, running: 0, failed: 1, done: 0, dead: 0 }, total: 2 },
    ]);
    expect(overview.totals).toEqual({ queued: 1, running: 0, failed: 1, done: 1, dead: 1 });
    expect(overview.problems.map((p) => [p.name, p.state, p.lastError, p.commune, p.attempts, p.maxAttempts]).sort()).toEqual([
      ['mail.send', 'dead', 'mailbox unavailable', commune.slug, 8, 8],
      ['sms.send', 'failed', 'gateway timeout', null, 2, 8],
    ]);
    expect(overview.hasMore).toBe(false);
  });

  it('pages the failed and dead jobs', async () => {
    await database.query(
      `insert into jobs (name, payload, state, attempts, last_error) select 'test.many', '{}', 'dead', 8, 'no' from generate_series(1, ${PROBLEM_PAGE_SIZE})`,
    );
    const first = await jobsOverview(database.db, 1);
    expect(first.problems).toHaveLength(PROBLEM_PAGE_SIZE);
    expect(first.hasMore).toBe(true);
    const second = await jobsOverview(database.db, 2);
    expect(second.problems).toHaveLength(2);
    expect(second.hasMore).toBe(false);
  });

  it('puts a dead job back in the queue, due now, with its attempts afresh; refuses others', async () => {
    const [dead] = await database.query<{ id: string }>(`select id from jobs where name = 'mail.send' and state = 'dead'`);
    expect(await retryJob(database.db, dead!.id)).toBe(true);
    expect(await stateOf(dead!.id)).toEqual({ state: 'queued', attempts: 0 });
    // Queued already: nothing to retry.
    expect(await retryJob(database.db, dead!.id)).toBe(false);
    expect(await retryJob(database.db, '00000000-0000-4000-8000-000000000000')).toBe(false);
  });

  it('removes a recurring job rather than queue it twice when its twin already waits', async () => {
    await enqueue(database.db, 'test.recurring', {}, { key: 'x', keyScope: 'queued' });
    const [failed] = await database.query<{ id: string }>(
      `insert into jobs (name, key, key_scope, payload, state, attempts) values ('test.recurring', 'x', 'queued', '{}', 'failed', 1) returning id`,
    );
    expect(await retryJob(database.db, failed!.id)).toBe(true);
    expect(await database.query(`select state from jobs where name = 'test.recurring'`)).toEqual([{ state: 'queued' }]);
  });

  it('lists the outbox events consumers failed on in every commune, waiting ones first', async () => {
    expect(await outboxFailuresOverview(database.db)).toEqual([]);
    const other = await makeCommune(database);
    await database.query(
      `insert into outbox_failures (tenant_id, consumer, event_id, seq, attempts, last_error, next_attempt_at, parked_at) values
        ($1, 'notify.inbox', gen_random_uuid(), 7, 6, 'template missing', now(), now()),
        ($2, 'notify.mail', gen_random_uuid(), 3, 2, 'no address', '2026-12-05T12:00:00Z', null)`,
      [commune.id, other.id],
    );
    expect(await outboxFailuresOverview(database.db)).toEqual([
      {
        communeId: other.id,
        commune: other.slug,
        eventId: expect.stringMatching(/^[0-9a-f-]{36}$/),
        consumer: 'notify.mail',
        seq: 3,
        attempts: 2,
        lastError: 'no address',
        parked: false,
        nextAttemptAt: '2026-12-05T12:00:00.000Z',
      },
      expect.objectContaining({ commune: commune.slug, consumer: 'notify.inbox', seq: 7, attempts: 6, lastError: 'template missing', parked: true }),
    ]);
  });
});
