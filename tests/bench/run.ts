// `npm run bench`: the foundation's speed and size figures, measured on this machine.
//   1. cold start of `npm start` on an empty embedded database, to the first 200 of `/`
//   2. commune home page latency (p50/p95, autocannon) at 20 connections, on PGlite and on server
//      Postgres, with the anonymous page cache on (the default) and off
//   3. JavaScript (gzip) that the home page and a commune page download
//   4. the marketplace (tests/bench/market.ts): catalogue search p95 over 100,000 products in 50
//      communes (BENCH_PRODUCTS), and the catalogue page's throughput against a raw
//      `node:http` + `renderToString` baseline on the same data, as a ratio
// Server Postgres is used when BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres)
// answers; databases `baan_bench*` are created there and dropped afterwards.
//   5. tourism (tests/bench/tourism.ts): 10,000 places over 50 communes — the national map's bbox
//      query p95 and the size of all places as GeoJSON; the JavaScript of the map page (with
//      MapLibre and its worker) and of a place page; whether the list paints before map code loads
//   6. delivery (tests/bench/delivery.ts): the outbox relay's throughput and lag with a no-op
//      consumer (PGlite and server Postgres), and two worker processes on server Postgres running a
//      schedule of short slots, each slot exactly once
//   7. Lighthouse (tests/bench/lighthouse.ts): mobile scores of content, market, sign-in, map and place pages
// BENCH_ONLY=market runs only part 4, BENCH_ONLY=tourism only part 5, BENCH_ONLY=delivery only part 6,
// BENCH_ONLY=lighthouse only part 7 (BENCH_ONLY=handbook only parts 1–3); BENCH_SECONDS and
// BENCH_CONNECTIONS set each load test's length and connections. BENCH_SMOKE=1 is a short run
// (about a second per load, small data sets) that checks every part still works: CI runs it.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import postgres from 'postgres';
import { deliveryBench } from './delivery.ts';
import { lighthouseBench, printLighthouse } from './lighthouse.ts';
import { htmlBytes, offlineCacheSize, searchBench } from './handbook.ts';
import { runMarketBench } from './market.ts';
import { tourismBench } from './tourism.ts';
import { CONNECTIONS, DURATION_MS, SMOKE, fmt, launchChromium, load, serverUrl, startServer, stop, waitFor200, withEmbeddedApp } from './support.ts';

const ARTICLE = '/gia-phu/handbook/activate-vneid-level-2';

/** Every script a real browser (Chromium) downloads for the page, measured raw and gzipped. */
async function jsBytes(base: string, pagePath: string) {
  const browser = await launchChromium();
  try {
    // A phone's screen: what a reader sees without scrolling decides what loads (the place page's small map waits below it).
    const page = await browser.newPage({ viewport: { width: 360, height: 740 } });
    const scripts: Promise<Buffer>[] = [];
    page.on('response', (response) => {
      if (response.request().resourceType() === 'script') scripts.push(response.body());
    });
    await page.goto(base + pagePath, { waitUntil: 'networkidle' });
    const bodies = await Promise.all(scripts);
    const raw = bodies.reduce((n, b) => n + b.byteLength, 0);
    const gzip = bodies.reduce((n, b) => n + gzipSync(b, { level: 6 }).byteLength, 0);
    return { files: bodies.length, rawKB: +(raw / 1024).toFixed(1), gzipKB: +(gzip / 1024).toFixed(1) };
  } finally {
    await browser.close();
  }
}

const only = process.env.BENCH_ONLY;

async function main() {
  console.log(`Baan bench · ${os.cpus().length} cores · Node ${process.version} · ${CONNECTIONS} connections × ${DURATION_MS / 1000} s\n`);
  const build = spawnSync(process.execPath, ['node_modules/@react-router/dev/bin.js', 'build'], { stdio: 'ignore' });
  if (build.status !== 0) throw new Error('build failed');
  if (!only || only === 'handbook') await foundationAndHandbook();
  if (!only || only === 'market') await runMarketBench();
  if (!only || only === 'tourism') await tourismPart();
  if (!only || only === 'delivery') await deliveryBench();
  if (!only || only === 'lighthouse') printLighthouse(await lighthouseBench());
}

