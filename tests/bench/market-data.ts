// The marketplace bench's data: 50 communes (VN, a few TH), their sellers and 100,000 published
// products with realistic, varied titles, written as the owner connection like the seeders.
import { sql } from 'drizzle-orm';
import type { Database } from '#db/client.ts';
import { communes, products, provinces, sellers, type ProductCategory, type ProductUnit } from '#db/schema/index.ts';
import type { ImageRef } from '#db/schema/media.ts';
import type { LocaleText } from '#db/schema/tenancy.ts';
import { seedReferenceData } from '#db/seed/seed.ts';
import { communeSearchText, fold, productSearchText } from '#db/text.ts';

/** A small seeded generator (mulberry32): every run loads the same rows. */
export function random(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!,
    chance: (p: number) => next() < p,
  };
}

type Family = { category: ProductCategory; vi?: string; th?: string; en: string; units: ProductUnit[]; price: [number, number] };

// Price ranges are in the currency's minor unit: đồng, or satang for THB.
const VN_FAMILIES: Family[] = [
  { category: 'tea', vi: 'Chè Shan Tuyết', en: 'Shan Tuyet tea', units: ['g500', 'g100', 'kg'], price: [150_000, 1_800_000] },
  { category: 'tea', vi: 'Chè búp Tân Cương', en: 'Tan Cuong bud tea', units: ['g500', 'g100'], price: [120_000, 900_000] },
  { category: 'tea', vi: 'Trà hoa vàng', en: 'Golden camellia tea', units: ['g100', 'box'], price: [300_000, 2_500_000] },
  { category: 'tea', vi: 'Chè móc câu', en: 'Hook-leaf green tea', units: ['g500', 'pack'], price: [100_000, 600_000] },
  { category: 'coffee', vi: 'Cà phê Arabica', en: 'Arabica coffee', units: ['g500', 'kg'], price: [120_000, 700_000] },
  { category: 'coffee', vi: 'Cà phê Robusta rang mộc', en: 'Plain-roasted Robusta coffee', units: ['g500', 'kg'], price: [90_000, 400_000] },
  { category: 'coffee', vi: 'Cà phê hạt Cầu Đất', en: 'Cau Dat coffee beans', units: ['g500', 'kg'], price: [150_000, 800_000] },
  { category: 'honey', vi: 'Mật ong rừng', en: 'Wild forest honey', units: ['bottle', 'jar', 'litre'], price: [180_000, 900_000] },
  { category: 'honey', vi: 'Mật ong hoa bạc hà', en: 'Mint-flower honey', units: ['bottle', 'jar'], price: [250_000, 1_200_000] },
  { category: 'honey', vi: 'Mật ong hoa nhãn', en: 'Longan-flower honey', units: ['bottle', 'jar'], price: [150_000, 600_000] },
  { category: 'honey', vi: 'Mật ong bạc hà Mèo Vạc', en: 'Meo Vac mint honey', units: ['bottle', 'litre'], price: [300_000, 1_500_000] },
  { category: 'spices', vi: 'Quế khô', en: 'Dried cinnamon bark', units: ['kg', 'pack'], price: [60_000, 350_000] },
  { category: 'spices', vi: 'Quế thanh', en: 'Cinnamon sticks', units: ['kg', 'g500'], price: [80_000, 400_000] },
  { category: 'spices', vi: 'Hoa hồi', en: 'Star anise', units: ['kg', 'g500'], price: [150_000, 500_000] },
  { category: 'spices', vi: 'Thảo quả', en: 'Black cardamom', units: ['kg', 'g500'], price: [200_000, 700_000] },
  { category: 'spices', vi: 'Mắc khén', en: 'Mac khen wild pepper', units: ['g100', 'g500'], price: [50_000, 400_000] },
  { category: 'rice', vi: 'Gạo nếp nương', en: 'Upland sticky rice', units: ['kg', 'pack'], price: [30_000, 90_000] },
  { category: 'rice', vi: 'Gạo nếp cái hoa vàng', en: 'Yellow-flower sticky rice', units: ['kg', 'pack'], price: [35_000, 80_000] },
  { category: 'rice', vi: 'Gạo tám thơm', en: 'Fragrant tam rice', units: ['kg', 'pack'], price: [25_000, 60_000] },
  { category: 'rice', vi: 'Gạo Séng Cù', en: 'Seng Cu rice', units: ['kg', 'pack'], price: [28_000, 70_000] },
  { category: 'rice', vi: 'Gạo lứt đỏ', en: 'Red brown rice', units: ['kg'], price: [30_000, 75_000] },
  { category: 'produce', vi: 'Nấm hương rừng', en: 'Wild shiitake mushrooms', units: ['g500', 'kg'], price: [200_000, 900_000] },
  { category: 'produce', vi: 'Măng khô', en: 'Dried bamboo shoots', units: ['kg', 'g500'], price: [150_000, 500_000] },
  { category: 'produce', vi: 'Hạt dẻ Trùng Khánh', en: 'Trung Khanh chestnuts', units: ['kg'], price: [90_000, 250_000] },
  { category: 'produce', vi: 'Mận hậu', en: 'Hau plums', units: ['kg'], price: [25_000, 80_000] },
  { category: 'produce', vi: 'Táo mèo', en: 'Wild mountain apples', units: ['kg'], price: [20_000, 70_000] },
  { category: 'produce', vi: 'Cam sành', en: 'King oranges', units: ['kg', 'box'], price: [20_000, 60_000] },
  { category: 'processed', vi: 'Thịt trâu gác bếp', en: 'Smoked buffalo jerky', units: ['g500', 'kg'], price: [350_000, 1_100_000] },
  { category: 'processed', vi: 'Lạp xường hun khói', en: 'Smoked sausages', units: ['kg', 'g500'], price: [180_000, 450_000] },
  { category: 'processed', vi: 'Miến dong', en: 'Arrowroot glass noodles', units: ['kg', 'pack'], price: [50_000, 140_000] },
  { category: 'processed', vi: 'Rượu ngô men lá', en: 'Leaf-yeast corn liquor', units: ['litre', 'bottle'], price: [60_000, 300_000] },
  { category: 'processed', vi: 'Mứt gừng', en: 'Candied ginger', units: ['jar', 'box'], price: [40_000, 150_000] },
  { category: 'textiles', vi: 'Khăn thổ cẩm', en: 'Brocade scarf', units: ['piece'], price: [120_000, 900_000] },
  { category: 'textiles', vi: 'Túi thổ cẩm', en: 'Brocade bag', units: ['piece'], price: [150_000, 800_000] },
  { category: 'textiles', vi: 'Vải lanh nhuộm chàm', en: 'Indigo-dyed hemp cloth', units: ['metre', 'piece'], price: [200_000, 1_500_000] },
  { category: 'textiles', vi: 'Váy thổ cẩm Mông', en: 'Hmong brocade skirt', units: ['piece', 'set'], price: [500_000, 3_500_000] },
  { category: 'handicrafts', vi: 'Gùi mây', en: 'Rattan back basket', units: ['piece'], price: [150_000, 900_000] },
  { category: 'handicrafts', vi: 'Giỏ tre đan tay', en: 'Hand-woven bamboo basket', units: ['piece', 'set'], price: [60_000, 400_000] },
  { category: 'handicrafts', vi: 'Nón lá', en: 'Palm-leaf conical hat', units: ['piece'], price: [50_000, 250_000] },
  { category: 'handicrafts', vi: 'Đũa tre', en: 'Bamboo chopsticks', units: ['set'], price: [30_000, 120_000] },
  { category: 'medicinal', vi: 'Đương quy', en: 'Dong quai root', units: ['kg', 'g500'], price: [200_000, 800_000] },
  { category: 'medicinal', vi: 'Tam thất', en: 'Notoginseng root', units: ['g100', 'g500'], price: [300_000, 2_000_000] },
  { category: 'medicinal', vi: 'Giảo cổ lam', en: 'Jiaogulan herb tea', units: ['g500', 'pack'], price: [80_000, 300_000] },
  { category: 'medicinal', vi: 'Lá tắm người Dao', en: 'Red Dao herbal bath leaves', units: ['pack', 'box'], price: [40_000, 200_000] },
  { category: 'other', vi: 'Hạt giống rau bản địa', en: 'Local vegetable seeds', units: ['pack'], price: [15_000, 60_000] },
];

