// Lighthouse scores for `npm run bench` (BENCH_ONLY=lighthouse): the built app on a fresh
// embedded database with the demo communes, each page audited by Lighthouse 12 in Debian's
// Chromium with Lighthouse's default mobile settings (a mid-range phone's screen, simulated slow
// 4G and a 4× slower CPU). The targets are issue 14's: content pages 100 in every category,
// the tourism map and a place page performance ≥ 90, SEO 100 on the market, tourism and sign-in.
// Lighthouse's simulated performance depends on the machine it runs on; run it twice and
// report the spread.
import lighthouse from 'lighthouse';
import { SMOKE, launchChromium, withEmbeddedApp } from './support.ts';

const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
type Category = (typeof CATEGORIES)[number];

/** Each page, and the least score it should have per category (100 unless named). */
const PAGES: { path: string; kind: string; least?: Partial<Record<Category, number>> }[] = [
  { path: '/ta-van', kind: 'commune home' },
  { path: '/gia-phu/handbook', kind: 'handbook' },
  { path: '/gia-phu/handbook/activate-vneid-level-2', kind: 'handbook article' },
  { path: '/ta-van/events', kind: 'events' },
  { path: '/market', kind: 'market' },
  { path: '/login', kind: 'sign-in' },
  { path: '/ta-van/tourism', kind: 'tourism map', least: { performance: 90 } },
  { path: '/ta-van/tourism/homestay-giang-ta-chai', kind: 'place page', least: { performance: 90 } },
];

const PORT = 9333;

export type LighthouseRow = { path: string; kind: string; scores: Record<Category, number>; metrics: string; misses: string[]; failing: string[] };

/** The performance score's metrics, as Lighthouse shows them. */
const METRICS = {
  'first-contentful-paint': 'FCP',
  'largest-contentful-paint': 'LCP',
  'total-blocking-time': 'TBT',
  'cumulative-layout-shift': 'CLS',
  'speed-index': 'SI',
} as const;

export async function lighthouseBench(port = 3240): Promise<LighthouseRow[]> {
  return withEmbeddedApp(port, async (base) => {
    // MapLibre draws with WebGL: software rendering, as on the other map measurements.
    const browser = await launchChromium([`--remote-debugging-port=${PORT}`, '--enable-unsafe-swiftshader', '--use-angle=swiftshader']);
    const rows: LighthouseRow[] = [];
    try {
      // The smoke run audits two pages: enough to know the part still works.
      for (const page of SMOKE ? [PAGES[0]!, PAGES[6]!] : PAGES) {
        // Once unaudited, so the server's first rendering of each page is not what is measured.
        await fetch(base + page.path);
        const result = await lighthouse(base + page.path, { port: PORT, output: 'json', logLevel: 'error', onlyCategories: [...CATEGORIES] });
        if (!result) throw new Error(`Lighthouse gave no result for ${page.path}`);
        const { categories, audits } = result.lhr;
        const scores = Object.fromEntries(CATEGORIES.map((c) => [c, Math.round((categories[c]?.score ?? 0) * 100)])) as Record<Category, number>;
        const misses = CATEGORIES.filter((c) => scores[c] < (page.least?.[c] ?? 100)).map((c) => `${c} ${scores[c]} < ${page.least?.[c] ?? 100}`);
        // The audits that cost points outside performance (whose opportunities are many and small).
        const failing = CATEGORIES.filter((c) => c !== 'performance').flatMap((c) =>
          (categories[c]?.auditRefs ?? [])
            .filter((ref) => ref.weight > 0 && audits[ref.id]?.score !== null && (audits[ref.id]?.score ?? 1) < 1)
            .map((ref) => `${c}: ${ref.id}`),
        );
        const metrics = Object.entries(METRICS)
          .map(([id, name]) => `${name} ${audits[id]?.displayValue ?? '?'}`)
          .join(' · ');
        rows.push({ path: page.path, kind: page.kind, scores, metrics, misses, failing });
      }
    } finally {
      await browser.close();
    }
    return rows;
  });
}

export function printLighthouse(rows: LighthouseRow[]) {
  console.log('\nLighthouse 12 · mobile (simulated slow 4G, 4× slower CPU) · Debian Chromium');
  for (const row of rows) {
    const scores = CATEGORIES.map((c) => `${c} ${row.scores[c]}`).join(' · ');
    console.log(`${row.path} (${row.kind}): ${scores}   ${row.misses.length ? `[missed: ${row.misses.join(', ')}]` : '[met]'}`);
    console.log(`  ${row.metrics}`);
    if (row.failing.length) console.log(`  failing audits: ${row.failing.join(', ')}`);
  }
}
