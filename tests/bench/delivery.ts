// Part 6 of `npm run bench` (BENCH_ONLY=delivery; or alone: `npx tsx tests/bench/delivery.ts`):
//   a. the outbox relay alone, with a no-op consumer: events recorded in many communes while a
//      worker runs; throughput (events handled per second) and lag (commit to handling, p50/p95),
//      on PGlite in process and on server Postgres — the relay's own ceiling;
//   b. the whole path, outbox → notifications → mail job → SMTP server, with the worker in its own
//      process: lag p50/p99 at 50 and 200 events/s, and the most it sustains
//      (tests/bench/delivery-pipeline.ts);
//   c. `kill -9` of the worker with 1,000 notifications in flight, on server Postgres and on the
//      embedded database: lost and doubled mail;
//   d. two worker processes on server Postgres running a schedule of short slots: every slot must
//      run exactly once (a stand-in for an hourly schedule, with seconds for hours)
import { spawn } from 'node:child_process';
import postgres from 'postgres';
import { openDatabase } from '#db/client.ts';
import { withTenant } from '#db/scope.ts';
import { seedReferenceData } from '#db/seed/seed.ts';
import { createWorker } from '~/jobs/worker.server.ts';
import { recordEvent } from '~/outbox/outbox.server.ts';
import { defineConsumer } from '~/outbox/relay.server.ts';
import { makeCommune } from '#tests/factories/index.ts';
import { crashBench, pipelineBench } from './delivery-pipeline.ts';
import { SMOKE, percentile, serverUrl } from './support.ts';

const EVENTS = Number(process.env.BENCH_EVENTS ?? (SMOKE ? 200 : 2000));
const COMMUNES = SMOKE ? 4 : 20;

const lags: number[] = [];
let handled = 0;
defineConsumer({
  name: 'bench.no-op',
  async handle(_tx, event) {
    lags.push(Date.now() - event.createdAt.getTime());
    handled++;
  },
});

/** Records EVENTS events over COMMUNES communes (several writers at once) while a worker relays them. */
async function relayBench(databaseUrl?: string) {
  const database = await openDatabase({ databaseUrl, max: 12 });
  try {
    await database.migrate();
    await seedReferenceData(database);
    const communes: string[] = [];
    for (let i = 0; i < COMMUNES; i++) communes.push((await makeCommune(database)).id);
    // The consumer's cursors start at each commune's head (the communes are new: 0).
    lags.length = 0;
    handled = 0;
    const worker = createWorker({ db: database.db, concurrency: 4, pollMs: 50, schedules: false });
    // One event in each commune first: the consumer's cursor is written on its first relay there.
    for (const id of communes) await withTenant({ db: database.db, tenantId: id, userId: null }, (tx) => recordEvent(tx, id, 'bench.warm', {}, null));
    await worker.drain();
    const pump = setInterval(() => void worker.tick().catch(() => 0), 50);
    lags.length = 0;
    handled = 0;
    const started = performance.now();
    let next = 0;
    const writer = async () => {
      for (;;) {
        const n = next++;
        if (n >= EVENTS) return;
        const id = communes[n % communes.length]!;
        await withTenant({ db: database.db, tenantId: id, userId: null }, (tx) => recordEvent(tx, id, 'bench.happened', { n }, null));
      }
    };
    await Promise.all(Array.from({ length: 4 }, writer));
    const recorded = performance.now();
    await waitFor(() => handled >= EVENTS, 120_000);
    const finished = performance.now();
    clearInterval(pump);
    await worker.stop();
    const sorted = [...lags].sort((a, b) => a - b);
    return {
      events: EVENTS,
      communes: COMMUNES,
      recordPerSecond: Math.round(EVENTS / ((recorded - started) / 1000)),
      relayPerSecond: Math.round(EVENTS / ((finished - started) / 1000)),
      lagP50: percentile(sorted, 50),
      lagP95: percentile(sorted, 95),
    };
  } finally {
    await database.close();
  }
}

async function waitFor(done: () => boolean, timeoutMs: number) {
  const until = Date.now() + timeoutMs;
  while (!done()) {
    if (Date.now() > until) throw new Error(`the relay handled ${handled} of ${EVENTS} events in ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const relayLine = (label: string, r: Awaited<ReturnType<typeof relayBench>>) =>
  `outbox relay on ${label}: ${r.events} events in ${r.communes} communes · recorded ${r.recordPerSecond}/s · relayed ${r.relayPerSecond}/s · lag p50 ${r.lagP50} ms · p95 ${r.lagP95} ms   [target p95 lag ≤ 2 s]`;

/** Two worker processes, one schedule of `everySeconds` slots, for `seconds`: how often did each slot run? */
async function slotsBench(url: string, seconds: number, everySeconds: number) {
  const runs = new Map<string, number>();
  const workers = Array.from({ length: 2 }, () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'tests/bench/delivery-worker.ts', url, String(seconds * 1000), String(everySeconds)], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout!.on('data', (chunk) => (out += chunk));
    return new Promise<void>((resolve, reject) =>
      child.once('exit', (code) => {
        for (const line of out.split('\n')) if (line.startsWith('ran ')) runs.set(line.slice(4), (runs.get(line.slice(4)) ?? 0) + 1);
        if (code === 0) resolve();
        else reject(new Error(`a bench worker exited with ${code}`));
      }),
    );
  });
  await Promise.all(workers);
  const counts = [...runs.values()];
  return { slots: runs.size, once: counts.filter((n) => n === 1).length, twice: counts.filter((n) => n > 1).length };
}

export async function deliveryBench() {
  console.log(relayLine('PGlite (in process)', await relayBench()));
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  try {
    await admin`select 1`;
  } catch {
    console.log('delivery on server Postgres: skipped (no server at BENCH_DATABASE_URL)');
    await admin.end();
    return;
  }
  const url = new URL(serverUrl);
  url.pathname = '/baan_bench_delivery';
  const fresh = async () => {
    await admin.unsafe('drop database if exists baan_bench_delivery with (force)');
    await admin.unsafe('create database baan_bench_delivery');
  };
  try {
    await fresh();
    console.log(relayLine('server Postgres', await relayBench(url.toString())));
    await fresh();
    await pipelineBench(url.toString());
    await fresh();
    await crashBench('postgres', url.toString());
    await crashBench('pglite');
    await fresh();
    const migrated = await openDatabase({ databaseUrl: url.toString(), max: 1 });
    await migrated.migrate();
    await migrated.close();
    const seconds = SMOKE ? 8 : 30;
    const slots = await slotsBench(url.toString(), seconds, 2);
    console.log(
      `schedule across 2 worker processes (slots of 2 s for ${seconds} s): ${slots.slots} slots · ${slots.once} ran once · ${slots.twice} ran more than once   [target: every slot once]`,
    );
    if (slots.twice > 0 || slots.slots === 0) throw new Error('a schedule slot ran more than once, or none ran');
  } finally {
    await admin.unsafe('drop database if exists baan_bench_delivery with (force)');
    await admin.end();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await deliveryBench();