const TH_FAMILIES: Family[] = [
  { category: 'tea', th: 'ชาอู่หลง', en: 'Oolong tea', units: ['g100', 'g500'], price: [15_000, 120_000] },
  { category: 'tea', th: 'ชาเขียวดอย', en: 'Mountain green tea', units: ['g100', 'pack'], price: [10_000, 60_000] },
  { category: 'coffee', th: 'กาแฟอาราบิก้าดอยช้าง', en: 'Doi Chang arabica coffee', units: ['g500', 'kg'], price: [25_000, 150_000] },
  { category: 'honey', th: 'น้ำผึ้งดอกลำไย', en: 'Longan-blossom honey', units: ['bottle', 'jar'], price: [15_000, 90_000] },
  { category: 'honey', th: 'น้ำผึ้งป่า', en: 'Wild honey', units: ['bottle', 'jar'], price: [20_000, 120_000] },
  { category: 'rice', th: 'ข้าวหอมมะลิ', en: 'Jasmine rice', units: ['kg', 'pack'], price: [4_000, 15_000] },
  { category: 'rice', th: 'ข้าวเหนียวดอย', en: 'Highland sticky rice', units: ['kg'], price: [4_000, 12_000] },
  { category: 'produce', th: 'เห็ดหอมอบแห้ง', en: 'Dried shiitake', units: ['g100', 'g500'], price: [8_000, 60_000] },
  { category: 'produce', th: 'ลำไยอบแห้ง', en: 'Dried longan', units: ['g500', 'kg'], price: [10_000, 50_000] },
  { category: 'processed', th: 'น้ำพริกหนุ่ม', en: 'Green chilli dip', units: ['jar'], price: [5_000, 20_000] },
  { category: 'textiles', th: 'ผ้าไหมทอมือ', en: 'Hand-woven silk', units: ['metre', 'piece'], price: [50_000, 600_000] },
  { category: 'textiles', th: 'ผ้าฝ้ายย้อมคราม', en: 'Indigo cotton cloth', units: ['metre', 'piece'], price: [30_000, 250_000] },
  { category: 'handicrafts', th: 'ร่มบ่อสร้าง', en: 'Bo Sang umbrella', units: ['piece'], price: [20_000, 150_000] },
  { category: 'handicrafts', th: 'เครื่องจักสานไม้ไผ่', en: 'Woven bamboo ware', units: ['piece', 'set'], price: [15_000, 120_000] },
  { category: 'medicinal', th: 'สมุนไพรอบแห้ง', en: 'Dried herbs', units: ['pack', 'g100'], price: [5_000, 30_000] },
];

