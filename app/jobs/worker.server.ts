import { hostname } from 'node:os';
import { sql } from 'drizzle-orm';
import { rowsOf, type Db } from '#db/client.ts';
import { jobDefinition, jobDefinitions, PermanentJobError } from './queue.server.ts';
import { enqueueDueSchedules } from './schedules.server.ts';

/**
 * The job runner (ADR 016). Each tick claims due jobs in one short statement (`FOR UPDATE SKIP
 * LOCKED`, so any number of workers share the table without taking the same job), then runs
 * their handlers outside any transaction: on PGlite, with its single connection, a claim held
 * open across a handler would stop every other query.
 *
 * A claimed job is `running`, leased to this worker until `locked_until` (its definition's
 * `timeoutMs`). A worker that dies leaves the lease to expire; the job is then claimed again, and
 * that run counts as an attempt (attempts are counted when claimed).
 */

const DEFAULT_TIMEOUT_MS = 60_000;
/** Retry delay: min(2^attempt × BASE, CAP), times a random 0.5–1 so failed jobs do not retry in step. */
const BACKOFF_BASE_MS = 5_000;
const BACKOFF_CAP_MS = 60 * 60_000;

export function backoffMs(attempt: number, random = Math.random()): number {
  return Math.round(Math.min(2 ** attempt * BACKOFF_BASE_MS, BACKOFF_CAP_MS) * (0.5 + random / 2));
}

export type WorkerOptions = {
  db: Db;
  /** Jobs run at once (JOBS_CONCURRENCY). */
  concurrency?: number;
  /** Milliseconds between looks for due jobs (JOBS_POLL_MS). */
  pollMs?: number;
  /** On stop, how long running jobs may finish before they are aborted and given back (JOBS_GRACE_MS). */
  graceMs?: number;
  /** Whether ticks also enqueue the schedules' due slots (default true). */
  schedules?: boolean;
  /**
   * Subscribes to the database's "jobs were added" notice (`database.listen('baan_jobs', …)`):
   * a started worker then looks at once instead of at its next poll. Returns the way to stop.
   */
  wake?: (onNotify: () => void) => Promise<() => Promise<void>>;
  /** This worker's name in `locked_by` (default: host, process and a random part). */
  id?: string;
  /** Milliseconds between sweeps that mark expired last attempts dead (default 1000; tests). */
  deadSweepMs?: number;
};

type Claimed = { id: string; name: string; payload: unknown; commune_id: string | null; attempts: number; max_attempts: number };

type Running = { controller: AbortController; done: Promise<void> };

export type Worker = {
  id: string;
  /** Claims what is due (up to the free slots) and starts it; resolves once the claimed jobs are started. */
  tick(): Promise<number>;
  /** Runs due jobs until none is left (tests, the bench). Returns how many ran. */
  drain(): Promise<number>;
  /** Stops claiming, lets running jobs finish within the grace period, aborts and gives back the rest. */
  stop(): Promise<void>;
  /** How many jobs run now. */
  readonly active: number;
};

