import { and, eq } from 'drizzle-orm';
import { ownerInTenant } from '../scope.ts';
import type { Database } from '../client.ts';
import { communes, places, tourismEvents, users, type PlaceDetails } from '../schema/index.ts';
import type { LocaleText } from '../schema/tenancy.ts';
import { fold } from '../text.ts';
import { addDays } from '../../app/lib/dates.ts';
import { trackStats } from '../../app/tourism/geo.ts';

type DemoPlace = {
  slug: string;
  kind: 'homestay' | 'sight' | 'food' | 'craft_village' | 'market' | 'viewpoint' | 'trail';
  name: LocaleText;
  summary: LocaleText;
  description?: LocaleText;
  lat: number;
  lon: number;
  details?: PlaceDetails;
  phone?: string;
  hours?: LocaleText;
  ownerEmail?: string;
  /** Trails: [lon, lat, elevation] points. */
  track?: [number, number, number][];
};

type DemoEvent = { slug: string; title: LocaleText; description: LocaleText; placeSlug?: string; startMonthDay: string; days: number; startTime?: string };

/** A walking line between two points with a gentle climb, for the demo trail. */
function demoTrack(from: [number, number], to: [number, number], startEle: number, climb: number, points = 60): [number, number, number][] {
  return Array.from({ length: points }, (_, i) => {
    const f = i / (points - 1);
    const wiggle = Math.sin(f * Math.PI * 6) * 0.0015;
    return [
      +(from[0] + (to[0] - from[0]) * f + wiggle).toFixed(6),
      +(from[1] + (to[1] - from[1]) * f).toFixed(6),
      Math.round(startEle + climb * Math.sin((f * Math.PI) / 2)),
    ];
  });
}

const demo: Record<string, { places: DemoPlace[]; events: DemoEvent[] }> = {
  'ta-van': {
    places: [
      {
        slug: 'homestay-giang-ta-chai',
        kind: 'homestay',
        name: { vi: 'Homestay Giàng Tả Chải', en: 'Giang Ta Chai Homestay' },
        summary: { vi: 'Nhà sàn của gia đình người Dao đỏ, nhìn ra ruộng bậc thang.', en: "A Red Dao family's house looking over the rice terraces." },
        description: { vi: 'Bốn phòng ngủ, bữa tối cùng gia đình, tắm lá thuốc Dao.', en: 'Four bedrooms, dinner with the family, and a Dao herbal bath.' },
        lat: 22.3012,
        lon: 103.8921,
        details: { rooms: 4, priceFrom: 250000, priceTo: 450000, meals: true, wifi: true },
        phone: '0900 000 203',
        ownerEmail: 'seller.tavan@baan.test',
      },
      {
        slug: 'ruong-bac-thang-ta-van',
        kind: 'viewpoint',
        name: { vi: 'Điểm ngắm ruộng bậc thang Tả Van', en: 'Ta Van rice terrace viewpoint' },
        summary: { vi: 'Đẹp nhất mùa lúa chín tháng 9.', en: 'At its best when the rice ripens in September.' },
        lat: 22.3078,
        lon: 103.8862,
        details: { bestSeason: { vi: 'Tháng 5–6 (mùa nước đổ) và tháng 9', en: 'May–June (flooded terraces) and September' } },
      },
      {
        slug: 'cau-may-ta-van',
        kind: 'sight',
        name: { vi: 'Cầu treo Tả Van', en: 'Ta Van suspension bridge' },
        summary: { vi: 'Cây cầu qua suối Mường Hoa nối các thôn.', en: 'The bridge over the Muong Hoa stream between the hamlets.' },
        lat: 22.2978,
        lon: 103.8896,
        details: { fees: { vi: 'Miễn phí', en: 'Free' } },
      },
      {
        slug: 'quan-com-me-may',
        kind: 'food',
        name: { vi: 'Quán cơm Mẹ Mây', en: "Mother May's kitchen" },
        summary: { vi: 'Cơm lam, thịt lợn cắp nách, rau cải mèo.', en: 'Bamboo-tube rice, local pork and mustard greens.' },
        lat: 22.2996,
        lon: 103.8935,
        details: { dishes: { vi: 'Cơm lam, thắng cố, rau cải mèo', en: 'Bamboo-tube rice, thang co stew, mustard greens' } },
        hours: { vi: '7:00–21:00 hằng ngày', en: 'Daily 7:00–21:00' },
      },
      {
        slug: 'duong-mon-lao-chai-ta-van',
        kind: 'trail',
        name: { vi: 'Đường mòn Lao Chải – Tả Van', en: 'Lao Chai – Ta Van trail' },
        summary: { vi: 'Đi bộ 5 km qua ruộng bậc thang và rừng tre.', en: 'A 5 km walk through rice terraces and bamboo forest.' },
        lat: 22.3201,
        lon: 103.8705,
        track: demoTrack([103.8705, 22.3201], [103.8921, 22.3012], 1280, 180),
      },
    ],
    events: [
      {
        slug: 'le-hoi-nhay-lua',
        title: { vi: 'Lễ hội Nhảy lửa của người Dao đỏ', en: 'Red Dao fire-dance festival' },
        description: { vi: 'Diễn ra vào tháng Giêng.', en: 'Held in the first lunar month.' },
        placeSlug: 'homestay-giang-ta-chai',
        startMonthDay: '02-10',
        days: 2,
      },
      {
        slug: 'mua-lua-chin',
        title: { vi: 'Mùa lúa chín Tả Van', en: 'Ta Van harvest season' },
        description: { vi: 'Ngắm ruộng bậc thang vàng rực.', en: 'The terraces turn gold.' },
        placeSlug: 'ruong-bac-thang-ta-van',
        startMonthDay: '09-10',
        days: 20,
      },
    ],
  },
  'gia-phu': {
    places: [
      {
        slug: 'rung-que-gia-phu',
        kind: 'craft_village',
        name: { vi: 'Làng quế Gia Phú', en: 'Gia Phu cinnamon village' },
        summary: { vi: 'Xem bóc vỏ quế và nuôi ong dưới tán rừng.', en: 'Watch cinnamon being peeled and bees kept under the trees.' },
        lat: 22.3655,
        lon: 104.0812,
        ownerEmail: 'seller.giaphu@baan.test',
      },
      {
        slug: 'cho-phien-gia-phu',
        kind: 'market',
        name: { vi: 'Chợ phiên Gia Phú', en: 'Gia Phu market day' },
        summary: { vi: 'Họp sáng Chủ nhật.', en: 'Sunday mornings.' },
        lat: 22.3589,
        lon: 104.0775,
        hours: { vi: 'Chủ nhật 6:00–11:00', en: 'Sundays 6:00–11:00' },
      },
    ],
    events: [],
  },
  'ban-rak-thai': {
    places: [
      {
        slug: 'ban-rak-thai-reservoir',
        kind: 'viewpoint',
        name: { th: 'อ่างเก็บน้ำบ้านรักไทย', en: 'Ban Rak Thai reservoir' },
        summary: { th: 'หมอกยามเช้าเหนือทะเลสาบ', en: 'Morning mist over the lake.' },
        lat: 19.5087,
        lon: 97.9021,
      },
      {
        slug: 'lee-wine-tea-house',
        kind: 'homestay',
        name: { th: 'บ้านพักชาดอย', en: 'Hill tea guesthouse' },
        summary: { th: 'บ้านดินริมไร่ชา', en: 'Earth houses by the tea garden.' },
        lat: 19.5052,
        lon: 97.8987,
        details: { rooms: 6, priceFrom: 800, priceTo: 1500, meals: true, wifi: false },
        ownerEmail: 'seller.banrakthai@baan.test',
      },
    ],
    events: [
      {
        slug: 'tea-festival',
        title: { th: 'เทศกาลชาบ้านรักไทย', en: 'Ban Rak Thai tea festival' },
        description: { th: 'ชิมชาและอาหารยูนนาน', en: 'Tea tasting and Yunnanese food.' },
        placeSlug: 'ban-rak-thai-reservoir',
        startMonthDay: '12-20',
        days: 3,
        startTime: '09:00',
      },
    ],
  },
};

