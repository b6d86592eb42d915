// Handbook figures for `npm run bench`: search p95 over 2,000 articles (in process, real
// PGlite / server Postgres), and, against a running server, the article page's HTML and JS
// bytes and the size of the offline cache after "Save the whole handbook".
import { gzipSync } from 'node:zlib';
import { openDatabase, type Database } from '#db/client.ts';
import { seedReferenceData } from '#db/seed/seed.ts';
import { handbookTemplate } from '#db/seed/handbook-template.ts';
import { searchHandbook } from '~/handbook/search.server.ts';
import { searchTextOf } from '~/handbook/search-text.ts';
import { copyTemplateAsOwner } from '~/handbook/template.server.ts';
import { communes, handbookArticles, handbookChapters, handbookTranslations, users } from '#db/schema/index.ts';
import { eq, sql } from 'drizzle-orm';
import { launchChromium, percentile } from './support.ts';

const templateArticles = handbookTemplate().articles;

/** Fills one commune with `total` published articles: the template, then variations of it. */
async function fill(database: Database, total: number): Promise<{ tenantId: string }> {
  await database.migrate();
  await seedReferenceData(database);
  const [commune] = await database.db
    .insert(communes)
    .values({
      slug: 'bench-xa',
      country: 'VN',
      provinceCode: '15',
      name: { vi: 'Xã Thử' },
      defaultLocale: 'vi',
      currency: 'VND',
      timeZone: 'Asia/Ho_Chi_Minh',
      centerLat: 22,
      centerLon: 104,
      zoom: 12,
    })
    .returning({ id: communes.id });
  const tenantId = commune!.id;
  const [user] = await database.db.insert(users).values({ email: 'bench@example.vn', passwordHash: 'x', displayName: 'Bench' }).returning({ id: users.id });
  await copyTemplateAsOwner(database.db, tenantId);
  const [chapter] = await database.db.transaction(async (tx) => {
    await tx.execute(sql`select set_config('app.tenant_id', ${tenantId}, true)`);
    return tx.select({ id: handbookChapters.id }).from(handbookChapters).where(eq(handbookChapters.tenantId, tenantId)).limit(1);
  });
  // Bulk rows straight into the tables (the owner connection, tenant set): the search is what is measured.
  await database.db.transaction(async (tx) => {
    await tx.execute(sql`select set_config('app.tenant_id', ${tenantId}, true)`);
    for (let start = templateArticles.length; start < total; start += 200) {
      const batch = Array.from({ length: Math.min(200, total - start) }, (_, k) => start + k);
      const rows = await tx
        .insert(handbookArticles)
        .values(batch.map((i) => ({ tenantId, chapterId: chapter!.id, slug: `bai-${i}`, position: i, published: true, updatedBy: user!.id })))
        .returning({ id: handbookArticles.id, slug: handbookArticles.slug });
      await tx.insert(handbookTranslations).values(
        rows.map((row) => {
          const i = Number(row.slug.slice(4));
          const source = templateArticles[i % templateArticles.length]!;
          const locale = i % 3 === 0 ? 'en' : 'vi';
          const title = `${source.title[locale]} (${i})`;
          const body = `${source.body[locale]}\n\nThôn ${i}, bản ${i % 37}.`;
          return {
            tenantId,
            articleId: row.id,
            locale,
            title,
            summary: source.summary[locale],
            body,
            searchText: searchTextOf(title, source.summary[locale], body),
          };
        }),
      );
    }
  });
  await database.query('analyze');
  return { tenantId };
}

export async function searchBench(databaseUrl: string | undefined, total = 2000) {
  const database = await openDatabase({ databaseUrl });
  try {
    const { tenantId } = await fill(database, total);
    const scope = { db: database.db, tenantId, userId: null };
    const queries = [
      'vneid',
      'thanh toan',
      'lua dao',
      'ma otp',
      'giay phep lai xe',
      'khai sinh',
      'mật khẩu',
      'zalo',
      'qr',
      'password',
      'scam',
      'มิจฉาชีพ',
      'พร้อมเพย์',
      'ban hang',
      'định danh',
    ];
    for (const q of queries) await searchHandbook(scope, q, 'vi', 'vi');
    const times: number[] = [];
    const perQuery = new Map<string, number[]>();
    let hits = 0;
    for (let round = 0; round < 10; round++) {
      for (const q of queries) {
        const t = performance.now();
        hits += (await searchHandbook(scope, q, 'vi', 'vi')).length;
        const ms = performance.now() - t;
        times.push(ms);
        perQuery.set(q, [...(perQuery.get(q) ?? []), ms]);
      }
    }
    times.sort((x, y) => x - y);
    const slowest = [...perQuery]
      .map(([q, list]) => ({
        q,
        median: +percentile(
          list.sort((x, y) => x - y),
          50,
        ).toFixed(1),
      }))
      .sort((x, y) => y.median - x.median)
      .slice(0, 4);
    return {
      articles: total,
      queries: times.length,
      p50: +percentile(times, 50).toFixed(1),
      p95: +percentile(times, 95).toFixed(1),
      hitsPerQuery: +(hits / times.length).toFixed(1),
      slowest,
    };
  } finally {
    await database.close();
  }
}

/** HTML bytes of a page, raw and gzipped. */
export async function htmlBytes(url: string) {
  const body = Buffer.from(await (await fetch(url, { headers: { 'Accept-Language': 'vi' } })).arrayBuffer());
  return { rawKB: +(body.byteLength / 1024).toFixed(1), gzipKB: +(gzipSync(body).byteLength / 1024).toFixed(1) };
}

/** In Chromium: open the handbook, press "Save the whole handbook", then add up the offline caches. */
export async function offlineCacheSize(base: string, communeSlug: string) {
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ locale: 'vi-VN' });
    await page.goto(`${base}/${communeSlug}/handbook`);
    await page.waitForFunction(() => navigator.serviceWorker.ready.then(() => true));
    const done = await page.locator('.save-offline').getAttribute('data-done');
    await page.locator('.save-offline button').click();
    await page.waitForFunction((word) => document.querySelector('[data-save-status]')?.textContent?.includes(word ?? ''), done, { timeout: 60_000 });
    const sizes: number[] = await page.evaluate(async () => {
      const out: number[] = [];
      for (const name of await caches.keys()) {
        const cache = await caches.open(name);
        for (const request of await cache.keys()) out.push((await (await cache.match(request))!.arrayBuffer()).byteLength);
      }
      return out;
    });
    return { entries: sizes.length, KB: Math.round(sizes.reduce((n, b) => n + b, 0) / 1024) };
  } finally {
    await browser.close();
  }
}
