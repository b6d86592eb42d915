import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFeedsJob, importFeedsSchedule } from '~/handbook/feed-schedule.server.ts';
import { addFeed, listNews } from '~/handbook/news.server.ts';
import { cleanupJob } from '~/jobs/cleanup.server.ts';
import { defineJob } from '~/jobs/queue.server.ts';
import { defineSchedule, enqueueDueSchedules, forgetEnqueuedSlots, slotStart } from '~/jobs/schedules.server.ts';
import { createWorker } from '~/jobs/worker.server.ts';
import { resetEnv } from '~/lib/env.server.ts';
import { makeCommune, makeCommuneWithMember } from '#tests/factories/index.ts';
import { createTestDatabase, scopeFor, type TestDatabase } from '#tests/support/db.ts';
import { permitted } from '#tests/support/permissions.ts';

let database: TestDatabase;
let server: Server;
let base: string;
const feedBody = `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Báo Lào Cai</title><link>https://baolaocai.example.vn/</link>
<item><title>Phiên chợ mới</title><link>https://baolaocai.example.vn/cho</link><guid>cho-1</guid></item></channel></rss>`;

beforeAll(async () => {
  process.env.OUTBOUND_ALLOW_HOSTS = '127.0.0.1';
  resetEnv();
  server = createServer((_req, res) => void res.writeHead(200, { 'Content-Type': 'application/rss+xml' }).end(feedBody));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  database = await createTestDatabase();
});
afterAll(async () => {
  delete process.env.OUTBOUND_ALLOW_HOSTS;
  resetEnv();
  server.close();
  await database.close();
});

const runs: (string | null)[] = [];
const tickJob = defineJob<Record<string, never>>({
  name: 'test.every-five',
  async handler({ tenantId }) {
    runs.push(tenantId);
  },
});
defineSchedule({ name: 'test.every-five', every: 5, at: 1, job: tickJob });
const perCommuneJob = defineJob<Record<string, never>>({
  name: 'test.per-commune',
  async handler({ tenantId }) {
    runs.push(tenantId);
  },
});
defineSchedule({ name: 'test.per-commune', every: 'day', at: 120, job: perCommuneJob, perCommune: true });

const jobsNamed = (name: string) =>
  database.query<{ key: string; state: string; commune_id: string | null }>(`select key, state, commune_id from jobs where name = $1 order by key`, [name]);
const worker = (id: string) => createWorker({ db: database.db, id, schedules: false, concurrency: 2 });