export function createWorker(options: WorkerOptions): Worker {
  const { db } = options;
  const concurrency = Math.max(1, options.concurrency ?? 2);
  const pollMs = Math.max(10, options.pollMs ?? 1000);
  const graceMs = Math.max(0, options.graceMs ?? 10_000);
  const id = options.id ?? `${hostname()}:${process.pid}:${Math.random().toString(36).slice(2, 8)}`;
  const running = new Map<string, Running>();
  let stopping = false;
  /** Polling only once started (`startWorker`); a worker driven by `tick`/`drain` does not poll. */
  let started = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let ticking: Promise<number> | undefined;
  let unlisten: (() => Promise<void>) | undefined;

  /** When expired last attempts were last marked dead (at most once a second: a busy worker claims after every job). */
  let deadSweptAt = 0;

  async function claim(limit: number): Promise<Claimed[]> {
    // A job whose lease ran out after its last attempt is dead: claiming it again would run it
    // once too often. The claim below passes such jobs over; this marks them, now and then.
    if (Date.now() - deadSweptAt >= (options.deadSweepMs ?? 1000)) {
      deadSweptAt = Date.now();
      await db.execute(sql`
        update jobs set state = 'dead', finished_at = now(), locked_by = null, locked_until = null,
          last_error = coalesce(last_error || ' / ', '') || 'its last run did not finish in time'
        where state = 'running' and locked_until < now() and attempts >= max_attempts`);
    }
    const timeouts = Object.fromEntries(jobDefinitions().map((d) => [d.name, d.timeoutMs ?? DEFAULT_TIMEOUT_MS]));
    const result = await db.execute(sql`
      with due as (
        select id from jobs
        where (state in ('queued', 'failed') and run_at <= now()) or (state = 'running' and locked_until < now() and attempts < max_attempts)
        order by run_at, created_at
        limit ${limit}
        for update skip locked
      )
      update jobs j set state = 'running', locked_by = ${id}, attempts = j.attempts + 1,
        locked_until = now() + coalesce((${JSON.stringify(timeouts)}::jsonb ->> j.name)::int, ${DEFAULT_TIMEOUT_MS}) * interval '1 millisecond'
      from due where j.id = due.id
      returning j.id, j.name, j.payload, j.commune_id, j.attempts, j.max_attempts`);
    return rowsOf<Claimed>(result);
  }

  async function finish(job: Claimed, error: unknown): Promise<void> {
    if (error === undefined) {
      await db.execute(sql`
        update jobs set state = 'done', finished_at = now(), locked_by = null, locked_until = null
        where id = ${job.id} and locked_by = ${id} and state = 'running'`);
      return;
    }
    const message = errorText(error);
    const dead = error instanceof PermanentJobError || job.attempts >= job.max_attempts;
    if (dead) {
      await db.execute(sql`
        update jobs set state = 'dead', finished_at = now(), last_error = ${message}, locked_by = null, locked_until = null
        where id = ${job.id} and locked_by = ${id} and state = 'running'`);
    } else {
      await db.execute(sql`
        update jobs set state = 'failed', last_error = ${message}, locked_by = null, locked_until = null,
          run_at = now() + ${backoffMs(job.attempts)} * interval '1 millisecond'
        where id = ${job.id} and locked_by = ${id} and state = 'running'`);
    }
  }

  async function run(job: Claimed, controller: AbortController): Promise<void> {
    const definition = jobDefinition(job.name);
    let error: unknown;
    if (!definition) {
      error = new PermanentJobError(`no job named "${job.name}" is registered in this program (app/jobs/registry.server.ts)`);
    } else {
      const timeoutMs = definition.timeoutMs ?? DEFAULT_TIMEOUT_MS;
      let timeout: ReturnType<typeof setTimeout> | undefined;
      try {
        const payload = typeof job.payload === 'string' ? (JSON.parse(job.payload) as Record<string, unknown>) : (job.payload as Record<string, unknown>);
        await Promise.race([
          definition.handler({ db, tenantId: job.commune_id, payload: payload as never, attempt: job.attempts, jobId: job.id, signal: controller.signal }),
          new Promise<never>((_, reject) => {
            timeout = setTimeout(() => {
              controller.abort();
              reject(new Error(`timed out after ${timeoutMs} ms`));
            }, timeoutMs);
          }),
        ]);
      } catch (caught) {
        error = caught ?? new Error('failed');
      } finally {
        clearTimeout(timeout);
      }
    }
    // Aborted at shutdown: the job was given back, and this run's outcome is not recorded.
    if (controller.signal.aborted && stopping) return;
    await finish(job, error).catch((failure: unknown) => console.error(`job ${job.name} ${job.id}: recording its outcome failed`, failure));
  }

  async function tickOnce(): Promise<number> {
    if (options.schedules !== false) await enqueueDueSchedules(db).catch((error: unknown) => console.error('enqueuing scheduled jobs failed', error));
    const free = concurrency - running.size;
    if (stopping || free <= 0) return 0;
    const claimed = await claim(free);
    for (const job of claimed) {
      const controller = new AbortController();
      const done = run(job, controller).finally(() => {
        running.delete(job.id);
        // A slot is free: look again at once rather than at the next poll.
        if (!stopping) schedule(0);
      });
      running.set(job.id, { controller, done });
    }
    return claimed.length;
  }

  function tick(): Promise<number> {
    // One tick at a time per worker, so two ticks never claim past the concurrency.
    const next = (ticking ?? Promise.resolve(0)).catch(() => 0).then(tickOnce);
    ticking = next;
    return next;
  }

  /** A tick is under way from the timer; a look asked for meanwhile (`again`) follows it at once. */
  let polling = false;
  let again = false;
  function schedule(delay: number) {
    if (stopping || !started) return;
    if (polling) {
      if (delay === 0) again = true;
      return;
    }
    clearTimeout(timer);
    timer = setTimeout(() => {
      polling = true;
      tick()
        .catch((error: unknown) => console.error('the job worker could not claim jobs', error))
        .finally(() => {
          polling = false;
          const soon = again;
          again = false;
          schedule(soon ? 0 : pollMs);
        });
    }, delay);
    timer.unref?.();
  }

  return {
    id,
    get active() {
      return running.size;
    },
    tick,
    async drain() {
      let ran = 0;
      for (;;) {
        ran += await tick();
        if (running.size === 0) {
          const more = await tick();
          if (more === 0 && running.size === 0) return ran;
          ran += more;
        }
        await Promise.race([...running.values()].map((r) => r.done));
      }
    },
    async stop() {
      if (stopping) return;
      stopping = true;
      clearTimeout(timer);
      await unlisten?.().catch(() => {});
      await ticking?.catch(() => 0);
      const all = Promise.all([...running.values()].map((r) => r.done));
      let graceTimer: ReturnType<typeof setTimeout> | undefined;
      await Promise.race([all, new Promise<void>((resolve) => (graceTimer = setTimeout(resolve, graceMs)))]);
      clearTimeout(graceTimer);
      const left = [...running.keys()];
      for (const jobId of left) running.get(jobId)!.controller.abort();
      if (left.length > 0) await releaseJobs(db, id, left);
    },
    start() {
      started = true;
      // Jobs a killed worker of this machine held need not wait out their lease.
      void reclaimFromDeadWorkers(db)
        .catch((error: unknown) => console.warn('the job worker could not look for jobs of stopped workers', error))
        .finally(() => schedule(0));
      options
        .wake?.(() => schedule(0))
        .then((stop) => {
          if (stopping) void stop().catch(() => {});
          else unlisten = stop;
        })
        .catch((error: unknown) => console.warn('the job worker polls only: listening for new jobs failed', error));
    },
  } as Worker & { start(): void };
}

