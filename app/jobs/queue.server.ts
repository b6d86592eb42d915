import type { Db, Tx } from '#db/client.ts';
import { jobs } from '#db/schema/index.ts';
import { withTenant } from '#db/scope.ts';

/** What a job's handler gets: the database, its commune (null for platform work), its payload. */
export type JobContext<P> = {
  db: Db;
  /** The commune the job runs in; handlers open `withTenant({ db, tenantId, userId: null }, …)`. */
  tenantId: string | null;
  payload: P;
  /** 1 on the first run. */
  attempt: number;
  jobId: string;
  /** Aborted when the process is shutting down and the job ran past its grace period. */
  signal: AbortSignal;
};

export type JobDefinition<P> = {
  name: string;
  handler: (context: JobContext<P>) => Promise<void>;
  /** Attempts before the job is dead (default 8). */
  maxAttempts?: number;
  /** How long one run may take before another worker may take the job over (default 60 s). */
  timeoutMs?: number;
};

const registry = new Map<string, JobDefinition<never>>();

/** Registers a kind of job (once per process, at module load); returns it for `enqueue`. */
export function defineJob<P extends Record<string, unknown>>(definition: JobDefinition<P>): JobDefinition<P> {
  if (registry.has(definition.name) && registry.get(definition.name) !== definition) throw new Error(`job ${definition.name} is defined twice`);
  registry.set(definition.name, definition as JobDefinition<never>);
  return definition;
}

/** Every registered kind of job (the worker reads their time-outs). */
export function jobDefinitions(): JobDefinition<Record<string, unknown>>[] {
  return [...registry.values()] as JobDefinition<Record<string, unknown>>[];
}

/**
 * A handler's work inside its job's commune: `withTenant` as the app role with no user, so
 * row-level security holds the handler to that commune like any request. A job without a
 * commune cannot use it (that is a bug in whoever enqueued it: the job goes dead).
 */
export function inJobCommune<T>(context: JobContext<unknown>, work: (tx: Tx) => Promise<T>): Promise<T> {
  if (!context.tenantId) throw new PermanentJobError('this job needs a commune, and was added without one');
  return withTenant({ db: context.db, tenantId: context.tenantId, userId: null }, work);
}

/** The definition of a job kind, or undefined when none is registered under that name. */
export function jobDefinition(name: string): JobDefinition<Record<string, unknown>> | undefined {
  return registry.get(name) as JobDefinition<Record<string, unknown>> | undefined;
}

export type EnqueueOptions = {
  /** The commune the job runs in (must be the transaction's own commune, or null). */
  tenantId?: string | null;
  /** Not before this time (default: now). */
  runAt?: Date;
  /** Deduplication key: a job of the same kind with the same key is added once only. */
  key?: string;
  /**
   * How long the key holds: 'ever' (default) never adds a second job with it; 'queued' adds
   * none while one with it is waiting to run, for work that recurs (relay this commune's outbox).
   */
  keyScope?: 'ever' | 'queued';
  maxAttempts?: number;
};

/**
 * Adds a job in the caller's transaction: it exists exactly when the caller's change commits.
 * A job of this kind with the same key that already exists is kept, and this one is not added.
 * (Request code may add jobs but not read them: payloads can hold codes on their way out.)
 */
export async function enqueue<P extends Record<string, unknown>>(
  tx: Tx | Db,
  job: JobDefinition<P> | string,
  payload: P,
  options: EnqueueOptions = {},
): Promise<void> {
  const name = typeof job === 'string' ? job : job.name;
  const maxAttempts = options.maxAttempts ?? (typeof job === 'string' ? jobDefinition(job)?.maxAttempts : job.maxAttempts);
  await tx
    .insert(jobs)
    .values({
      name,
      payload,
      communeId: options.tenantId ?? null,
      key: options.key ?? null,
      keyScope: options.keyScope ?? 'ever',
      runAt: options.runAt,
      ...(maxAttempts ? { maxAttempts } : {}),
    })
    .onConflictDoNothing();
}

/**
 * Thrown by a handler when trying again cannot help (a recipient the mail server refuses, a
 * payload that does not parse): the job goes straight to `dead` with this message.
 */
export class PermanentJobError extends Error {
  override name = 'PermanentJobError';
}
