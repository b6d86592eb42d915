// Marketplace figures for `npm run bench`, over 100,000 published products in 50 communes
// (BENCH_PRODUCTS to change the count):
//   1. catalogue search p50/p95 (in process, real PGlite / server Postgres), over a fixed mix of
//      queries: folded and accented Vietnamese, Thai, English, filters, sorts and later pages
//   0. a first-time seller listing a product on a slow phone and network (tests/bench/listing-walk.ts)
//   2. on server Postgres, `/market?q=mat+ong`, `/market` and an index-served filter page from the
//      built app (page cache off, then on) and from a raw `node:http` + `renderToString` baseline
//      on the same data, as a ratio; and from the smallest React Router app that serves the
//      baseline's page (tests/bench/floor/, same server as the app), to show the framework's own share
// The server database `baan_bench_market` is dropped afterwards (BENCH_KEEP_MARKET=1 keeps it,
// to look at query plans).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { gzipSync } from 'node:zlib';
import postgres from 'postgres';
import { openDatabase, type Database } from '#db/client.ts';
import { searchCatalogue } from '~/market/catalogue.server.ts';
import { parseCatalogueQuery } from '~/market/catalogue.ts';
import { listingWalkBench } from './listing-walk.ts';
import { seedMarketBench, type BenchCommune } from './market-data.ts';
import { CONNECTIONS, DURATION_MS, SMOKE, fmt, load, percentile, serverUrl, startServer, stop, waitFor200, type LoadResult } from './support.ts';

export const PRODUCTS = Number(process.env.BENCH_PRODUCTS ?? (SMOKE ? 2_000 : 100_000));
const SEARCH_TARGET = '[target p95 ≤ 30 ms]';

/** The query mix: what people type and pick on the catalogue page, as query strings. */
function queryMix(communes: BenchCommune[]) {
  const vn = communes.find((c) => c.country === 'VN')!;
  const th = communes.find((c) => c.country === 'TH')!;
  const platform = [
    'q=che+shan+tuyet',
    'q=mat+ong',
    'q=gao+nep',
    'q=nam+huong',
    'q=Ch%C3%A8+Shan+Tuy%E1%BA%BFt',
    'q=M%E1%BA%ADt+ong+r%E1%BB%ABng',
    'q=m%C4%83ng+kh%C3%B4',
    'q=th%E1%BB%95+c%E1%BA%A9m',
    'q=%E0%B8%AD%E0%B8%B9%E0%B9%88%E0%B8%AB%E0%B8%A5%E0%B8%87', // อู่หลง
    'q=%E0%B8%9C%E0%B9%89%E0%B8%B2%E0%B9%84%E0%B8%AB%E0%B8%A1', // ผ้าไหม
    'q=honey',
    'q=brocade+scarf',
    'q=s%C3%A2m+ng%E1%BB%8Dc+linh', // sâm ngọc linh: no such product
    'q=htx',
    'q=hat+de&page=2',
    'q=que&page=3',
    'q=mat+ong&page=4',
    'q=ca+phe&sort=price_asc',
    'q=mat+ong&category=honey&stars=4',
    `q=che&province=VN-${vn.provinceCode}`,
    'q=gao&min=30000&max=50000&instock=1',
    'q=tam+that&instock=1&sort=price_desc',
    'q=lao+cai&sort=newest',
    '',
    'page=5',
    'category=textiles&sort=price_desc',
    'stars=3',
    `province=VN-${vn.provinceCode}&instock=1`,
    'currency=THB&sort=price_asc',
    'min=100000&max=300000&sort=price_asc&page=2',
  ].map((search) => ({ search, tenantId: null as string | null, currency: 'VND' as const }));
  const commune = [
    { search: 'q=mat+ong', tenantId: vn.id, currency: 'VND' as const },
    { search: '', tenantId: vn.id, currency: 'VND' as const },
    { search: 'q=che&page=2', tenantId: vn.id, currency: 'VND' as const },
    { search: 'category=rice&instock=1', tenantId: vn.id, currency: 'VND' as const },
    { search: 'q=%E0%B8%8A%E0%B8%B2', tenantId: th.id, currency: 'THB' as const }, // ชา
  ];
  return [...platform, ...commune];
}

