import { and, asc, eq, gt, isNotNull, isNull, sql } from 'drizzle-orm';
import { rowsOf, type Db, type Tx } from '#db/client.ts';
import { communes, outboxConsumers, outboxCursors, outboxEvents, outboxFailures, outboxSequences } from '#db/schema/index.ts';
import { ownerInTenant, withTenant } from '#db/scope.ts';
import { defineJob, enqueue, PermanentJobError, type JobContext } from '~/jobs/queue.server.ts';
import { defineSchedule } from '~/jobs/schedules.server.ts';
import { backoffMs } from '~/jobs/worker.server.ts';
import { RELAY_JOB } from './outbox.server.ts';

/**
 * The outbox relay (ADR 016). Each consumer reads each commune's events in `seq` order from its
 * cursor. A batch runs in one transaction as the app role inside the event's commune: the
 * consumer's `handle` runs in a savepoint for each event, and the cursor moves in that same
 * transaction, so the consumer's database writes happen exactly once (a crash rolls back the
 * writes and the cursor together, and the events are read again). Effects outside the database
 * go through `enqueue` with a key naming the event, consumer and recipient, so a replay adds them once.
 *
 * A consumer that throws on an event waits on it: the commune's later events wait too (their
 * order is kept), and it is retried with back-off up to MAX_EVENT_ATTEMPTS; then the event is
 * parked (the row in `outbox_failures` stays for the operator) and the consumer moves on.
 */

export type OutboxEvent = {
  id: string;
  tenantId: string;
  seq: number;
  type: string;
  payload: Record<string, unknown>;
  actorUserId: string | null;
  createdAt: Date;
};

export type ConsumerDefinition = {
  name: string;
  /** Handles one event; `tx` works as the app role inside the event's commune, and commits with the cursor. */
  handle: (tx: Tx, event: OutboxEvent) => Promise<void>;
};

export const MAX_EVENT_ATTEMPTS = 6;
const BATCH = 100;

const consumers = new Map<string, ConsumerDefinition>();

/**
 * Declares a consumer of the outbox (once per process, at module load, in a module the registry
 * imports). A new consumer starts at each commune's newest event: it does not replay history
 * (`registerConsumer`); a commune created after that is read from its first event.
 */
export function defineConsumer(definition: ConsumerDefinition): ConsumerDefinition {
  if (consumers.has(definition.name) && consumers.get(definition.name) !== definition) throw new Error(`consumer ${definition.name} is defined twice`);
  consumers.set(definition.name, definition);
  return definition;
}

export function consumerDefinitions(): ConsumerDefinition[] {
  return [...consumers.values()];
}

/** Removes a consumer (tests). */
export function forgetConsumer(name: string): void {
  consumers.delete(name);
}

/** Per database: the consumers known to be recorded in `outbox_consumers` (each is checked once per process). */
const recorded = new WeakMap<Db, Set<string>>();

/**
 * Records `consumer` on this database the first time it runs there: its cursor in every commune
 * is set at that commune's newest committed event (an event still being written gets a higher
 * `seq` and is delivered), then the consumer is recorded. A commune that has no cursor for a
 * recorded consumer was created since, and its outbox is read from the start. Interrupted, it is
 * done again (cursors already set are kept).
 */
export async function registerConsumer(db: Db, consumer: Pick<ConsumerDefinition, 'name'>): Promise<void> {
  const known = recorded.get(db) ?? new Set<string>();
  recorded.set(db, known);
  if (known.has(consumer.name)) return;
  const [row] = await db.select({ name: outboxConsumers.name }).from(outboxConsumers).where(eq(outboxConsumers.name, consumer.name));
  if (!row) {
    const all = await db.select({ id: communes.id }).from(communes);
    for (const { id } of all) {
      await withTenant({ db, tenantId: id, userId: null }, async (tx) => {
        const [head] = await tx.select({ lastSeq: outboxSequences.lastSeq }).from(outboxSequences).where(eq(outboxSequences.tenantId, id));
        await tx
          .insert(outboxCursors)
          .values({ tenantId: id, consumer: consumer.name, lastSeq: head?.lastSeq ?? 0 })
          .onConflictDoNothing();
      });
    }
    await db.insert(outboxConsumers).values({ name: consumer.name }).onConflictDoNothing();
  }
  known.add(consumer.name);
}

