import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '#db/client.ts';
import { withTenant } from '#db/scope.ts';
import { defineJob, enqueue, inJobCommune, PermanentJobError } from '~/jobs/queue.server.ts';
import { hostname } from 'node:os';
import { backoffMs, createWorker, reclaimFromDeadWorkers, startWorker, stopWorker } from '~/jobs/worker.server.ts';
import { makeCommune } from '#tests/factories/index.ts';
import { createTestDatabase, scopeFor, type TestDatabase } from '#tests/support/db.ts';

let database: TestDatabase;
let communeA: string;
beforeAll(async () => {
  database = await createTestDatabase();
  communeA = (await makeCommune(database)).id;
});
afterAll(async () => {
  await database.close();
});

type JobRow = { id: string; state: string; attempts: number; last_error: string | null; locked_by: string | null; due_in_ms: number; key: string | null };
const jobsNamed = (name: string) =>
  database.query<JobRow>(
    `select id, state, attempts, last_error, locked_by, key, (extract(epoch from (run_at - now())) * 1000)::int as due_in_ms from jobs where name = $1 order by created_at, key`,
    [name],
  );
const add = (name: string, payload: Record<string, unknown> = {}, options: Parameters<typeof enqueue>[3] = {}) => enqueue(database.db, name, payload, options);
const makeDue = (name: string) => database.query(`update jobs set run_at = now() - interval '1 second' where name = $1`, [name]);
const worker = (options: Partial<Parameters<typeof createWorker>[0]> = {}) => createWorker({ db: database.db, schedules: false, ...options });

const ran: { n: number; by: string }[] = [];
const countJob = defineJob<{ n: number }>({
  name: 'test.count',
  async handler({ payload, jobId }) {
    await new Promise((resolve) => setTimeout(resolve, 5));
    ran.push({ n: payload.n, by: jobId });
  },
});

const failing = defineJob<Record<string, never>>({
  name: 'test.failing',
  maxAttempts: 2,
  async handler() {
    throw new Error('the mail server said no');
  },
});

const permanent = defineJob<Record<string, never>>({
  name: 'test.permanent',
  async handler() {
    throw new PermanentJobError('the address does not exist');
  },
});

let release: (() => void) | undefined;
const hanging = defineJob<Record<string, never>>({
  name: 'test.hanging',
  timeoutMs: 60_000,
  async handler({ signal }) {
    await new Promise<void>((resolve, reject) => {
      release = resolve;
      signal.addEventListener('abort', () => reject(new Error('aborted')));
    });
  },
});

const settings: unknown[] = [];
defineJob<Record<string, never>>({
  name: 'test.in-commune',
  async handler(context) {
    settings.push(...rowsOf(await inJobCommune(context, (tx) => tx.execute(sql`select current_user as who, current_setting('app.tenant_id') as tenant`))));
  },
});

