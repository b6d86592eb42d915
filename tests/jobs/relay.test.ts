import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Tx } from '#db/client.ts';
import { outboxCursors, outboxEvents, outboxFailures, outboxSequences } from '#db/schema/index.ts';
import { withTenant } from '#db/scope.ts';
import { enqueue } from '~/jobs/queue.server.ts';
import { createWorker } from '~/jobs/worker.server.ts';
import { recordEvent } from '~/outbox/outbox.server.ts';
import { defineConsumer, forgetConsumer, MAX_EVENT_ATTEMPTS, relayCommune, relaySweepJob, replayParked, type OutboxEvent } from '~/outbox/relay.server.ts';
import { makeCommune } from '#tests/factories/index.ts';
import { sqlStateOf } from '#tests/support/errors.ts';
import { createTestDatabase, scopeFor, type TestDatabase } from '#tests/support/db.ts';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.close();
});

const record = (tenantId: string, n: number) => withTenant(scopeFor(database, tenantId, null), (tx) => recordEvent(tx, tenantId, 'test.happened', { n }, null));
const seqs = (tenantId: string) =>
  database.query<{ seq: number; n: number }>(`select seq::int as seq, (payload->>'n')::int as n from outbox_events where tenant_id = $1 order by seq`, [
    tenantId,
  ]);
const cursorOf = async (tenantId: string, consumer: string) =>
  (
    await database.query<{ last_seq: number }>(`select last_seq::int as last_seq from outbox_cursors where tenant_id = $1 and consumer = $2`, [
      tenantId,
      consumer,
    ])
  )[0]?.last_seq;
const failuresOf = (tenantId: string, consumer: string) =>
  database.query<{ seq: number; attempts: number; last_error: string; parked: boolean }>(
    `select seq::int as seq, attempts, last_error, parked_at is not null as parked from outbox_failures where tenant_id = $1 and consumer = $2 order by seq`,
    [tenantId, consumer],
  );
const effectKeys = (consumer: string) =>
  database
    .query<{ key: string }>(`select key from jobs where name = 'test.effect' and key like $1 order by created_at`, [`%:${consumer}:%`])
    .then((rows) => rows.map((r) => r.key));

/** A consumer that records what it saw and adds one outside effect per event, keyed as the relay's contract says. */
function consumer(name: string, failOn: (event: OutboxEvent) => boolean = () => false) {
  const seen: number[] = [];
  const definition = defineConsumer({
    name,
    async handle(tx: Tx, event: OutboxEvent) {
      seen.push(event.seq);
      await enqueue(tx, 'test.effect', { seq: event.seq }, { tenantId: event.tenantId, key: `${event.id}:${name}:someone:mail` });
      if (failOn(event)) throw new Error(`cannot handle event ${event.seq}`);
    },
  });
  return { definition, seen };
}
const relay = (tenantId: string, c: ReturnType<typeof consumer>) => relayCommune(database.db, tenantId, { consumers: [c.definition] });