/**
 * Records every defined consumer (`registerConsumer`). Each process that writes or relays events
 * does this at start, before it takes a request or a job: on a new database every commune's
 * cursor is then at 0 before its first event, so no first event is passed over.
 */
export async function registerConsumers(db: Db): Promise<void> {
  for (const consumer of consumerDefinitions()) await registerConsumer(db, consumer);
}

export type RelayResult = { handled: number; failed: number; parked: number; retryAt: Date | null };

/**
 * Delivers a commune's pending events to every consumer (or those given). Returns what it did,
 * and when a waiting failure is next due (the relay job comes back then).
 */
export async function relayCommune(db: Db, tenantId: string, options: { consumers?: ConsumerDefinition[]; signal?: AbortSignal } = {}): Promise<RelayResult> {
  const result: RelayResult = { handled: 0, failed: 0, parked: 0, retryAt: null };
  for (const consumer of options.consumers ?? consumerDefinitions()) {
    await registerConsumer(db, consumer);
    for (;;) {
      if (options.signal?.aborted) return result;
      const batch = await withTenant({ db, tenantId, userId: null }, (tx) => relayBatch(tx, tenantId, consumer));
      result.handled += batch.handled;
      if (batch.failed) result.failed++;
      if (batch.parked) result.parked++;
      if (batch.retryAt && (!result.retryAt || batch.retryAt < result.retryAt)) result.retryAt = batch.retryAt;
      if (!batch.more) break;
    }
  }
  return result;
}

type BatchResult = { handled: number; failed: boolean; parked: boolean; retryAt: Date | null; more: boolean };

async function relayBatch(tx: Tx, tenantId: string, consumer: ConsumerDefinition): Promise<BatchResult> {
  const idle: BatchResult = { handled: 0, failed: false, parked: false, retryAt: null, more: false };
  // The cursor row is locked for the batch: two relays of one commune take turns.
  const cursorOf = async () =>
    (
      await tx
        .select({ lastSeq: outboxCursors.lastSeq })
        .from(outboxCursors)
        .where(and(eq(outboxCursors.tenantId, tenantId), eq(outboxCursors.consumer, consumer.name)))
        .for('update')
    )[0]?.lastSeq;
  let cursor = await cursorOf();
  if (cursor === undefined) {
    // The consumer is recorded (registerConsumer), so this commune came after it: read from the start.
    await tx.insert(outboxCursors).values({ tenantId, consumer: consumer.name, lastSeq: 0 }).onConflictDoNothing();
    cursor = await cursorOf();
    if (cursor === undefined) return idle;
  }

  const [waiting] = await tx
    .select()
    .from(outboxFailures)
    .where(and(eq(outboxFailures.tenantId, tenantId), eq(outboxFailures.consumer, consumer.name), isNull(outboxFailures.parkedAt)));
  if (waiting && waiting.nextAttemptAt.getTime() > Date.now()) return { ...idle, retryAt: waiting.nextAttemptAt };

  const rows = await tx
    .select()
    .from(outboxEvents)
    .where(and(eq(outboxEvents.tenantId, tenantId), gt(outboxEvents.seq, cursor)))
    .orderBy(asc(outboxEvents.seq))
    .limit(BATCH);
  let handled = 0;
  let outcome: Pick<BatchResult, 'failed' | 'parked' | 'retryAt'> = { failed: false, parked: false, retryAt: null };
  for (const row of rows) {
    const event = eventOf(row);
    try {
      await tx.transaction((savepoint) => consumer.handle(savepoint, event));
    } catch (error) {
      outcome = await recordFailure(tx, consumer.name, event, error, waiting?.eventId === event.id ? waiting.attempts : 0);
      if (outcome.parked) {
        cursor = event.seq;
        continue;
      }
      break;
    }
    if (waiting?.eventId === event.id) {
      await tx
        .delete(outboxFailures)
        .where(and(eq(outboxFailures.tenantId, tenantId), eq(outboxFailures.consumer, consumer.name), eq(outboxFailures.eventId, event.id)));
    }
    cursor = event.seq;
    handled++;
  }
  await tx
    .update(outboxCursors)
    .set({ lastSeq: cursor, updatedAt: new Date() })
    .where(and(eq(outboxCursors.tenantId, tenantId), eq(outboxCursors.consumer, consumer.name)));
  return { handled, ...outcome, more: rows.length === BATCH && !outcome.failed };
}