const VN_PLACES = [
  'Tả Van',
  'Hà Giang',
  'Mộc Châu',
  'Tà Xùa',
  'Y Tý',
  'Bắc Hà',
  'Mù Cang Chải',
  'Thái Nguyên',
  'Đà Lạt',
  'Buôn Ma Thuột',
  'Sơn La',
  'Điện Biên',
  'Cao Bằng',
  'Lạng Sơn',
  'Hoàng Su Phì',
  'Suối Giàng',
  'Mường Lò',
  'Kon Tum',
  'Bảo Lộc',
  'Quản Bạ',
  'Đồng Văn',
  'Trùng Khánh',
  'Bát Xát',
  'Phong Thổ',
];
const VN_GRADES = {
  food: ['loại 1', 'loại đặc biệt', 'thượng hạng', 'hữu cơ', 'nguyên chất', 'cổ thụ', 'sấy lạnh', 'vụ xuân', 'vụ thu', 'tuyển chọn', 'gia truyền', 'xuất khẩu'],
  craft: ['dệt tay', 'thêu tay', 'nhuộm chàm', 'truyền thống', 'làm thủ công', 'hoa văn cổ', 'tuyển chọn'],
};
const VN_PACKS = {
  food: ['100g', '200g', '250g', '500g', '1kg', '2kg', 'hộp quà', 'túi zip', 'bó 10'],
  liquid: ['chai 500ml', 'chai 1 lít', 'hũ 250ml', 'hũ 1 lít', 'can 2 lít'],
  craft: ['khổ 50x180', 'cỡ lớn', 'cỡ nhỏ', 'bộ 2 chiếc', 'màu chàm', 'màu đỏ'],
};
const kindOf = (f: Family) =>
  f.category === 'textiles' || f.category === 'handicrafts' ? 'craft' : f.units.some((u) => u === 'bottle' || u === 'litre') ? 'liquid' : 'food';
