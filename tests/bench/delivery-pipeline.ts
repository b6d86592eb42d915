// Part 6b–c of `npm run bench` (BENCH_ONLY=delivery): the whole delivery path, as in production.
// The bench records outbox events in the communes' database; a separate worker process
// (`server/worker.ts`, as `npm run worker` runs it) relays them to the notifications consumer,
// which queues one mail each, and the mail job sends it over SMTP to a real SMTP server on
// loopback in this process (tests/support/smtp-sink.ts). Lag is from the event's commit (as the
// writer saw it return) to the mail's arrival at the SMTP server.
//
// Each event is `news.feed_failing` for a commune's feed, told to the commune's official (one
// verified address each): one inbox row and one e-mail per event. Its `failures` parameter carries
// the event's number, which the mail's text repeats, so each arrival is matched to its event.
//   b. lag p50/p99 at a steady 50 and 200 events/s, and the most the path sustains (a burst
//      recorded as fast as four writers can);
//   c. crash safety: `kill -9` of the worker while 1,000 notifications are in flight, a new
//      worker started at once: how many were lost, how many arrived twice (and of those, how many
//      with the same Message-ID, which mail stores fold into one), and how long recovery took.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase, type Database } from '#db/client.ts';
import { feeds } from '#db/schema/index.ts';
import { NOTIFICATIONS_CONSUMER } from '#domain/notifications.ts';
import { ownerInTenant, withTenant } from '#db/scope.ts';
import { seedReferenceData } from '#db/seed/seed.ts';
import { recordEvent } from '~/outbox/outbox.server.ts';
import { registerConsumer } from '~/outbox/relay.server.ts';
import { makeCommune, makeMember, makeUser } from '#tests/factories/index.ts';
import { startSmtpSink, type ReceivedMail, type SmtpSink } from '#tests/support/smtp-sink.ts';
import { percentile, sleep, SMOKE } from './support.ts';

/** Event numbers start here, so every number in a mail is seven digits and easy to find. */
const BASE = 1_000_000;

type Target = { tenantId: string; feedId: string };

/** A bench database: migrated, reference data, `communes` communes each with an official (verified e-mail, English) and a feed. */
export async function prepareCommunes(database: Database, communes: number): Promise<Target[]> {
  await database.migrate();
  await seedReferenceData(database);
  const targets: Target[] = [];
  for (let i = 0; i < communes; i++) {
    const commune = await makeCommune(database);
    const official = await makeUser(database, { email: `official.${commune.slug}@bench.test`, emailVerifiedAt: new Date(), locale: 'en' });
    await makeMember(database, commune.id, official.id, 'official');
    const [feed] = await ownerInTenant(database.db, commune.id, (tx) =>
      tx.insert(feeds).values({ tenantId: commune.id, url: 'http://127.0.0.1:9/rss', title: 'Bench feed' }).returning({ id: feeds.id }),
    );
    targets.push({ tenantId: commune.id, feedId: feed!.id });
  }
  return targets;
}

/** Records event `n` in its commune (round robin); resolves when it has committed. */
export async function recordNumbered(database: Database, targets: Target[], n: number): Promise<void> {
  const target = targets[n % targets.length]!;
  await withTenant({ db: database.db, tenantId: target.tenantId, userId: null }, (tx) =>
    recordEvent(tx, target.tenantId, 'news.feed_failing', { feedId: target.feedId, failures: BASE + n }, null),
  );
}

const numberOf = (mail: ReceivedMail) => {
  const found = /\b(1\d{6})\b/.exec(mail.parsed.text ?? '');
  return found ? Number(found[1]) - BASE : null;
};

/** What arrived at the SMTP server, by event number: arrival times, and Message-IDs. */
export class Arrivals {
  readonly at = new Map<number, number[]>();
  readonly messageIds = new Map<number, string[]>();
  total = 0;
  add(mail: ReceivedMail) {
    const n = numberOf(mail);
    if (n === null) return;
    this.total++;
    this.at.set(n, [...(this.at.get(n) ?? []), performance.now()]);
    this.messageIds.set(n, [...(this.messageIds.get(n) ?? []), mail.parsed.messageId ?? '']);
  }
  has(from: number, to: number) {
    for (let n = from; n < to; n++) if (!this.at.has(n)) return false;
    return true;
  }
  countIn(from: number, to: number) {
    let count = 0;
    for (let n = from; n < to; n++) if (this.at.has(n)) count++;
    return count;
  }
}