describe('schedules', () => {
  it('places slots in UTC periods, at their offset', () => {
    const now = new Date('2026-12-05T10:33:20Z');
    expect(slotStart({ every: 'minute' }, now)?.toISOString()).toBe('2026-12-05T10:33:00.000Z');
    expect(slotStart({ every: 'hour', at: 17 }, now)?.toISOString()).toBe('2026-12-05T10:17:00.000Z');
    expect(slotStart({ every: 'hour', at: 40 }, now)?.toISOString()).toBe('2026-12-05T09:40:00.000Z');
    expect(slotStart({ every: 'day', at: 120 }, now)?.toISOString()).toBe('2026-12-05T02:00:00.000Z');
    expect(slotStart({ every: 5, at: 1 }, now)?.toISOString()).toBe('2026-12-05T10:31:00.000Z');
    expect(slotStart({ every: () => null }, now)).toBeNull();
  });

  it('runs a slot once however many workers tick, and again in the next slot only', async () => {
    const now = new Date('2026-12-05T10:33:20Z');
    // Two processes tick in the same slot (each with its own memory of what it enqueued).
    await Promise.all([enqueueDueSchedules(database.db, now), (async () => (forgetEnqueuedSlots(database.db), enqueueDueSchedules(database.db, now)))()]);
    forgetEnqueuedSlots(database.db);
    await enqueueDueSchedules(database.db, new Date('2026-12-05T10:35:59Z'));
    expect(await jobsNamed('test.every-five')).toEqual([{ key: 'test.every-five:2026-12-05T10:31:00.000Z', state: 'queued', commune_id: null }]);
    await Promise.all([worker('a').drain(), worker('b').drain()]);
    expect(runs.filter((r) => r === null)).toHaveLength(1);
    // The slot is done; a worker starting later in it does not run it again.
    forgetEnqueuedSlots(database.db);
    await enqueueDueSchedules(database.db, now);
    expect(await worker('c').drain()).toBe(0);
    // The next slot runs.
    await enqueueDueSchedules(database.db, new Date('2026-12-05T10:36:00Z'));
    expect(await worker('c').drain()).toBeGreaterThanOrEqual(1);
    expect((await jobsNamed('test.every-five')).map((j) => j.key)).toEqual([
      'test.every-five:2026-12-05T10:31:00.000Z',
      'test.every-five:2026-12-05T10:36:00.000Z',
    ]);
  });

  it('enqueues a per-commune schedule once for each commune, run inside it', async () => {
    const a = await makeCommune(database);
    const b = await makeCommune(database);
    runs.length = 0;
    forgetEnqueuedSlots(database.db);
    await enqueueDueSchedules(database.db, new Date('2026-12-05T10:00:00Z'));
    forgetEnqueuedSlots(database.db);
    await enqueueDueSchedules(database.db, new Date('2026-12-05T11:00:00Z'));
    const rows = (await jobsNamed('test.per-commune')).filter((j) => j.commune_id === a.id || j.commune_id === b.id);
    expect(rows.map((j) => j.key).sort()).toEqual(
      [`test.per-commune:2026-12-05T02:00:00.000Z:${a.id}`, `test.per-commune:2026-12-05T02:00:00.000Z:${b.id}`].sort(),
    );
    await worker('d').drain();
    expect(runs).toEqual(expect.arrayContaining([a.id, b.id]));
  });

  it('imports due feeds as the hourly handbook.import-feeds job', async () => {
    expect(importFeedsSchedule.job).toBe(importFeedsJob);
    const { commune, user } = await makeCommuneWithMember(database, 'official');
    const scope = permitted({ ...scopeFor(database, commune.id, user.id), tenantId: commune.id, userId: user.id }, ['news.manage'], { roles: ['official'] });
    await addFeed(scope, `${base}/tin.rss`);
    forgetEnqueuedSlots(database.db);
    await enqueueDueSchedules(database.db, new Date());
    const key = `handbook.import-feeds:${slotStart(importFeedsSchedule as never)!.toISOString()}`;
    const current = async () => (await jobsNamed('handbook.import-feeds')).filter((j) => j.key === key);
    expect(await current()).toMatchObject([{ state: 'queued' }]);
    await worker('e').drain();
    expect(await current()).toMatchObject([{ state: 'done' }]);
    expect((await listNews(scope)).map((n) => n.title)).toEqual(['Phiên chợ mới']);
  });

  it('removes done jobs older than a week, and keeps failed and dead ones (jobs.cleanup)', async () => {
    await database.query(`insert into jobs (name, key, payload, state, finished_at) values
      ('test.old', 'done-old', '{}', 'done', now() - interval '8 days'),
      ('test.old', 'done-new', '{}', 'done', now() - interval '1 day'),
      ('test.old', 'dead-old', '{}', 'dead', now() - interval '30 days'),
      ('test.old', 'failed-old', '{}', 'failed', null)`);
    await database.query(`update jobs set run_at = now() + interval '1 hour' where key = 'failed-old'`);
    await cleanupJob.handler({ db: database.db, tenantId: null, payload: {}, attempt: 1, jobId: 'x', signal: new AbortController().signal });
    expect((await jobsNamed('test.old')).map((j) => j.key)).toEqual(['dead-old', 'done-new', 'failed-old']);
  });
});