type QueryTiming = { search: string; tenant: boolean; times: number[]; hits: number };

/** Times `searchCatalogue` over the mix, after one warm-up round; returns the figures and the slowest shapes. */
export async function measureCatalogueSearch(database: Database, communes: BenchCommune[], rounds = 8) {
  const mix = queryMix(communes).map((m) => ({ ...m, query: parseCatalogueQuery(new URLSearchParams(m.search), m.currency) }));
  for (const m of mix) await searchCatalogue({ db: database.db, tenantId: m.tenantId, userId: null }, m.query);
  const timings: QueryTiming[] = mix.map((m) => ({ search: m.search, tenant: Boolean(m.tenantId), times: [], hits: 0 }));
  for (let round = 0; round < rounds; round++) {
    for (const [k, m] of mix.entries()) {
      const t = performance.now();
      const result = await searchCatalogue({ db: database.db, tenantId: m.tenantId, userId: null }, m.query);
      timings[k]!.times.push(performance.now() - t);
      timings[k]!.hits += result.items.length;
    }
  }
  const all = timings.flatMap((t) => t.times).sort((x, y) => x - y);
  const perQuery = timings
    .map((t) => ({
      search: decodeURIComponent(t.search.replace(/\+/g, ' ')) || '(no query)',
      tenant: t.tenant,
      median: +percentile(
        [...t.times].sort((x, y) => x - y),
        50,
      ).toFixed(1),
      hits: Math.round(t.hits / rounds),
    }))
    .sort((a, b) => b.median - a.median);
  return {
    queries: all.length,
    p50: +percentile(all, 50).toFixed(1),
    p95: +percentile(all, 95).toFixed(1),
    max: +all[all.length - 1]!.toFixed(1),
    hitsPerQuery: +(timings.reduce((n, t) => n + t.hits, 0) / all.length).toFixed(1),
    perQuery,
  };
}

/** Seeds a fresh database (PGlite in memory, or the server database at `databaseUrl`) and times the search. */
export async function catalogueSearchBench(databaseUrl?: string, total = PRODUCTS) {
  const database = await openDatabase({ databaseUrl });
  try {
    const started = performance.now();
    const communes = await seedMarketBench(database, total);
    const seedSeconds = +((performance.now() - started) / 1000).toFixed(1);
    return { products: total, communes: communes.length, seedSeconds, ...(await measureCatalogueSearch(database, communes)) };
  } finally {
    await database.close();
  }
}

const searchLine = (where: string, r: Awaited<ReturnType<typeof catalogueSearchBench>>) =>
  `catalogue search over ${r.products} products in ${r.communes} communes on ${where} (${r.queries} queries, seeded in ${r.seedSeconds} s): p50 ${r.p50} ms · p95 ${r.p95} ms · max ${r.max} ms · ${r.hitsPerQuery} hits/query   ${SEARCH_TARGET}\n` +
  `  slowest (median): ${r.perQuery
    .slice(0, 5)
    .map((s) => `"${s.search}"${s.tenant ? ' in a commune' : ''} ${s.median} ms`)
    .join(' · ')}`;

/** The raw baseline (tests/bench/market-baseline.tsx) in a process of its own, like the app. */
function startBaseline(port: number, databaseUrl: string): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', 'tests/bench/market-baseline.tsx'], {
    env: { ...process.env, NODE_ENV: 'production', PORT: String(port), DATABASE_URL: databaseUrl },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
}

// The two pages of the issue, and one the indexes serve in a few milliseconds even at 100k
// products: there the framework's own cost, not the database, sets the ratio.
const PAGES = ['/market?q=mat+ong', '/market', '/market?category=textiles&sort=price_desc'];

/** The page as sent (gzip) and unpacked, so the two servers are seen to send the same page. */
async function pageBytes(url: string) {
  const response = await fetch(url, { headers: { 'accept-language': 'vi', 'accept-encoding': 'gzip' } });
  const html = await response.text();
  const kb = (n: number) => (n / 1024).toFixed(1);
  return `${kb(Buffer.byteLength(html))} KB (${kb(gzipSync(html).byteLength)} KB gzip)`;
}