describe('the outbox relay', () => {
  it('numbers each commune’s events 1, 2, 3… and asks for the commune’s relay once while it waits', async () => {
    const a = await makeCommune(database);
    const b = await makeCommune(database);
    await Promise.all(Array.from({ length: 8 }, (_, n) => record(a.id, n)));
    await record(b.id, 100);
    expect((await seqs(a.id)).map((r) => r.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect((await seqs(b.id)).map((r) => r.seq)).toEqual([1]);
    const relayJobs = await database.query<{ commune_id: string; state: string }>(
      `select commune_id, state from jobs where name = 'outbox.relay' order by commune_id`,
    );
    expect(relayJobs.filter((j) => j.commune_id === a.id)).toEqual([{ commune_id: a.id, state: 'queued' }]);
    expect(relayJobs.filter((j) => j.commune_id === b.id)).toEqual([{ commune_id: b.id, state: 'queued' }]);
  });

  it('starts a new consumer at the commune’s newest event, then hands it every later one in order', async () => {
    const a = await makeCommune(database);
    await record(a.id, 1);
    await record(a.id, 2);
    const c = consumer('test.new');
    expect(await relay(a.id, c)).toMatchObject({ handled: 0 });
    expect(await cursorOf(a.id, 'test.new')).toBe(2);
    for (const n of [3, 4, 5]) await record(a.id, n);
    expect(await relay(a.id, c)).toMatchObject({ handled: 3, failed: 0 });
    expect(c.seen).toEqual([3, 4, 5]);
    expect(await cursorOf(a.id, 'test.new')).toBe(5);
    // Nothing new: nothing handled again.
    expect(await relay(a.id, c)).toMatchObject({ handled: 0 });
    expect(await effectKeys('test.new')).toHaveLength(3);
    forgetConsumer('test.new');
  });

  it('reads a commune created after the consumer first ran from its very first event, and the first event of a fresh database too', async () => {
    const c = consumer('test.later');
    const first = await makeCommune(database);
    await relay(first.id, c); // the consumer is recorded: every commune's cursor is set at its newest event
    expect(await database.query(`select name from outbox_consumers where name = 'test.later'`)).toEqual([{ name: 'test.later' }]);
    const later = await makeCommune(database);
    await record(later.id, 1); // the new commune's first event ever
    await record(later.id, 2);
    expect(await relay(later.id, c)).toMatchObject({ handled: 2, failed: 0 });
    expect(c.seen).toEqual([1, 2]);
    expect(await cursorOf(later.id, 'test.later')).toBe(2);
    // A commune that existed when the consumer was recorded, and had no event then, also gets its first one.
    await record(first.id, 1);
    expect(await relay(first.id, c)).toMatchObject({ handled: 1 });
    expect(c.seen).toEqual([1, 2, 1]);
    forgetConsumer('test.later');
  });

  it('waits on an event its consumer failed on, retries it later, and replays without doubling any effect', async () => {
    const a = await makeCommune(database);
    const c = consumer('test.flaky', (event) => event.payload.n === 3 && c.seen.filter((s) => s === event.seq).length === 1);
    await relay(a.id, c); // the cursor starts at 0, before any event
    for (const n of [1, 2, 3, 4, 5]) await record(a.id, n);
    const first = await relay(a.id, c);
    expect(first).toMatchObject({ handled: 2, failed: 1, parked: 0 });
    expect(first.retryAt!.getTime()).toBeGreaterThan(Date.now());
    expect(await cursorOf(a.id, 'test.flaky')).toBe(2);
    expect(await failuresOf(a.id, 'test.flaky')).toEqual([{ seq: 3, attempts: 1, last_error: 'cannot handle event 3', parked: false }]);
    // The failed attempt's effect was rolled back with it; later events wait.
    expect(await effectKeys('test.flaky')).toHaveLength(2);
    expect(await relay(a.id, c)).toMatchObject({ handled: 0 });
    expect(c.seen).toEqual([1, 2, 3]);
    // Its retry is due: 3, then 4 and 5, in order.
    await database.query(`update outbox_failures set next_attempt_at = now() - interval '1 second' where tenant_id = $1`, [a.id]);
    expect(await relay(a.id, c)).toMatchObject({ handled: 3, failed: 0 });
    expect(c.seen).toEqual([1, 2, 3, 3, 4, 5]);
    expect(await cursorOf(a.id, 'test.flaky')).toBe(5);
    expect(await failuresOf(a.id, 'test.flaky')).toEqual([]);
    const keys = await effectKeys('test.flaky');
    expect(keys).toHaveLength(5);
    expect(new Set(keys).size).toBe(5);
    forgetConsumer('test.flaky');
  });

  it('replays a whole batch whose transaction died before commit, with every effect once', async () => {
    const a = await makeCommune(database);
    const c = consumer('test.crash');
    await relay(a.id, c);
    for (const n of [1, 2, 3, 4]) await record(a.id, n);
    // A crash at the worst moment: every event handled, the cursor moved, and then the commit fails
    // (a deferred check that refuses the cursor's new value, run at COMMIT).
    await database.query(`create or replace function test_crash_at_commit() returns trigger language plpgsql as $$
      begin raise exception 'the worker died before its commit'; end $$`);
    await database.query(`create constraint trigger test_crash_at_commit after update on outbox_cursors deferrable initially deferred
      for each row when (new.consumer = 'test.crash') execute function test_crash_at_commit()`);
    await expect(relay(a.id, c)).rejects.toThrow();
    expect(c.seen).toEqual([1, 2, 3, 4]);
    expect(await cursorOf(a.id, 'test.crash')).toBe(0);
    expect(await effectKeys('test.crash')).toEqual([]);
    // The next worker reads the batch again: each effect happens once.
    await database.query(`drop trigger test_crash_at_commit on outbox_cursors`);
    expect(await relay(a.id, c)).toMatchObject({ handled: 4, failed: 0 });
    expect(c.seen).toEqual([1, 2, 3, 4, 1, 2, 3, 4]);
    expect(await cursorOf(a.id, 'test.crash')).toBe(4);
    const keys = await effectKeys('test.crash');
    expect(keys).toHaveLength(4);
    expect(new Set(keys).size).toBe(4);
    forgetConsumer('test.crash');
  });

  it('parks an event after its last attempt, and moves on to the next', async () => {
    const a = await makeCommune(database);
    const c = consumer('test.stubborn', (event) => event.payload.n === 2);
    await relay(a.id, c);
    for (const n of [1, 2, 3]) await record(a.id, n);
    for (let attempt = 1; attempt <= MAX_EVENT_ATTEMPTS; attempt++) {
      await database.query(`update outbox_failures set next_attempt_at = now() - interval '1 second' where tenant_id = $1`, [a.id]);
      await relay(a.id, c);
    }
    expect(await failuresOf(a.id, 'test.stubborn')).toEqual([{ seq: 2, attempts: MAX_EVENT_ATTEMPTS, last_error: 'cannot handle event 2', parked: true }]);
    expect(await cursorOf(a.id, 'test.stubborn')).toBe(3);
    expect(c.seen.filter((s) => s === 3)).toHaveLength(1);
    expect(await effectKeys('test.stubborn')).toHaveLength(2);
    forgetConsumer('test.stubborn');
  });

  it('delivers a parked event again when the operator asks, once its cause is mended; failing again, it stays parked with the new error', async () => {
    const a = await makeCommune(database);
    const b = await makeCommune(database);
    let mended = false;
    const c = consumer('test.mended', (event) => event.payload.n === 2 && !mended);
    await relay(a.id, c);
    for (const n of [1, 2, 3]) await record(a.id, n);
    for (let attempt = 1; attempt <= MAX_EVENT_ATTEMPTS; attempt++) {
      await database.query(`update outbox_failures set next_attempt_at = now() - interval '1 second' where tenant_id = $1`, [a.id]);
      await relay(a.id, c);
    }
    const [event2] = await database.query<{ id: string }>(`select id from outbox_events where tenant_id = $1 and seq = 2`, [a.id]);
    // Only a parked event of that consumer, in that commune, can be asked for.
    expect(await replayParked(database.db, b.id, 'test.mended', event2!.id)).toBe(false);
    expect(await replayParked(database.db, a.id, 'test.other', event2!.id)).toBe(false);
    expect(await replayParked(database.db, a.id, 'test.mended', crypto.randomUUID())).toBe(false);

    // Asked while the cause remains: one more attempt, the new error, still parked; the job is dead with it.
    await database.query(`update outbox_failures set last_error = 'an older error' where tenant_id = $1`, [a.id]);
    expect(await replayParked(database.db, a.id, 'test.mended', event2!.id)).toBe(true);
    expect(await replayParked(database.db, a.id, 'test.mended', event2!.id)).toBe(true); // twice: one job while it waits
    expect(await database.query(`select state from jobs where name = 'outbox.replay'`)).toEqual([{ state: 'queued' }]);
    const worker = createWorker({ db: database.db, schedules: false });
    await worker.drain();
    expect(await failuresOf(a.id, 'test.mended')).toEqual([{ seq: 2, attempts: MAX_EVENT_ATTEMPTS + 1, last_error: 'cannot handle event 2', parked: true }]);
    const [dead] = await database.query<{ state: string; last_error: string }>(`select state, last_error from jobs where name = 'outbox.replay'`);
    expect(dead).toMatchObject({ state: 'dead' });
    expect(dead!.last_error).toContain('cannot handle event 2');
    expect(await effectKeys('test.mended')).toHaveLength(2); // events 1 and 3: the failed tries left no effect

    // Mended: delivered once, the parked row gone, the cursor where it was (event 3 came through long ago).
    mended = true;
    expect(await replayParked(database.db, a.id, 'test.mended', event2!.id)).toBe(true);
    await worker.drain();
    expect(await failuresOf(a.id, 'test.mended')).toEqual([]);
    expect(await effectKeys('test.mended')).toHaveLength(3);
    expect(await cursorOf(a.id, 'test.mended')).toBe(3);
    expect(await replayParked(database.db, a.id, 'test.mended', event2!.id)).toBe(false);
    await worker.stop();
    forgetConsumer('test.mended');
  });

  it('delivers through the worker: recordEvent adds the relay job, the sweep adds one for a commune left behind', async () => {
    const a = await makeCommune(database);
    const c = consumer('test.worker');
    await relay(a.id, c);
    await record(a.id, 1);
    const worker = createWorker({ db: database.db, schedules: false });
    await worker.drain();
    expect(c.seen).toEqual([1]);
    // An event whose relay job was lost: the sweep finds the commune behind.
    await record(a.id, 2);
    await database.query(`delete from jobs where name = 'outbox.relay' and commune_id = $1`, [a.id]);
    await relaySweepJob.handler({ db: database.db, tenantId: null, payload: {}, attempt: 1, jobId: 'sweep', signal: new AbortController().signal });
    expect(await database.query(`select state from jobs where name = 'outbox.relay' and commune_id = $1`, [a.id])).toEqual([{ state: 'queued' }]);
    await worker.drain();
    expect(c.seen).toEqual([1, 2]);
    forgetConsumer('test.worker');
  });

  it('keeps each commune’s outbox, counters, cursors and failures to itself; request code still only adds jobs', async () => {
    const a = await makeCommune(database);
    const b = await makeCommune(database);
    const c = consumer('test.isolated', () => true);
    await relay(a.id, c);
    await record(a.id, 1);
    await relay(a.id, c);
    const asB = scopeFor(database, b.id, null);
    for (const table of [outboxEvents, outboxSequences, outboxCursors, outboxFailures]) {
      const rows = await withTenant(asB, (tx) => tx.select().from(table));
      expect(rows.filter((r) => r.tenantId === a.id)).toEqual([]);
    }
    const changed = await withTenant(asB, (tx) => tx.update(outboxCursors).set({ lastSeq: 0 }).returning());
    expect(changed.filter((r) => r.tenantId !== b.id)).toEqual([]);
    // The record of consumers is the runner's: request code may read it, never add to it.
    const recordConsumer = await withTenant(asB, (tx) => tx.execute(sql`insert into outbox_consumers (name) values ('test.forged')`)).catch(sqlStateOf);
    expect(recordConsumer, 'permission denied for table outbox_consumers').toBe('42501');
    const read = await withTenant(asB, (tx) => tx.execute(sql`select count(*) from jobs`)).catch(sqlStateOf);
    expect(read, 'permission denied for table jobs').toBe('42501');
    const change = await withTenant(asB, (tx) => tx.execute(sql`update jobs set state = 'done'`)).catch(sqlStateOf);
    expect(change, 'permission denied for table jobs').toBe('42501');
    forgetConsumer('test.isolated');
  });
});