/** The next date (today or later) with this month and day. */
function nextOccurrence(monthDay: string, now = new Date()): string {
  const year = now.getUTCFullYear();
  const candidate = `${year}-${monthDay}`;
  return candidate >= now.toISOString().slice(0, 10) ? candidate : `${year + 1}-${monthDay}`;
}

/** Demo places, a trail and festivals for the seeded communes. Idempotent. */
export async function seedDemoTourism(database: Database): Promise<void> {
  const db = database.db;
  for (const [slug, content] of Object.entries(demo)) {
    const [commune] = await db.select({ id: communes.id }).from(communes).where(eq(communes.slug, slug));
    if (!commune) continue;
    await ownerInTenant(db, commune.id, async (tx) => {
      for (const p of content.places) {
        const [owner] = p.ownerEmail ? await tx.select({ id: users.id }).from(users).where(eq(users.email, p.ownerEmail)) : [];
        // Measured as an uploaded GPX file is (geo.ts), so the demo trail says what an editor's would.
        const { lengthM, gainM } = p.track ? trackStats(p.track) : { lengthM: null, gainM: null };
        await tx
          .insert(places)
          .values({
            tenantId: commune.id,
            slug: p.slug,
            kind: p.kind,
            published: true,
            name: p.name,
            summary: p.summary,
            description: p.description ?? {},
            lat: p.lat,
            lon: p.lon,
            details: p.details ?? {},
            phone: p.phone ?? null,
            hours: p.hours ?? {},
            ownerUserId: owner?.id ?? null,
            track: p.track ?? null,
            lengthM,
            gainM,
            searchText: fold([...Object.values(p.name), ...Object.values(p.summary)].join(' | ')),
          })
          .onConflictDoNothing();
      }
      for (const e of content.events) {
        const [place] = e.placeSlug
          ? await tx
              .select({ id: places.id })
              .from(places)
              .where(and(eq(places.tenantId, commune.id), eq(places.slug, e.placeSlug)))
          : [];
        const startsOn = nextOccurrence(e.startMonthDay);
        await tx
          .insert(tourismEvents)
          .values({
            tenantId: commune.id,
            slug: e.slug,
            title: e.title,
            description: e.description,
            placeId: place?.id ?? null,
            startsOn,
            endsOn: addDays(startsOn, e.days - 1),
            startTime: e.startTime ?? null,
          })
          .onConflictDoNothing();
      }
    });
  }
}