export async function runMarketBench() {
  console.log(`\nMarketplace · ${PRODUCTS} products · ${CONNECTIONS} connections × ${DURATION_MS / 1000} s`);
  await listingWalkBench();
  console.log(searchLine('PGlite (in process)', await catalogueSearchBench(undefined)));

  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  try {
    await admin`select 1`;
  } catch {
    console.log('catalogue on server Postgres: skipped (no server at BENCH_DATABASE_URL)');
    await admin.end();
    return;
  }
  const benchUrl = new URL(serverUrl);
  benchUrl.pathname = '/baan_bench_market';
  await admin.unsafe('drop database if exists baan_bench_market with (force)');
  await admin.unsafe('create database baan_bench_market');
  try {
    console.log(searchLine('server Postgres', await catalogueSearchBench(benchUrl.toString())));
    if (process.env.BENCH_KEEP_MARKET === '1') console.log(`  (BENCH_KEEP_MARKET=1: ${benchUrl} is kept)`);

    const port = 3320;
    const results: Record<string, Record<string, LoadResult>> = {};
    const bytes: Record<string, string> = {};
    for (const [label, env] of [
      ['app, page cache off', { PAGE_CACHE_SECONDS: '0' }],
      ['app, page cache on', {}],
    ] as const) {
      const server = startServer(port, { DATABASE_URL: benchUrl.toString(), ...env });
      try {
        await waitFor200(`http://localhost:${port}/healthz`);
        for (const page of PAGES) {
          (results[page] ??= {})[label] = await load(`http://localhost:${port}${page}`);
          bytes[`${page} ${label}`] = await pageBytes(`http://localhost:${port}${page}`);
        }
      } finally {
        await stop(server);
      }
    }
    const baseline = startBaseline(port + 1, benchUrl.toString());
    try {
      await waitFor200(`http://localhost:${port + 1}/market`);
      for (const page of PAGES) {
        (results[page] ??= {}).baseline = await load(`http://localhost:${port + 1}${page}`);
        bytes[`${page} baseline`] = await pageBytes(`http://localhost:${port + 1}${page}`);
      }
    } finally {
      await stop(baseline);
    }
    const floorBuild = spawnSync(process.execPath, ['node_modules/@react-router/dev/bin.js', 'build', 'tests/bench/floor'], { stdio: 'ignore' });
    if (floorBuild.status !== 0) throw new Error('building tests/bench/floor failed');
    const floor = startServer(port + 2, { DATABASE_URL: benchUrl.toString(), BUILD_DIR: 'tests/bench/floor/build' });
    try {
      await waitFor200(`http://localhost:${port + 2}/market`);
      for (const page of PAGES) (results[page] ??= {}).floor = await load(`http://localhost:${port + 2}${page}`);
    } finally {
      await stop(floor);
    }
    for (const page of PAGES) {
      const r = results[page]!;
      const app = r['app, page cache off']!;
      const raw = r.baseline!;
      console.log(`GET ${page}: HTML ${bytes[`${page} app, page cache off`]} from the app, ${bytes[`${page} baseline`]} from the baseline`);
      console.log(`GET ${page} on server Postgres, app (page cache off): ${fmt(app, '')}`);
      console.log(`GET ${page} on server Postgres, raw node:http + renderToString baseline: ${fmt(raw, '')}`);
      // From the request counts (same duration): a rounded req/s is too coarse when the database is slow.
      console.log(
        `  app/baseline: ${(app.requests / raw.requests).toFixed(2)}× the req/s, ${(app.p95 / raw.p95).toFixed(2)}× the p95   [target ≥ 0.6× the req/s]`,
      );
      const floor = r.floor!;
      console.log(`GET ${page} on server Postgres, the baseline's page as a bare React Router app (Baan's server, no middleware): ${fmt(floor, '')}`);
      console.log(
        `  bare React Router/baseline: ${(floor.requests / raw.requests).toFixed(2)}× the req/s (the framework's own cost) · app/bare React Router: ${(app.requests / floor.requests).toFixed(2)}× (Baan's middleware, i18n and data layer)`,
      );
      console.log(`GET ${page} on server Postgres, app (page cache on, the default): ${fmt(r['app, page cache on']!, '')}`);
    }
  } finally {
    if (process.env.BENCH_KEEP_MARKET !== '1') await admin.unsafe('drop database if exists baan_bench_market with (force)');
    await admin.end();
  }
}
