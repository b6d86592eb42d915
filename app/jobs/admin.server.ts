import { sql } from 'drizzle-orm';
import { rowsOf, type Db } from '#db/client.ts';
import { ownerInTenant } from '#db/scope.ts';
import { JOB_STATES, type JobState } from '#domain/jobs.ts';

/**
 * The operator's view of the queue (/admin/jobs). The jobs table is the runner's: request code
 * may only add jobs, so these reads run on the owner connection, behind the operator guard.
 */

export const PROBLEM_PAGE_SIZE = 50;

export type KindCounts = { name: string; counts: Record<JobState, number>; total: number };

export type ProblemJob = {
  id: string;
  name: string;
  state: 'failed' | 'dead';
  attempts: number;
  maxAttempts: number;
  lastError: string | null;
  commune: string | null;
  runAt: string;
};

export type JobsOverview = { totals: Record<JobState, number>; kinds: KindCounts[]; problems: ProblemJob[]; page: number; hasMore: boolean };

const zero = () => Object.fromEntries(JOB_STATES.map((s) => [s, 0])) as Record<JobState, number>;

export async function jobsOverview(db: Db, page = 1): Promise<JobsOverview> {
  const counted = rowsOf<{ name: string; state: JobState; n: number }>(
    await db.execute(sql`select name, state, count(*)::int as n from jobs group by name, state order by name`),
  );
  const totals = zero();
  const byKind = new Map<string, KindCounts>();
  for (const row of counted) {
    const kind = byKind.get(row.name) ?? { name: row.name, counts: zero(), total: 0 };
    kind.counts[row.state] += row.n;
    kind.total += row.n;
    totals[row.state] += row.n;
    byKind.set(row.name, kind);
  }
  const offset = (page - 1) * PROBLEM_PAGE_SIZE;
  const problems = rowsOf<{
    id: string;
    name: string;
    state: 'failed' | 'dead';
    attempts: number;
    max_attempts: number;
    last_error: string | null;
    commune: string | null;
    run_at: string | Date;
  }>(
    await db.execute(sql`
      select j.id, j.name, j.state, j.attempts, j.max_attempts, j.last_error, c.slug as commune, j.run_at
      from jobs j left join communes c on c.id = j.commune_id
      where j.state in ('failed', 'dead')
      order by j.run_at desc, j.id
      limit ${PROBLEM_PAGE_SIZE + 1} offset ${offset}`),
  );
  return {
    totals,
    kinds: [...byKind.values()],
    problems: problems.slice(0, PROBLEM_PAGE_SIZE).map((p) => ({
      id: p.id,
      name: p.name,
      state: p.state,
      attempts: p.attempts,
      maxAttempts: p.max_attempts,
      lastError: p.last_error,
      commune: p.commune,
      runAt: new Date(p.run_at).toISOString(),
    })),
    page,
    hasMore: problems.length > PROBLEM_PAGE_SIZE,
  };
}

/**
 * Puts a failed or dead job back in the queue, due now, with its attempts counted afresh (its
 * last error stays until it runs). False when there is no such job in either state. A recurring
 * job whose twin already waits is removed instead: the twin does its work.
 */
export async function retryJob(db: Db, id: string): Promise<boolean> {
  const twin = rowsOf<{ id: string }>(
    await db.execute(sql`
      delete from jobs j where j.id = ${id} and j.state in ('failed', 'dead') and j.key_scope = 'queued'
        and exists (select 1 from jobs t where t.name = j.name and t.key = j.key and t.key_scope = 'queued' and t.state = 'queued')
      returning j.id`),
  );
  if (twin.length > 0) return true;
  const updated = rowsOf<{ id: string }>(
    await db.execute(sql`
      update jobs set state = 'queued', run_at = now(), attempts = 0, finished_at = null, locked_by = null, locked_until = null
      where id = ${id} and state in ('failed', 'dead')
      returning id`),
  );
  return updated.length > 0;
}

export type OutboxFailureRow = {
  communeId: string;
  commune: string;
  eventId: string;
  consumer: string;
  seq: number;
  attempts: number;
  lastError: string;
  parked: boolean;
  nextAttemptAt: string;
};

/** Most outbox failures listed (waiting ones first, then the newest parked). */
export const OUTBOX_FAILURES_SHOWN = 50;

/**
 * The outbox events consumers failed on, in every commune: waiting for a retry (their commune's
 * later events wait too) or parked after their last attempt. The failures are tenant rows, read
 * inside each commune in turn (the forced RLS binds the owner connection too).
 */
export async function outboxFailuresOverview(db: Db): Promise<OutboxFailureRow[]> {
  const communes = rowsOf<{ id: string; slug: string }>(await db.execute(sql`select id, slug from communes order by slug`));
  const found: OutboxFailureRow[] = [];
  for (const commune of communes) {
    const rows = await ownerInTenant(db, commune.id, async (tx) =>
      rowsOf<{
        consumer: string;
        event_id: string;
        seq: number | string;
        attempts: number;
        last_error: string;
        parked: boolean;
        next_attempt_at: string | Date;
      }>(
        await tx.execute(sql`
          select consumer, event_id, seq, attempts, last_error, parked_at is not null as parked, next_attempt_at
          from outbox_failures where tenant_id = ${commune.id}
          order by parked_at is not null, created_at desc limit ${OUTBOX_FAILURES_SHOWN}`),
      ),
    );
    for (const row of rows) {
      found.push({
        communeId: commune.id,
        commune: commune.slug,
        eventId: row.event_id,
        consumer: row.consumer,
        seq: Number(row.seq),
        attempts: row.attempts,
        lastError: row.last_error,
        parked: row.parked,
        nextAttemptAt: new Date(row.next_attempt_at).toISOString(),
      });
    }
  }
  return found.sort((a, b) => Number(a.parked) - Number(b.parked)).slice(0, OUTBOX_FAILURES_SHOWN);
}
