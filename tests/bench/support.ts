// Helpers shared by the bench parts: start the built app, wait for it, and load-test a URL.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';

/**
 * BENCH_SMOKE=1: a short run that checks every part still works (CI runs it after the tests):
 * about a second of load per page, no warm-up, small data sets. Its figures are not measurements.
 */
export const SMOKE = process.env.BENCH_SMOKE === '1';
export const DURATION_MS = Number(process.env.BENCH_SECONDS ?? (SMOKE ? 1 : 10)) * 1000;
export const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 20);
export const serverUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
export const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;

/** Debian's Chromium, headless (Playwright never downloads a browser); `args` are added to the usual ones. */
export async function launchChromium(args: string[] = []) {
  const { chromium } = await import('@playwright/test');
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', ...args] });
}

/** The built app on a fresh embedded database (seeded with the demo communes) at `port`, for `work`; stopped and removed after. */
export async function withEmbeddedApp<T>(port: number, work: (base: string) => Promise<T>): Promise<T> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'baan-bench-'));
  const server = startServer(port, { DATA_DIR: dataDir, DATABASE_URL: '' });
  const base = `http://localhost:${port}`;
  try {
    await waitFor200(`${base}/healthz`);
    return await work(base);
  } finally {
    await stop(server);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** What a server started by the bench wrote to stderr (its last 4 KB), shown when it logged an error. */
const stderrTails = new WeakMap<ChildProcess, { text: string; errors: number }>();

/**
 * The built app (`server/start.ts`) on `port`, with `env` over this process's environment. Its
 * output is read as it comes: a pipe nobody reads fills up, and the
 * server then blocks on its next log line (a bench that hangs without a figure).
 */
export function startServer(port: number, env: Record<string, string>): ChildProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/start.ts'], {
    env: { ...process.env, PORT: String(port), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const tail = { text: '', errors: 0 };
  stderrTails.set(child, tail);
  child.stdout!.resume();
  child.stderr!.setEncoding('utf8');
  child.stderr!.on('data', (text: string) => {
    // One per logged error: its message line, not each `…Error` named in its stack or causes.
    tail.errors += text.match(/^\S.*\bError\b/gm)?.length ?? 0;
    tail.text = (tail.text + text).slice(-4096);
  });
  return child;
}

export async function waitFor200(url: string, timeoutMs = 120_000): Promise<number> {
  const started = performance.now();
  while (performance.now() - started < timeoutMs) {
    try {
      const response = await fetch(url);
      if (response.status === 200) return performance.now() - started;
    } catch {
      // not listening yet
    }
    await sleep(25);
  }
  throw new Error(`no 200 from ${url} within ${timeoutMs} ms`);
}

export async function stop(child: ChildProcess) {
  if (child.exitCode === null && child.signalCode === null) {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  }
  const tail = stderrTails.get(child);
  if (tail?.errors) console.log(`  (the server logged ${tail.errors} error(s) during the run; its last lines:)\n${tail.text.replace(/^/gm, '    ')}`);
}

export type LoadResult = { requests: number; rps: number; p50: number; p95: number; p99: number; errors: number };

export const fmt = (r: LoadResult, target = '[target p95 ≤ 50 ms]') =>
  `p50 ${r.p50} ms · p95 ${r.p95} ms · p99 ${r.p99} ms · ${r.rps} req/s · ${r.errors} errors${target ? `   ${target}` : ''}`;

/** Seconds of the same load before each measurement (BENCH_WARMUP_SECONDS), so the figures are of a warmed-up server. */
const WARMUP_SECONDS = Number(process.env.BENCH_WARMUP_SECONDS ?? (SMOKE ? 0 : 3));

function run(url: string, seconds: number, onResponse?: (ms: number) => void): Promise<autocannon.Result> {
  return new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      { url, connections: CONNECTIONS, duration: seconds, headers: { 'accept-language': 'vi', 'accept-encoding': 'gzip' } },
      (error, done) => (error ? reject(error) : resolve(done)),
    );
    if (onResponse) instance.on('response', (_client, _status, _bytes, responseTime) => onResponse(responseTime));
  });
}

/**
 * autocannon with CONNECTIONS keep-alive connections for DURATION_MS, after WARMUP_SECONDS of the
 * same load (a server's first thousands of requests run code the JIT has not optimised yet);
 * every latency is kept for exact percentiles.
 */
export async function load(url: string): Promise<LoadResult> {
  if (WARMUP_SECONDS > 0) await run(url, WARMUP_SECONDS);
  const latencies: number[] = [];
  const result = await run(url, DURATION_MS / 1000, (ms) => latencies.push(ms));
  latencies.sort((x, y) => x - y);
  return {
    requests: latencies.length,
    rps: Math.round(result.requests.average),
    p50: +percentile(latencies, 50).toFixed(1),
    p95: +percentile(latencies, 95).toFixed(1),
    p99: +percentile(latencies, 99).toFixed(1),
    errors: result.errors + result.non2xx,
  };
}