/** The worker process, as `npm run worker` starts it, on the bench database (BENCH_WORKER_FLAGS: node flags for it, e.g. `--cpu-prof`). */
export function startWorker(env: Record<string, string>): Promise<ChildProcess> {
  const child = spawn(
    process.execPath,
    [...(process.env.BENCH_WORKER_FLAGS ? process.env.BENCH_WORKER_FLAGS.split(/\s+/).filter(Boolean) : []), '--import', 'tsx', 'server/worker.ts'],
    {
      env: {
        ...process.env,
        NODE_ENV: 'production',
        JOBS_CONCURRENCY: process.env.BENCH_JOBS_CONCURRENCY ?? '4',
        FEED_IMPORT_MINUTES: '0',
        MAIL_FROM: 'Baan <no-reply@bench.test>',
        PUBLIC_URL: 'http://localhost:3000',
        SMS_GATEWAY_URL: '',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let errors = '';
  child.stderr!.on('data', (chunk: Buffer) => (errors += chunk.toString()));
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`the worker did not start in 60 s: ${out} ${errors}`)), 60_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('job worker')) {
        clearTimeout(timer);
        resolve(child);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the worker exited with ${code}: ${out} ${errors}`));
    });
  });
}

export async function stopWorker(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill(signal);
  await exited;
}

async function until(done: () => boolean, timeoutMs: number): Promise<boolean> {
  const end = Date.now() + timeoutMs;
  while (!done()) {
    if (Date.now() > end) return false;
    await sleep(10);
  }
  return true;
}

/** Events `from`…`from+count` at `rate` per second (an open loop: each is due at its time, late or not). */
async function steady(database: Database, targets: Target[], from: number, count: number, rate: number, committed: Map<number, number>) {
  const start = performance.now();
  const writes: Promise<void>[] = [];
  for (let i = 0; i < count; i++) {
    const due = start + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 1) await sleep(wait);
    const n = from + i;
    writes.push(recordNumbered(database, targets, n).then(() => void committed.set(n, performance.now())));
  }
  await Promise.all(writes);
  return (count / (performance.now() - start)) * 1000;
}

function lagOf(from: number, to: number, committed: Map<number, number>, arrivals: Arrivals) {
  const lags: number[] = [];
  for (let n = from; n < to; n++) {
    const at = arrivals.at.get(n)?.[0];
    const done = committed.get(n);
    if (at !== undefined && done !== undefined) lags.push(at - done);
  }
  lags.sort((a, b) => a - b);
  return { p50: Math.round(percentile(lags, 50)), p99: Math.round(percentile(lags, 99)), count: lags.length };
}

/** Part b: lag at 50 and 200 events/s, and the burst rate, on server Postgres (`url`). */
export async function pipelineBench(url: string) {
  const communes = SMOKE ? 4 : 20;
  const seconds = SMOKE ? 2 : 20;
  const burst = SMOKE ? 200 : 3000;
  const arrivals = new Arrivals();
  const sink = await startSmtpSink({ onMail: (mail) => arrivals.add(mail) });
  const database = await openDatabase({ databaseUrl: url, max: 12 });
  let worker: ChildProcess | null = null;
  const committed = new Map<number, number>();
  try {
    const targets = await prepareCommunes(database, communes);
    worker = await startWorker({ DATABASE_URL: url, SMTP_URL: sink.url });
    // Warm-up: one event per commune, all delivered, before anything is timed.
    let next = 0;
    for (let i = 0; i < communes; i++) await recordNumbered(database, targets, next++);
    await until(() => arrivals.has(0, next), 60_000);

    for (const rate of [50, 200]) {
      const from = next;
      const count = rate * seconds;
      next += count;
      const offered = await steady(database, targets, from, count, rate, committed);
      const complete = await until(() => arrivals.has(from, from + count), 120_000);
      const lag = lagOf(from, from + count, committed, arrivals);
      console.log(
        `delivery outbox → SMTP on server Postgres at ${rate} events/s (offered ${offered.toFixed(0)}/s for ${seconds} s, ${communes} communes, ${process.env.BENCH_JOBS_CONCURRENCY ?? 4} jobs at once): ` +
          `lag p50 ${lag.p50} ms · p99 ${lag.p99} ms · ${lag.count}/${count} arrived${complete ? '' : ' (not all within 120 s)'}`,
      );
    }

    // The most it sustains: a burst recorded by four writers as fast as they can, delivered to the last.
    const from = next;
    next += burst;
    let cursor = from;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: 4 }, async () => {
        for (;;) {
          const n = cursor++;
          if (n >= from + burst) return;
          await recordNumbered(database, targets, n);
          committed.set(n, performance.now());
        }
      }),
    );
    const recorded = performance.now();
    const complete = await until(() => arrivals.has(from, from + burst), 300_000);
    const finished = performance.now();
    console.log(
      `delivery burst on server Postgres: ${burst} events recorded at ${((burst / (recorded - started)) * 1000).toFixed(0)}/s; ` +
        `all mailed ${((finished - started) / 1000).toFixed(1)} s after the first: ${((arrivals.countIn(from, from + burst) / (finished - started)) * 1000).toFixed(0)} events/s end to end` +
        `${complete ? '' : ' (not all within 300 s)'}   [the most this machine sustains: 2 cores shared by the writer, Postgres, the worker and the SMTP server]`,
    );
    const duplicates = arrivals.total - arrivals.at.size;
    console.log(`delivery without crashes: ${duplicates} mail(s) arrived twice   [target 0]`);
  } finally {
    if (worker) await stopWorker(worker);
    await database.close();
    await sink.close();
  }
}

/**
 * Part c: `kill -9` of the worker with `count` notifications in flight. The events are recorded
 * first (with `url` on server Postgres, while the worker runs; on the embedded database before
 * it starts, since only one process may open it); the worker is killed when about a third have
 * arrived, and a new one started at once.
 */
export async function crashBench(kind: 'postgres' | 'pglite', url?: string) {
  const count = SMOKE ? 100 : 1000;
  const arrivals = new Arrivals();
  const sink: SmtpSink = await startSmtpSink({ onMail: (mail) => arrivals.add(mail) });
  const dataDir = kind === 'pglite' ? mkdtempSync(path.join(os.tmpdir(), 'baan-bench-crash-')) : null;
  const env: Record<string, string> = dataDir ? { DATA_DIR: dataDir, DATABASE_URL: '' } : { DATABASE_URL: url! };
  let worker: ChildProcess | null = null;
  try {
    const database = await openDatabase(dataDir ? { pgliteDir: path.join(dataDir, 'pglite') } : { databaseUrl: url!, max: 8 });
    const targets = await prepareCommunes(database, SMOKE ? 4 : 10);
    // The notifications consumer is recorded before the events are (as the app does at start):
    // otherwise a worker meeting it for the first time would start past them, as history.
    await registerConsumer(database.db, { name: NOTIFICATIONS_CONSUMER });
    if (kind === 'pglite') {
      for (let n = 0; n < count; n++) await recordNumbered(database, targets, n);
      await database.close();
      worker = await startWorker({ ...env, SMTP_URL: sink.url });
    } else {
      worker = await startWorker({ ...env, SMTP_URL: sink.url });
      await Promise.all(
        Array.from({ length: 4 }, async (_, w) => {
          for (let n = w; n < count; n += 4) await recordNumbered(database, targets, n);
        }),
      );
    }
    await until(() => arrivals.countIn(0, count) >= count / 3, 120_000);
    const before = arrivals.countIn(0, count);
    await stopWorker(worker, 'SIGKILL');
    const killedAt = performance.now();
    worker = await startWorker({ ...env, SMTP_URL: sink.url });
    // Jobs the dead worker held wait for their lease to end (the mail job's is 120 s).
    const complete = await until(() => arrivals.has(0, count), SMOKE ? 200_000 : 400_000);
    const recovered = (performance.now() - killedAt) / 1000;
    const lost = count - arrivals.countIn(0, count);
    let twice = 0;
    let sameId = 0;
    for (const [, ids] of arrivals.messageIds) {
      if (ids.length < 2) continue;
      twice += ids.length - 1;
      if (new Set(ids).size < ids.length) sameId += ids.length - new Set(ids).size;
    }
    const label = kind === 'postgres' ? 'server Postgres' : 'the embedded database (PGlite)';
    console.log(
      `kill -9 on ${label}: ${count} notifications, worker killed after ${before} had arrived, a new one started at once · ` +
        `${lost} lost · ${twice} mail(s) arrived twice (${sameId} of them with the same Message-ID) · all in ${complete ? `${recovered.toFixed(1)} s after the kill` : 'no (timed out)'}   [target 0 lost, 0 twice]`,
    );
    if (kind === 'postgres') await database.close();
  } finally {
    if (worker) await stopWorker(worker);
    await sink.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  }
}