/** Scripts the page downloads (the page's and its workers'), once `ready` (a selector) shows; after scrolling `scrollTo` into view, if given. */
async function jsBytesUntil(base: string, pagePath: string, ready: string, scrollTo?: string) {
  // MapLibre draws with WebGL: software rendering.
  const browser = await launchChromium(['--enable-unsafe-swiftshader', '--use-angle=swiftshader']);
  try {
    const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    const scripts = new Map<string, Promise<Buffer>>();
    context.on('response', (response) => {
      const url = response.url();
      if (/\.(m?js)(\?|$)/.test(url) && !scripts.has(url)) scripts.set(url, response.body());
    });
    await page.goto(base + pagePath);
    if (scrollTo) await page.locator(scrollTo).scrollIntoViewIfNeeded();
    await page.waitForSelector(ready, { timeout: 60_000 });
    await page.waitForLoadState('networkidle');
    // When did the list paint, and when did the first map script start to load?
    const timing = await page.evaluate(() => {
      const lcp = performance.getEntriesByType('largest-contentful-paint').at(-1) as PerformanceEntry | undefined;
      const fcp = performance.getEntriesByName('first-contentful-paint')[0];
      const map = performance.getEntriesByType('resource').find((e) => /places-map|maplibre/.test(e.name));
      return { fcp: fcp?.startTime ?? null, lcp: lcp?.startTime ?? null, mapStart: map?.startTime ?? null };
    });
    const bodies = await Promise.all(scripts.values());
    const raw = bodies.reduce((n, b) => n + b.byteLength, 0);
    const gzip = bodies.reduce((n, b) => n + gzipSync(b, { level: 6 }).byteLength, 0);
    return { files: bodies.length, rawKB: +(raw / 1024).toFixed(1), gzipKB: +(gzip / 1024).toFixed(1), timing };
  } finally {
    await browser.close();
  }
}

async function tourismPart() {
  console.log('\n— Tourism —');
  await withEmbeddedApp(3314, async (base) => {
    const map = await jsBytesUntil(base, '/ta-van/tourism', '[data-map-ready="true"]');
    console.log(
      `JS on /ta-van/tourism with the map drawn (MapLibre and its worker included): ${map.files} files, ${map.rawKB} KB raw, ${map.gzipKB} KB gzip   [target ≤ 450 KB gz]`,
    );
    const { fcp, lcp, mapStart } = map.timing;
    const paint = lcp ?? fcp;
    console.log(
      `  list painted at ${paint?.toFixed(0)} ms (${lcp ? 'largest' : 'first'} contentful paint); first map script requested at ${mapStart?.toFixed(0)} ms   [target: the list paints before map code loads]`,
    );
    for (const [pagePath, note] of [
      ['/ta-van/tourism/homestay-giang-ta-chai', 'place page   [target ≤ 120 KB gz]'],
      ['/ta-van/market/che-shan-tuyet-ta-van', 'product page   [target ≤ 120 KB gz]'],
    ] as const) {
      const js = await jsBytes(base, pagePath);
      console.log(`JS on ${pagePath}: ${js.files} files, ${js.rawKB} KB raw, ${js.gzipKB} KB gzip — ${note}`);
    }
    const scrolled = await jsBytesUntil(base, '/ta-van/tourism/homestay-giang-ta-chai', '[data-map-ready="true"]', '#map-title');
    console.log(`  the same place page scrolled down to its small map (MapLibre loads then): ${scrolled.files} files, ${scrolled.gzipKB} KB gzip`);
  });
  const places = Number(process.env.BENCH_PLACES ?? (SMOKE ? 500 : 10_000));
  const embedded = await tourismBench(undefined, places);
  const line = (where: string, r: typeof embedded) =>
    `map bbox query over ${r.places} places on ${where} (${r.queries} queries, village/district/region views): p50 ${r.p50} ms · p95 ${r.p95} ms (village ${r.p95BySize[0]} · district ${r.p95BySize[1]} · region ${r.p95BySize[2]}) · ${r.featuresPerQuery} features/query   [target p95 ≤ 20 ms]`;
  console.log(line('PGlite', embedded));
  console.log(`all ${embedded.places} places as GeoJSON: ${embedded.geojsonRawKB} KB raw, ${embedded.geojsonGzipKB} KB gzip   [target ≤ 250 KB gz]`);
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  try {
    await admin`select 1`;
  } catch {
    console.log('map bbox query on server Postgres: skipped (no server at BENCH_DATABASE_URL)');
    return;
  }
  const url = new URL(serverUrl);
  url.pathname = '/baan_bench_tourism';
  await admin.unsafe('drop database if exists baan_bench_tourism with (force)');
  await admin.unsafe('create database baan_bench_tourism');
  try {
    console.log(line('server Postgres', await tourismBench(url.toString(), places)));
  } finally {
    await admin.unsafe('drop database if exists baan_bench_tourism with (force)');
    await admin.end();
  }
}