const TH_PLACES = ['ดอยแม่สลอง', 'ปาย', 'บ้านรักไทย', 'น่าน', 'ดอยอ่างขาง', 'แม่แจ่ม', 'เชียงดาว', 'ลำพูน'];
const TH_GRADES = ['เกรดพรีเมียม', 'ออร์แกนิก', 'คัดพิเศษ', 'ทำมือ', 'ปีใหม่', 'สูตรดั้งเดิม'];
const EN_GRADES = {
  food: ['grade 1', 'premium', 'organic', 'spring harvest', 'autumn harvest', 'reserve', 'gift box'],
  craft: ['hand-made', 'hand-woven', 'traditional pattern', 'natural dye'],
};

const VN_COMMUNES = [
  'Tả Van',
  'Bản Hồ',
  'Tà Xùa',
  'Y Tý',
  'Lũng Cú',
  'Mường Hoa',
  'Pà Cò',
  'Hang Kia',
  'Nậm Cang',
  'Sủng Là',
  'Phìn Hồ',
  'Thông Nguyên',
  'Suối Giàng',
  'Lao Chải',
  'Nà Hang',
  'Khau Phạ',
  'Mai Hịch',
  'Tân Cương',
  'Phúc Sen',
  'Đàm Thủy',
  'Quang Minh',
  'Xuân Sơn',
  'Pù Luông',
  'Thanh Mỹ',
  'Mường Phăng',
  'Chiềng Yên',
  'Lóng Luông',
  'Tà Phìn',
  'Ngũ Chỉ Sơn',
  'Bản Liền',
  'Nậm Lang',
  'Trạm Tấu',
  'Khâu Vai',
  'Lũng Táo',
  'Đông Giang',
  'Măng Cành',
  'Đắk Mar',
  'Cầu Đất',
  'Lát',
  'Ea Sol',
  'Thuận Hòa',
  'Hồng Thái',
  'Tân Hiệp',
  'Vĩnh Hưng',
];
const TH_COMMUNES = [
  { th: 'บ้านรักไทย', en: 'Ban Rak Thai', slug: 'ban-rak-thai' },
  { th: 'แม่สลองนอก', en: 'Mae Salong Nok', slug: 'mae-salong-nok' },
  { th: 'ศิลาแลง', en: 'Sila Laeng', slug: 'sila-laeng' },
  { th: 'บ่อสร้าง', en: 'Bo Sang', slug: 'bo-sang' },
  { th: 'แม่แจ่ม', en: 'Mae Chaem', slug: 'mae-chaem' },
  { th: 'ดอยหล่อ', en: 'Doi Lo', slug: 'doi-lo' },
];
const VN_SELLERS = [
  'Lò Văn Páo',
  'Giàng Thị Mai',
  'Sùng A Dính',
  'Hoàng Thị Lan',
  'Vàng Seo Chứ',
  'Lý Thị Xuân',
  'Ma Văn Thắng',
  'Đinh Thị Hoa',
  'Phàn Văn Sơn',
  'Nông Thị Hạnh',
];
const TH_SELLERS = ['มาลี แซ่จาง', 'สมชาย ใจดี', 'อาเหม่ย แซ่ลี', 'บุญมี ทองคำ'];

const slugOf = (text: string) =>
  fold(text)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60)
    .replace(/-$/, '');

const cover = (i: number): ImageRef => ({
  id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
  width: 1280,
  height: 960,
  variants: [320, 640, 1280].map((width) => ({ width, height: (width * 3) / 4, key: `bench/${i}-${width}.webp`, bytes: width * 40 })),
});

export type BenchCommune = { id: string; slug: string; country: 'VN' | 'TH'; currency: 'VND' | 'THB'; provinceCode: string };

/**
 * Fills a migrated database with the communes, sellers and `total` published products. Bulk rows
 * go straight into the tables as the owner connection, with each commune's tenant set, like the
 * seeders: the catalogue is what is measured, not the product editor.
 */