/**
 * Gives jobs back (shutdown): queued again now, this run not counted as an attempt. A recurring
 * job ('queued' key) whose twin is already waiting is removed instead: the twin does its work.
 */
export async function releaseJobs(db: Db, workerId: string, ids: string[]): Promise<void> {
  for (const jobId of ids) {
    await db.execute(sql`
      delete from jobs j where j.id = ${jobId} and j.locked_by = ${workerId} and j.key_scope = 'queued'
        and exists (select 1 from jobs t where t.name = j.name and t.key = j.key and t.key_scope = 'queued' and t.state = 'queued')`);
    await db.execute(sql`
      update jobs set state = 'queued', run_at = now(), attempts = greatest(attempts - 1, 0), locked_by = null, locked_until = null
      where id = ${jobId} and locked_by = ${workerId} and state = 'running'`);
  }
}

/** Whether process `pid` runs on this machine (a process of another user counts as running). */
function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Ends the leases of running jobs held by workers of this machine (`host:pid:…`) whose process is
 * gone (`kill -9`, a crash): they are claimed again at once instead of after their lease (up to
 * the job's timeout, 2 minutes for a mail). The run that died counts as an attempt. Workers on
 * other machines are left to their leases: this machine cannot see their processes. Returns how
 * many jobs were freed.
 */
export async function reclaimFromDeadWorkers(db: Db): Promise<number> {
  const host = hostname();
  const holders = rowsOf<{ locked_by: string }>(
    await db.execute(sql`select distinct locked_by from jobs where state = 'running' and starts_with(locked_by, ${`${host}:`})`),
  );
  const dead = holders
    .map((h) => h.locked_by)
    .filter((holder) => {
      const pid = Number(holder.slice(host.length + 1).split(':', 1)[0]);
      return Number.isInteger(pid) && pid > 0 && pid !== process.pid && !isRunning(pid);
    });
  let freed = 0;
  for (const holder of dead) {
    const result = await db.execute(sql`
      update jobs set locked_until = now() where state = 'running' and locked_by = ${holder} and locked_until > now() returning id`);
    freed += rowsOf(result).length;
  }
  return freed;
}

function errorText(error: unknown): string {
  const text = error instanceof Error ? `${error.name === 'Error' ? '' : `${error.name}: `}${error.message}` : String(error);
  return text.slice(0, 2000);
}

let current: (Worker & { start(): void }) | undefined;

/** Starts this process's worker (npm start, npm run worker). A second call keeps the first. */
export function startWorker(options: WorkerOptions): Worker {
  if (current) return current;
  current = createWorker(options) as Worker & { start(): void };
  current.start();
  return current;
}

/** Stops this process's worker, if one runs (SIGTERM): see `Worker.stop`. */
export async function stopWorker(): Promise<void> {
  const worker = current;
  current = undefined;
  await worker?.stop();
}