describe('the worker', () => {
  it('runs every job once with two workers taking from one table', async () => {
    for (let n = 0; n < 24; n++) await add(countJob.name, { n });
    const one = worker({ concurrency: 3, id: 'one' });
    const two = worker({ concurrency: 3, id: 'two' });
    const [a, b] = await Promise.all([one.drain(), two.drain()]);
    expect(a + b).toBe(24);
    expect(ran.map((r) => r.n).sort((x, y) => x - y)).toEqual(Array.from({ length: 24 }, (_, n) => n));
    expect(new Set(ran.map((r) => r.by)).size).toBe(24);
    const rows = await jobsNamed(countJob.name);
    expect(rows.every((r) => r.state === 'done' && r.attempts === 1 && r.locked_by === null)).toBe(true);
  });

  it('retries a failing job later with back-off, then gives up on it after its last attempt', async () => {
    await add(failing.name);
    await worker().drain();
    let [row] = await jobsNamed(failing.name);
    expect(row).toMatchObject({ state: 'failed', attempts: 1, last_error: 'the mail server said no' });
    // First retry: 2^1 × 5 s, times 0.5–1.
    expect(row!.due_in_ms).toBeGreaterThan(4_000);
    expect(row!.due_in_ms).toBeLessThanOrEqual(10_000);
    // Not due yet: nothing runs.
    expect(await worker().drain()).toBe(0);
    await makeDue(failing.name);
    expect(await worker().drain()).toBe(1);
    [row] = await jobsNamed(failing.name);
    expect(row).toMatchObject({ state: 'dead', attempts: 2, last_error: 'the mail server said no' });
  });

  it('grows the back-off exponentially up to a cap, with jitter', () => {
    expect(backoffMs(1, 1)).toBe(10_000);
    expect(backoffMs(1, 0)).toBe(5_000);
    expect(backoffMs(3, 1)).toBe(40_000);
    expect(backoffMs(30, 1)).toBe(60 * 60_000);
  });

  it('puts a job that throws PermanentJobError, or that no one defined, straight to dead', async () => {
    await add(permanent.name);
    await add('test.nobody-defined-this');
    await worker().drain();
    expect(await jobsNamed(permanent.name)).toMatchObject([{ state: 'dead', attempts: 1, last_error: 'PermanentJobError: the address does not exist' }]);
    const [unknown] = await jobsNamed('test.nobody-defined-this');
    expect(unknown).toMatchObject({ state: 'dead', attempts: 1 });
    expect(unknown!.last_error).toContain('no job named "test.nobody-defined-this" is registered');
  });

  it('lets another worker take over a job whose lease ran out, and ignores the first run when it ends', async () => {
    await add(hanging.name, {}, { key: 'lease' });
    const first = worker({ id: 'first' });
    expect(await first.tick()).toBe(1);
    const firstRelease = release!;
    expect(await jobsNamed(hanging.name)).toMatchObject([{ state: 'running', locked_by: 'first', attempts: 1 }]);
    // The first worker died, as far as the table can tell.
    await database.query(`update jobs set locked_until = now() - interval '1 second' where name = $1`, [hanging.name]);
    const second = worker({ id: 'second' });
    expect(await second.tick()).toBe(1);
    expect(await jobsNamed(hanging.name)).toMatchObject([{ state: 'running', locked_by: 'second', attempts: 2 }]);
    // The first run ends after all: the job is the second worker's now, and stays so.
    firstRelease();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await jobsNamed(hanging.name)).toMatchObject([{ state: 'running', locked_by: 'second' }]);
    release!();
    await second.drain();
    expect(await jobsNamed(hanging.name)).toMatchObject([{ state: 'done', attempts: 2 }]);
    await first.stop();
    await second.stop();
  });

  it('does not run a job again whose lease ran out on its last attempt: it is dead, with why', async () => {
    await add(hanging.name, {}, { key: 'last-lease', maxAttempts: 1 });
    const first = worker({ id: 'first-last' });
    expect(await first.tick()).toBe(1);
    const firstRelease = release!;
    // A worker that swept a moment ago (at its first tick) still passes the job over when it claims.
    const second = worker({ id: 'second-last', deadSweepMs: 60_000 });
    await add(countJob.name, { n: 1000 }, { key: 'sweep-first' });
    expect(await second.tick()).toBe(1);
    await database.query(`update jobs set locked_until = now() - interval '1 second' where key = 'last-lease'`);
    expect(await second.tick()).toBe(0);
    expect(await jobsNamed(hanging.name).then((rows) => rows.filter((r) => r.key === 'last-lease'))).toMatchObject([
      { state: 'running', locked_by: 'first-last', attempts: 1 },
    ]);
    // A fresh worker sweeps on its first tick: dead, and the reason recorded.
    expect(await worker({ id: 'third-last' }).tick()).toBe(0);
    const [row] = (await jobsNamed(hanging.name)).filter((r) => r.key === 'last-lease');
    expect(row).toMatchObject({ state: 'dead', attempts: 1, locked_by: null });
    expect(row!.last_error).toContain('its last run did not finish in time');
    firstRelease();
    await second.drain();
    await first.stop();
    await second.stop();
  });

  it('frees at once the jobs a killed worker of this machine held, and leaves live and other machines’ workers to their leases', async () => {
    const held = async (n: number, lockedBy: string) => {
      await add('test.count', { n }, { key: `reclaim-${n}` });
      await database.query(
        `update jobs set state = 'running', attempts = 1, locked_by = $1, locked_until = now() + interval '2 minutes' where name = 'test.count' and key = $2`,
        [lockedBy, `reclaim-${n}`],
      );
    };
    // A pid above Linux's largest (4194304) is no process here: the worker that held it is gone.
    await held(1, `${hostname()}:4194999:dead01`);
    await held(2, `${hostname()}:${process.pid}:alive1`);
    await held(3, `another-machine:4194999:far001`);
    expect(await reclaimFromDeadWorkers(database.db)).toBe(1);
    const leases = await database.query<{ key: string; expired: boolean }>(
      `select key, locked_until <= now() as expired from jobs where name = 'test.count' and key like 'reclaim-%' order by key`,
    );
    expect(leases).toEqual([
      { key: 'reclaim-1', expired: true },
      { key: 'reclaim-2', expired: false },
      { key: 'reclaim-3', expired: false },
    ]);
    await database.query(`delete from jobs where name = 'test.count' and key like 'reclaim-%'`);
  });

  it('on stop, lets running jobs finish within the grace period and gives the rest back, their attempt not counted', async () => {
    await add(hanging.name, {}, { key: 'shutdown' });
    const w = worker({ id: 'stopping', graceMs: 100 });
    expect(await w.tick()).toBe(1);
    await w.stop();
    const [row] = (await jobsNamed(hanging.name)).filter((r) => r.key === 'shutdown');
    expect(row).toMatchObject({ state: 'queued', attempts: 0, locked_by: null });
    // Another worker then runs it.
    const next = worker();
    expect(await next.tick()).toBe(1);
    release!();
    await next.drain();
    expect((await jobsNamed(hanging.name)).filter((r) => r.key === 'shutdown')).toMatchObject([{ state: 'done', attempts: 1 }]);

    // A job that finishes within the grace period is done.
    await add(hanging.name, {}, { key: 'graceful' });
    const patient = worker({ graceMs: 5_000 });
    expect(await patient.tick()).toBe(1);
    const stopped = patient.stop();
    release!();
    await stopped;
    expect((await jobsNamed(hanging.name)).filter((r) => r.key === 'graceful')).toMatchObject([{ state: 'done', attempts: 1 }]);
  });

  it('runs a handler inside its commune as the app role (inJobCommune)', async () => {
    await withTenant(scopeFor(database, communeA, null), (tx) => enqueue(tx, 'test.in-commune', {}, { tenantId: communeA }));
    await worker().drain();
    expect(settings).toEqual([{ who: 'baan_app', tenant: communeA }]);
  });

  it('keeps a recurring key once while queued only', async () => {
    await add('test.recurring', {}, { key: 'commune-x', keyScope: 'queued' });
    await add('test.recurring', {}, { key: 'commune-x', keyScope: 'queued' });
    expect(await jobsNamed('test.recurring')).toHaveLength(1);
    await database.query(`update jobs set state = 'done' where name = 'test.recurring'`);
    await add('test.recurring', {}, { key: 'commune-x', keyScope: 'queued' });
    expect((await jobsNamed('test.recurring')).map((r) => r.state).sort()).toEqual(['done', 'queued']);
  });

  it('lets an owner that is not a superuser (forced RLS binds it) read, move and remove jobs', async () => {
    await add('test.owner-view', {}, { key: 'owner' });
    await database.query(`do $$ begin
      if not exists (select 1 from pg_roles where rolname = 'baan_jobs_owner_test') then create role baan_jobs_owner_test nosuperuser nobypassrls; end if;
    end $$`);
    await database.query(`grant select, update, delete on jobs to baan_jobs_owner_test`);
    const seen = await database.db.transaction(async (tx) => {
      await tx.execute(sql`set local role baan_jobs_owner_test`);
      const [row] = rowsOf<{ n: number }>(await tx.execute(sql`select count(*)::int as n from jobs where name = 'test.owner-view'`));
      const moved = rowsOf(await tx.execute(sql`update jobs set run_at = now() where name = 'test.owner-view' returning id`));
      const removed = rowsOf(await tx.execute(sql`delete from jobs where name = 'test.owner-view' returning id`));
      return { n: row!.n, moved: moved.length, removed: removed.length };
    });
    expect(seen).toEqual({ n: 1, moved: 1, removed: 1 });
  });

  it('hears of a new job at once through LISTEN/NOTIFY, long before its next poll', async () => {
    const worker = startWorker({ db: database.db, schedules: false, pollMs: 600_000, wake: (onNotify) => database.listen('baan_jobs', onNotify) });
    try {
      // The first look (at start) is over, and the next poll is ten minutes away.
      await new Promise((resolve) => setTimeout(resolve, 300));
      await withTenant(scopeFor(database, communeA, null), (tx) => enqueue(tx, countJob, { n: 1000 }, { tenantId: communeA }));
      const until = Date.now() + 5_000;
      while (!ran.some((r) => r.n === 1000) && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 20));
      expect(ran.filter((r) => r.n === 1000)).toHaveLength(1);
      expect(worker.active).toBe(0);
    } finally {
      await stopWorker();
    }
  });
});