const eventOf = (row: typeof outboxEvents.$inferSelect): OutboxEvent => ({
  id: row.id,
  tenantId: row.tenantId,
  seq: row.seq,
  type: row.type,
  payload: row.payload,
  actorUserId: row.actorUserId,
  createdAt: row.createdAt,
});

async function recordFailure(
  tx: Tx,
  consumer: string,
  event: OutboxEvent,
  error: unknown,
  previousAttempts: number,
): Promise<Pick<BatchResult, 'failed' | 'parked' | 'retryAt'>> {
  const attempts = previousAttempts + 1;
  const parked = attempts >= MAX_EVENT_ATTEMPTS;
  const nextAttemptAt = new Date(Date.now() + backoffMs(attempts));
  const lastError = (error instanceof Error ? error.message : String(error)).slice(0, 2000);
  await tx
    .insert(outboxFailures)
    .values({ tenantId: event.tenantId, consumer, eventId: event.id, seq: event.seq, attempts, lastError, nextAttemptAt, parkedAt: parked ? new Date() : null })
    .onConflictDoUpdate({
      target: [outboxFailures.tenantId, outboxFailures.consumer, outboxFailures.eventId],
      set: { attempts, lastError, nextAttemptAt, parkedAt: parked ? new Date() : null },
    });
  if (!parked) console.warn(`outbox consumer ${consumer} failed on event ${event.id} (attempt ${attempts}): ${lastError}`);
  else console.error(`outbox consumer ${consumer} gave up on event ${event.id} after ${attempts} attempts: ${lastError}`);
  return { failed: true, parked, retryAt: parked ? null : nextAttemptAt };
}

/** The relay of one commune: added by every recordEvent (once while waiting), and by the sweep. */
export const relayJob = defineJob<Record<string, never>>({
  name: RELAY_JOB,
  timeoutMs: 5 * 60_000,
  async handler(context: JobContext<Record<string, never>>) {
    if (!context.tenantId) return;
    const result = await relayCommune(context.db, context.tenantId, { signal: context.signal });
    if (result.retryAt) {
      await ownerInTenant(context.db, context.tenantId, (tx) =>
        enqueue(tx, relayJob, {}, { tenantId: context.tenantId, key: context.tenantId!, keyScope: 'queued', runAt: result.retryAt! }),
      );
    }
  },
});

/** Asks for the commune's relay to run soon (in the caller's transaction; once while one waits). */
export function enqueueRelay(tx: Tx, tenantId: string): Promise<void> {
  return enqueue(tx, relayJob, {}, { tenantId, key: tenantId, keyScope: 'queued' });
}

/**
 * The safety net: every minute, a relay for each commune where some consumer is behind (an
 * enqueue lost with a crashed worker, a failure whose retry is due). One short read per commune.
 */
export const relaySweepJob = defineJob<Record<string, never>>({
  name: 'outbox.sweep',
  timeoutMs: 5 * 60_000,
  async handler({ db, signal }) {
    const names = consumerDefinitions().map((c) => c.name);
    if (names.length === 0) return;
    const list = await db.select({ id: communes.id }).from(communes);
    for (const { id } of list) {
      if (signal.aborted) return;
      await ownerInTenant(db, id, async (tx) => {
        const [row] = rowsOf<{ behind: boolean }>(
          await tx.execute(sql`
            select exists (
              select 1 from outbox_cursors c join outbox_sequences s on s.tenant_id = c.tenant_id
              where c.tenant_id = ${id} and c.consumer in ${names} and c.last_seq < s.last_seq
            ) or exists (
              select 1 from outbox_sequences s where s.tenant_id = ${id}
                and (select count(*) from outbox_cursors c where c.tenant_id = ${id} and c.consumer in ${names}) < ${names.length}
            ) as behind`),
        );
        if (row?.behind) await enqueueRelay(tx, id);
      });
    }
  },
});