async function foundationAndHandbook() {
  // 1 + 2a: embedded database.
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'baan-bench-'));
  const port = 3310;
  const started = performance.now();
  const embedded = startServer(port, { DATA_DIR: dataDir, DATABASE_URL: '' });
  await waitFor200(`http://localhost:${port}/`);
  const coldStartMs = Math.round(performance.now() - started);
  await stop(embedded);
  const warmStarted = performance.now();
  const embeddedAgain = startServer(port, { DATA_DIR: dataDir, DATABASE_URL: '' });
  await waitFor200(`http://localhost:${port}/`);
  const warmStartMs = Math.round(performance.now() - warmStarted);
  console.log(`cold start (empty embedded database: create, migrate, seed) to first 200 of /: ${coldStartMs} ms   [target ≤ 10000 ms]`);
  console.log(`warm start (existing embedded database) to first 200 of /:               ${warmStartMs} ms\n`);

  const base = `http://localhost:${port}`;
  for (const [page, note] of [
    ['/', 'reading page, not hydrated   [target ≤ 120 KB gz]'],
    ['/gia-phu', 'reading page, not hydrated'],
    ['/login', 'interactive page, hydrated'],
    [ARTICLE, 'handbook article with checklist   [target ≤ 60 KB gz]'],
  ] as const) {
    const js = await jsBytes(base, page);
    console.log(`JS on ${page}: ${js.files} files, ${js.rawKB} KB raw, ${js.gzipKB} KB gzip — ${note}`);
  }
  const html = await htmlBytes(base + ARTICLE);
  console.log(`HTML of ${ARTICLE}: ${html.rawKB} KB raw, ${html.gzipKB} KB gzip`);
  const offline = await offlineCacheSize(base, 'gia-phu');
  console.log(`offline cache after "Save the whole handbook" (template handbook, gia-phu): ${offline.entries} entries, ${offline.KB} KB`);
  console.log('');
  const articleLoad = await load(base + ARTICLE);
  console.log(`GET ${ARTICLE} on PGlite (anonymous page cache on): ${fmt(articleLoad)}`);

  const pglite = await load(`${base}/gia-phu`);
  console.log(`GET /gia-phu on PGlite (anonymous page cache on):  ${fmt(pglite)}`);
  await stop(embeddedAgain);
  const uncached = startServer(port, { DATA_DIR: dataDir, DATABASE_URL: '', PAGE_CACHE_SECONDS: '0' });
  await waitFor200(`${base}/`);
  console.log(`GET /gia-phu on PGlite (page cache off, every request rendered): ${fmt(await load(`${base}/gia-phu`))}`);
  console.log(`GET ${ARTICLE} on PGlite (page cache off): ${fmt(await load(base + ARTICLE))}`);
  await stop(uncached);

  const search = await searchBench(undefined, Number(process.env.BENCH_ARTICLES ?? (SMOKE ? 200 : 2000)));
  console.log(
    `\nhandbook search over ${search.articles} articles on PGlite (in process, ${search.queries} queries): p50 ${search.p50} ms · p95 ${search.p95} ms · ${search.hitsPerQuery} hits/query   [target p95 ≤ 30 ms]`,
  );
  rmSync(dataDir, { recursive: true, force: true });

  // 2b: server Postgres.
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  try {
    await admin`select 1`;
  } catch {
    console.log('GET /gia-phu on server Postgres: skipped (no server at BENCH_DATABASE_URL)');
    return;
  }
  await admin.unsafe('drop database if exists baan_bench with (force)');
  await admin.unsafe('create database baan_bench');
  const benchUrl = new URL(serverUrl);
  benchUrl.pathname = '/baan_bench';
  try {
    const seed = spawnSync(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'db/seed/cli.ts'], {
      env: { ...process.env, DATABASE_URL: benchUrl.toString() },
      stdio: 'ignore',
    });
    if (seed.status !== 0) throw new Error('seeding the server database failed');
    for (const cacheSeconds of ['5', '0']) {
      const server = startServer(port + 1, { DATABASE_URL: benchUrl.toString(), PAGE_CACHE_SECONDS: cacheSeconds });
      await waitFor200(`http://localhost:${port + 1}/healthz`);
      const pg = await load(`http://localhost:${port + 1}/gia-phu`);
      console.log(`GET /gia-phu on server Postgres (page cache ${cacheSeconds === '0' ? 'off' : 'on'}): ${fmt(pg)}`);
      await stop(server);
    }
    const searchUrl = new URL(serverUrl);
    searchUrl.pathname = '/baan_bench_search';
    await admin.unsafe('drop database if exists baan_bench_search with (force)');
    await admin.unsafe('create database baan_bench_search');
    try {
      const pgSearch = await searchBench(searchUrl.toString(), Number(process.env.BENCH_ARTICLES ?? (SMOKE ? 200 : 2000)));
      console.log(
        `handbook search over ${pgSearch.articles} articles on server Postgres (${pgSearch.queries} queries): p50 ${pgSearch.p50} ms · p95 ${pgSearch.p95} ms · ${pgSearch.hitsPerQuery} hits/query   [target p95 ≤ 30 ms]`,
      );
    } finally {
      await admin.unsafe('drop database if exists baan_bench_search with (force)');
    }
  } finally {
    await admin.unsafe('drop database if exists baan_bench with (force)');
    await admin.end();
  }
}

await main();