export async function seedMarketBench(database: Database, total: number, communeCount = 50): Promise<BenchCommune[]> {
  await database.migrate();
  await seedReferenceData(database);
  const rnd = random(20250601);
  const provinceRows = await database.db.select().from(provinces);
  const thaiCount = Math.min(TH_COMMUNES.length, Math.max(1, Math.round(communeCount / 8)));
  const created: BenchCommune[] = [];
  const provinceOf = new Map<string, (typeof provinceRows)[number]>();
  for (let i = 0; i < communeCount; i++) {
    const thai = i >= communeCount - thaiCount;
    const country = thai ? 'TH' : 'VN';
    const candidates = provinceRows.filter((p) => p.country === country);
    const province = candidates[(i * 7) % candidates.length]!;
    const th = TH_COMMUNES[i - (communeCount - thaiCount)];
    const vi = VN_COMMUNES[i % VN_COMMUNES.length]!;
    const name: LocaleText = thai ? { th: th!.th, en: th!.en } : { vi: `Xã ${vi}`, en: `${fold(vi).replace(/\b\w/g, (c) => c.toUpperCase())} commune` };
    const slug = `${thai ? th!.slug : slugOf(vi)}-${i + 1}`;
    const [row] = await database.db
      .insert(communes)
      .values({
        slug,
        country,
        provinceCode: province.code,
        name,
        defaultLocale: thai ? 'th' : 'vi',
        currency: thai ? 'THB' : 'VND',
        timeZone: thai ? 'Asia/Bangkok' : 'Asia/Ho_Chi_Minh',
        centerLat: thai ? 19 + rnd.next() : 21 + rnd.next() * 2,
        centerLon: thai ? 98.5 + rnd.next() : 103.5 + rnd.next() * 2,
        zoom: 12,
        searchText: communeSearchText({ slug, name, provinceName: province.name, legacyNames: province.legacyNames }),
      })
      .returning({ id: communes.id });
    created.push({ id: row!.id, slug, country, currency: thai ? 'THB' : 'VND', provinceCode: province.code });
    provinceOf.set(row!.id, province);
  }

  // Communes differ in size: weights between 0.2 and 2 of the mean.
  const weights = created.map(() => 0.2 + rnd.next() * 1.8);
  const weightSum = weights.reduce((a, b) => a + b, 0);
  const counts = weights.map((w) => Math.floor((w / weightSum) * total));
  counts[0]! += total - counts.reduce((a, b) => a + b, 0);

  const now = Date.now();
  let serial = 0;
  for (const [c, commune] of created.entries()) {
    const province = provinceOf.get(commune.id)!;
    const thai = commune.country === 'TH';
    const communeName = (
      await database.db
        .select({ name: communes.name })
        .from(communes)
        .where(sql`id = ${commune.id}`)
    )[0]!.name;
    await database.db.transaction(async (tx) => {
      await tx.execute(sql`select set_config('app.tenant_id', ${commune.id}, true)`);
      const sellerRows = await tx
        .insert(sellers)
        .values(
          Array.from({ length: rnd.int(1, 4) }, (_, s) => {
            const cooperative = s === 0 && rnd.chance(0.5);
            const place = thai ? (communeName.th ?? '') : (communeName.vi ?? '').replace(/^Xã /, '');
            return {
              tenantId: commune.id,
              status: 'approved' as const,
              approvedAt: new Date(now - rnd.int(30, 700) * 86_400_000),
              name: cooperative ? (thai ? `วิสาหกิจชุมชน${place}` : `HTX Nông sản ${place}`) : rnd.pick(thai ? TH_SELLERS : VN_SELLERS),
              hamlet: thai ? `หมู่ ${rnd.int(1, 12)}` : `Thôn ${rnd.int(1, 15)}`,
              isCooperative: cooperative,
            };
          }),
        )
        .returning({ id: sellers.id, name: sellers.name, hamlet: sellers.hamlet });
      const count = counts[c]!;
      for (let start = 0; start < count; start += 1000) {
        const batch = Array.from({ length: Math.min(1000, count - start) }, () => {
          const i = serial++;
          const family = rnd.pick(thai ? TH_FAMILIES : VN_FAMILIES);
          const kind = kindOf(family);
          const seller = rnd.pick(sellerRows);
          const title: LocaleText = {};
          if (thai) {
            const size = kind === 'craft' ? `${rnd.int(1, 8) * 50} ซม.` : kind === 'liquid' ? `${rnd.int(1, 10) * 100} มล.` : `${rnd.int(1, 40) * 50} กรัม`;
            title.th = [family.th, rnd.pick(TH_PLACES), rnd.chance(0.6) ? rnd.pick(TH_GRADES) : '', size].filter(Boolean).join(' ');
            if (rnd.chance(0.6)) title.en = `${family.en}, ${rnd.pick(EN_GRADES[kind === 'craft' ? 'craft' : 'food'])}, ${rnd.pick(TH_COMMUNES).en}`;
          } else {
            const place = rnd.chance(0.5) ? (communeName.vi ?? '').replace(/^Xã /, '') : rnd.pick(VN_PLACES);
            const grades = VN_GRADES[kind === 'craft' ? 'craft' : 'food'];
            const batch = kind === 'craft' ? `mẫu ${rnd.int(1, 400)}` : `mẻ ${rnd.int(1, 400)}`;
            title.vi = [
              family.vi,
              place,
              rnd.chance(0.7) ? rnd.pick(grades) : '',
              rnd.chance(0.6) ? rnd.pick(VN_PACKS[kind]) : '',
              rnd.chance(0.4) ? batch : '',
            ]
              .filter(Boolean)
              .join(' ');
            if (rnd.chance(0.3))
              title.en = `${family.en} from ${fold(place).replace(/\b\w/g, (ch) => ch.toUpperCase())}, ${rnd.pick(EN_GRADES[kind === 'craft' ? 'craft' : 'food'])}`;
          }
          const certified = rnd.chance(0.3);
          const certStars = certified ? rnd.pick([3, 3, 3, 4, 4, 5, 2, 1]) : null;
          // A third of the certificates have lapsed: their stars must not show or count.
          const issued = new Date(now - (certified && rnd.chance(0.33) ? rnd.int(1100, 1800) : rnd.int(30, 1000)) * 86_400_000);
          const expires = new Date(issued.getTime() + 1096 * 86_400_000).toISOString().slice(0, 10);
          const step = thai ? 500 : 1000;
          const priceMinor = Math.round(rnd.int(family.price[0], family.price[1]) / step) * step;
          return {
            tenantId: commune.id,
            sellerId: seller.id,
            slug: `${slugOf(title.en ?? title.vi ?? family.en) || 'san-pham'}-${i}`,
            status: 'published' as const,
            title,
            description: thai ? { th: `${family.th} จาก${communeName.th}` } : { vi: `${family.vi} do bà con ${communeName.vi} làm ra.` },
            category: family.category,
            priceMinor,
            currency: commune.currency,
            unit: rnd.pick(family.units),
            stock: rnd.chance(0.12) ? 0 : rnd.int(1, 500),
            photos: rnd.chance(0.75) ? [cover(i)] : [],
            certScheme: certified ? ((thai ? 'OTOP' : 'OCOP') as 'OCOP' | 'OTOP') : null,
            certStars,
            certNumber: certified ? `${rnd.int(1, 999)}/QĐ-UBND` : null,
            certIssuedOn: certified ? issued.toISOString().slice(0, 10) : null,
            certExpiresOn: certified ? expires : null,
            ratingSum: 0,
            ratingCount: 0,
            searchText: productSearchText({
              title,
              category: family.category,
              certStars,
              seller: seller.name,
              hamlet: seller.hamlet,
              commune: communeName,
              province: province.name,
              legacyNames: province.legacyNames,
            }),
            publishedAt: new Date(now - rnd.int(0, 730 * 24 * 60) * 60_000),
          };
        });
        for (const row of batch) {
          if (rnd.chance(0.2)) {
            row.ratingCount = rnd.int(1, 40);
            row.ratingSum = row.ratingCount * rnd.int(3, 5);
          }
        }
        await tx.insert(products).values(batch);
      }
    });
  }
  await database.query('analyze');
  return created;
}