defineSchedule({ name: 'outbox.sweep', every: 'minute', job: relaySweepJob });

type ReplayPayload = { consumer: string; eventId: string };

/**
 * The operator's "deliver again" for a parked event, once its cause is mended: the event goes to
 * its consumer once more, as the relay would hand it (app role, inside the commune, in a
 * savepoint). Delivered, the parked row goes; failing again, it stays parked with the new error
 * and one more attempt, and this job is dead with that error. Later events are not held: the
 * consumer moved past this one when it was parked, so the order is not kept for it.
 */
export const replayJob = defineJob<ReplayPayload>({
  name: 'outbox.replay',
  maxAttempts: 1,
  timeoutMs: 5 * 60_000,
  async handler({ db, tenantId, payload }: JobContext<ReplayPayload>) {
    if (!tenantId) throw new PermanentJobError("a replay needs the event's commune");
    const consumer = consumers.get(payload.consumer);
    if (!consumer) throw new PermanentJobError(`no outbox consumer named "${payload.consumer}" is registered in this program`);
    let failure: string | null = null;
    let gone = false;
    await withTenant({ db, tenantId, userId: null }, async (tx) => {
      const where = and(eq(outboxFailures.tenantId, tenantId), eq(outboxFailures.consumer, consumer.name), eq(outboxFailures.eventId, payload.eventId));
      const [parked] = await tx
        .select({ attempts: outboxFailures.attempts })
        .from(outboxFailures)
        .where(and(where, isNotNull(outboxFailures.parkedAt)))
        .for('update');
      if (!parked) return; // delivered by an earlier replay, or not parked: nothing to do
      const [row] = await tx
        .select()
        .from(outboxEvents)
        .where(and(eq(outboxEvents.tenantId, tenantId), eq(outboxEvents.id, payload.eventId)));
      if (!row) {
        // The event itself is gone (its commune's data removed): nothing to deliver; the parked row goes too.
        gone = true;
        await tx.delete(outboxFailures).where(where);
        return;
      }
      try {
        await tx.transaction((savepoint) => consumer.handle(savepoint, eventOf(row)));
      } catch (error) {
        failure = (error instanceof Error ? error.message : String(error)).slice(0, 2000);
        await tx
          .update(outboxFailures)
          .set({ attempts: parked.attempts + 1, lastError: failure })
          .where(where);
        return;
      }
      await tx.delete(outboxFailures).where(where);
    });
    if (gone) throw new PermanentJobError(`event ${payload.eventId} no longer exists: there is nothing to deliver`);
    if (failure) throw new PermanentJobError(`outbox consumer ${consumer.name} failed again on event ${payload.eventId}: ${failure}`);
  },
});

/**
 * Asks for a parked event to be delivered again (replayJob), once while one such request waits.
 * False when the event is not parked for that consumer in that commune (delivered since, or never).
 */
export async function replayParked(db: Db, tenantId: string, consumer: string, eventId: string): Promise<boolean> {
  return ownerInTenant(db, tenantId, async (tx) => {
    const [parked] = await tx
      .select({ eventId: outboxFailures.eventId })
      .from(outboxFailures)
      .where(
        and(
          eq(outboxFailures.tenantId, tenantId),
          eq(outboxFailures.consumer, consumer),
          eq(outboxFailures.eventId, eventId),
          isNotNull(outboxFailures.parkedAt),
        ),
      );
    if (!parked) return false;
    await enqueue(tx, replayJob, { consumer, eventId }, { tenantId, key: `${eventId}:${consumer}`, keyScope: 'queued' });
    return true;
  });
}
