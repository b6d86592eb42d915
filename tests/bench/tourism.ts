// Tourism figures for `npm run bench`: 10,000 published places over 50 communes, then the p95 of
// the national map's bounding-box query (in process, real PGlite / server Postgres) and the size
// of all 10,000 places as GeoJSON, raw and gzipped.
import { gzipSync } from 'node:zlib';
import { sql } from 'drizzle-orm';
import { openDatabase } from '#db/client.ts';
import { communes, places, provinces } from '#db/schema/index.ts';
import { seedReferenceData } from '#db/seed/seed.ts';
import { fold } from '#db/text.ts';
import { placesGeoJsonText, type Bbox } from '~/tourism/places.server.ts';
import { PLACE_KINDS } from '~/tourism/kinds.ts';
import { percentile } from './support.ts';

const VI_WORDS = {
  homestay: ['Homestay', 'Nhà nghỉ', 'Nhà sàn'],
  sight: ['Thác', 'Hang', 'Đền', 'Cầu'],
  food: ['Quán', 'Bếp', 'Nhà hàng'],
  craft_village: ['Làng dệt', 'Làng rèn', 'Làng gốm'],
  market: ['Chợ phiên', 'Chợ'],
  viewpoint: ['Đỉnh', 'Điểm ngắm', 'Đồi'],
  trail: ['Đường mòn', 'Cung trekking'],
} as const;
const NAMES = [
  'Tả Van',
  'Lao Chải',
  'Giàng Tả Chải',
  'Hầu Thào',
  'Sử Pán',
  'Bản Hồ',
  'Mường Hoa',
  'Tả Phìn',
  'Sín Chải',
  'Cát Cát',
  'Y Tý',
  'Bát Xát',
  'Mù Cang Chải',
  'Pù Luông',
  'Mai Châu',
];
const TH_NAMES = ['ดอยแม่สลอง', 'บ้านรักไทย', 'ปางอุ๋ง', 'ห้วยน้ำดัง', 'ปาย'];

/** A small deterministic random source, so every run measures the same data. */
function random(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

export async function tourismBench(databaseUrl: string | undefined, total = 10_000) {
  const database = await openDatabase(databaseUrl ? { databaseUrl } : { pgliteDir: undefined });
  try {
    await database.migrate();
    await seedReferenceData(database);
    const rand = random(20261127);
    const provinceRows = await database.db.select().from(provinces);
    const communeCount = 50;
    const perCommune = Math.ceil(total / communeCount);
    let inserted = 0;
    for (let c = 0; c < communeCount; c++) {
      const thai = c % 10 === 9;
      const candidates = provinceRows.filter((p) => p.country === (thai ? 'TH' : 'VN'));
      const province = candidates[c % candidates.length]!;
      const lat = thai ? 17 + rand() * 3 : 10 + rand() * 12;
      const lon = thai ? 98 + rand() * 3 : 104 + rand() * 4;
      const [commune] = await database.db
        .insert(communes)
        .values({
          slug: `bench-xa-${c}`,
          country: thai ? 'TH' : 'VN',
          provinceCode: province.code,
          name: thai ? { th: `ตำบล ${c}`, en: `Tambon ${c}` } : { vi: `Xã ${NAMES[c % NAMES.length]} ${c}` },
          defaultLocale: thai ? 'th' : 'vi',
          currency: thai ? 'THB' : 'VND',
          timeZone: thai ? 'Asia/Bangkok' : 'Asia/Ho_Chi_Minh',
          centerLat: lat,
          centerLon: lon,
          zoom: 12,
        })
        .returning({ id: communes.id });
      const rows = Array.from({ length: Math.min(perCommune, total - inserted) }, (_, i) => {
        const kind = PLACE_KINDS[Math.floor(rand() * PLACE_KINDS.length)]!;
        const word = VI_WORDS[kind][Math.floor(rand() * VI_WORDS[kind].length)]!;
        const name = thai
          ? { th: `${TH_NAMES[Math.floor(rand() * TH_NAMES.length)]} ${i}`, en: `${kind} ${i}` }
          : { vi: `${word} ${NAMES[Math.floor(rand() * NAMES.length)]} ${i}` };
        return {
          tenantId: commune!.id,
          slug: `${kind.replace('_', '-')}-${i}`,
          kind,
          published: true,
          name,
          lat: +(lat + (rand() - 0.5) * 0.6).toFixed(6),
          lon: +(lon + (rand() - 0.5) * 0.6).toFixed(6),
          searchText: fold(Object.values(name).join(' | ')),
        };
      });
      await database.db.transaction(async (tx) => {
        await tx.execute(sql`select set_config('app.tenant_id', ${commune!.id}, true)`);
        for (let start = 0; start < rows.length; start += 500) await tx.insert(places).values(rows.slice(start, start + 500));
      });
      inserted += rows.length;
    }
    await database.db.execute(sql`analyze`);
    const scope = { db: database.db, tenantId: null, userId: null };

    // Map views a phone asks for: a village (zoom ~12), a district (~9) and a region (~6).
    const sizes = [0.08, 0.7, 6];
    const boxes: Bbox[] = Array.from({ length: 300 }, (_, i) => {
      const size = sizes[i % sizes.length]!;
      const centreLat = 10 + rand() * 12;
      const centreLon = 98 + rand() * 10;
      return [centreLon - size, centreLat - size / 2, centreLon + size, centreLat + size / 2];
    });
    for (const box of boxes.slice(0, 20)) await placesGeoJsonText(scope, { bbox: box }, 'en'); // warm-up
    const times: number[] = [];
    const bySize = sizes.map(() => [] as number[]);
    let features = 0;
    for (const [i, box] of boxes.entries()) {
      const started = performance.now();
      const body = await placesGeoJsonText(scope, { bbox: box }, 'en');
      const ms = performance.now() - started;
      times.push(ms);
      bySize[i % sizes.length]!.push(ms);
      features += body.split('"Feature"').length - 1;
    }
    times.sort((x, y) => x - y);
    const p95BySize = bySize.map(
      (list) =>
        +percentile(
          list.sort((x, y) => x - y),
          95,
        ).toFixed(1),
    );
    const all = await placesGeoJsonText(scope, {}, 'vi');
    return {
      places: inserted,
      queries: times.length,
      p50: +percentile(times, 50).toFixed(1),
      p95: +percentile(times, 95).toFixed(1),
      featuresPerQuery: Math.round(features / times.length),
      /** p95 for village (±0.08°), district (±0.7°) and region (±6°) views. */
      p95BySize,
      geojsonRawKB: +(Buffer.byteLength(all) / 1024).toFixed(1),
      geojsonGzipKB: +(gzipSync(all, { level: 6 }).byteLength / 1024).toFixed(1),
    };
  } finally {
    await database.close();
  }
}
