import { and, eq } from 'drizzle-orm';
import { ownerInTenant } from '../scope.ts';
import type { Database } from '../client.ts';
import { communes, products, provinces, sellerPayouts, sellers, users, type ProductCategory, type ProductUnit } from '../schema/index.ts';
import type { LocaleText } from '../schema/tenancy.ts';
import { productSearchText } from '../text.ts';
import { addMonths } from '../../app/lib/dates.ts';

type DemoProduct = {
  slug: string;
  title: LocaleText;
  description: LocaleText;
  category: ProductCategory;
  unit: ProductUnit;
  priceMinor: number;
  stock: number;
  weightGrams?: number;
  season?: LocaleText;
  cert?: { stars: number; number: string; authority: string; issuedOn: string };
};

type DemoShop = {
  communeSlug: string;
  sellerEmail: string;
  name: string;
  hamlet: string;
  story: LocaleText;
  isCooperative: boolean;
  phone: string;
  payout: { kind: 'vietqr'; bankBin: string; account: string; accountName: string } | { kind: 'promptpay'; account: string; accountName: string };
  products: DemoProduct[];
};

// Demo shops. Account numbers are placeholders for trying the QR flow, not real accounts.
const shops: DemoShop[] = [
  {
    communeSlug: 'ta-van',
    sellerEmail: 'seller.tavan@baan.test',
    name: 'HTX Chè Shan Tuyết Tả Van',
    hamlet: 'Thôn Giàng Tả Chải',
    story: {
      vi: 'Chúng tôi là người Dao đỏ, hái chè shan tuyết cổ thụ trên sườn núi quanh Tả Van và sao tay trên chảo gang.',
      en: 'We are Red Dao families who pick old shan tuyet tea trees on the slopes around Ta Van and roast the leaves by hand in cast-iron pans.',
    },
    isCooperative: true,
    phone: '0900 000 203',
    payout: { kind: 'vietqr', bankBin: '970405', account: '0123456789', accountName: 'HTX CHE SHAN TUYET TA VAN' },
    products: [
      {
        slug: 'che-shan-tuyet-ta-van',
        title: { vi: 'Chè Shan Tuyết Tả Van', en: 'Ta Van Shan Tuyet tea' },
        description: {
          vi: 'Búp chè từ cây cổ thụ trên 100 năm tuổi, sao tay. Nước vàng sáng, vị chát dịu, hậu ngọt.',
          en: 'Buds from trees over a hundred years old, hand-roasted. A bright golden cup, gently astringent with a sweet finish.',
        },
        category: 'tea',
        unit: 'g500',
        priceMinor: 450000,
        stock: 40,
        weightGrams: 500,
        season: { vi: 'Chè xuân: tháng 3–5', en: 'Spring tea: March–May' },
        cert: { stars: 4, number: '112/QĐ-UBND', authority: 'UBND tỉnh Lào Cai', issuedOn: '2025-03-10' },
      },
      {
        slug: 'tho-cam-dao-do',
        title: { vi: 'Khăn thổ cẩm Dao đỏ thêu tay', en: 'Hand-embroidered Red Dao brocade scarf' },
        description: {
          vi: 'Thêu tay bằng chỉ màu truyền thống, mỗi chiếc mất khoảng hai tuần.',
          en: 'Embroidered by hand in traditional colours; each takes about two weeks.',
        },
        category: 'textiles',
        unit: 'piece',
        priceMinor: 650000,
        stock: 6,
      },
      {
        slug: 'gao-nep-nuong',
        title: { vi: 'Gạo nếp nương', en: 'Upland sticky rice' },
        description: { vi: 'Nếp trồng trên nương, hạt tròn, dẻo thơm.', en: 'Grown on hillside fields: round grains, soft and fragrant.' },
        category: 'rice',
        unit: 'kg',
        priceMinor: 60000,
        stock: 120,
        season: { vi: 'Thu hoạch tháng 9–10', en: 'Harvest September–October' },
      },
    ],
  },
  {
    communeSlug: 'gia-phu',
    sellerEmail: 'seller.giaphu@baan.test',
    name: 'Lương Thị Hoa',
    hamlet: 'Bản Phú Hợp',
    story: { vi: 'Nhà tôi nuôi ong lấy mật trong rừng quế từ ba đời nay.', en: 'My family has kept bees in the cinnamon forest for three generations.' },
    isCooperative: false,
    phone: '0900 000 102',
    payout: { kind: 'vietqr', bankBin: '970436', account: '9876543210', accountName: 'LUONG THI HOA' },
    products: [
      {
        slug: 'mat-ong-rung-que',
        title: { vi: 'Mật ong rừng quế', en: 'Cinnamon-forest honey' },
        description: { vi: 'Mật ong nguyên chất, vắt từ tổ ong nuôi dưới tán rừng quế.', en: 'Pure honey from hives kept under the cinnamon trees.' },
        category: 'honey',
        unit: 'bottle',
        priceMinor: 350000,
        stock: 25,
        weightGrams: 1000,
        cert: { stars: 3, number: '45/QĐ-UBND', authority: 'UBND tỉnh Lào Cai', issuedOn: '2024-06-01' },
      },
      {
        slug: 'que-kho',
        title: { vi: 'Quế khô', en: 'Dried cinnamon bark' },
        description: { vi: 'Vỏ quế phơi khô, thơm cay, dùng nấu phở và làm thuốc.', en: 'Sun-dried bark, sweet and spicy, for pho broth and remedies.' },
        category: 'spices',
        unit: 'kg',
        priceMinor: 120000,
        stock: 50,
      },
    ],
  },
  {
    communeSlug: 'giao-phong',
    sellerEmail: 'seller.giaophong@baan.test',
    name: 'Vũ Thị Ngát',
    hamlet: 'Xóm 7',
    story: { vi: 'Ruộng lúa ven biển, cấy lúa tám thơm theo hướng hữu cơ.', en: 'Coastal paddies, fragrant rice grown the organic way.' },
    isCooperative: false,
    phone: '0900 000 302',
    payout: { kind: 'vietqr', bankBin: '970418', account: '1122334455', accountName: 'VU THI NGAT' },
    products: [
      {
        slug: 'gao-tam-thom',
        title: { vi: 'Gạo tám thơm', en: 'Fragrant tam rice' },
        description: { vi: 'Gạo tám vụ mùa, cơm dẻo và thơm.', en: 'Main-season tam rice: soft, fragrant grains.' },
        category: 'rice',
        unit: 'kg',
        priceMinor: 35000,
        stock: 300,
      },
    ],
  },
  {
    communeSlug: 'ban-rak-thai',
    sellerEmail: 'seller.banrakthai@baan.test',
    name: 'มาลี แซ่จาง',
    hamlet: 'หมู่ 6',
    story: { th: 'ครอบครัวเราปลูกชาอู่หลงบนดอยรอบอ่างเก็บน้ำบ้านรักไทย', en: 'Our family grows oolong tea on the hills around the Ban Rak Thai reservoir.' },
    isCooperative: false,
    phone: '080 000 0402',
    payout: { kind: 'promptpay', account: '0066800000402', accountName: 'มาลี แซ่จาง' },
    products: [
      {
        slug: 'cha-oolong-ban-rak-thai',
        title: { th: 'ชาอู่หลงบ้านรักไทย', en: 'Ban Rak Thai oolong tea', vi: 'Trà ô long Ban Rak Thai' },
        description: { th: 'ชาอู่หลงเบอร์ 12 หอมนม ชงได้หลายน้ำ', en: 'No. 12 oolong with a milky aroma; steeps many times.' },
        category: 'tea',
        unit: 'g100',
        priceMinor: 18000,
        stock: 60,
        cert: { stars: 4, number: 'OTOP-58-0123', authority: 'จังหวัดแม่ฮ่องสอน', issuedOn: '2025-01-15' },
      },
    ],
  },
];

/** The demo shops: approved sellers with payment details and published products. Idempotent. */
export async function seedDemoMarket(database: Database): Promise<number> {
  const db = database.db;
  let created = 0;
  for (const shop of shops) {
    const [commune] = await db.select().from(communes).where(eq(communes.slug, shop.communeSlug));
    const [user] = await db.select({ id: users.id }).from(users).where(eq(users.email, shop.sellerEmail));
    if (!commune || !user) continue;
    const [province] = await db
      .select()
      .from(provinces)
      .where(and(eq(provinces.country, commune.country), eq(provinces.code, commune.provinceCode)));
    await ownerInTenant(db, commune.id, async (tx) => {
      let [seller] = await tx
        .select({ id: sellers.id })
        .from(sellers)
        .where(and(eq(sellers.tenantId, commune.id), eq(sellers.userId, user.id)));
      if (!seller) {
        [seller] = await tx
          .insert(sellers)
          .values({
            tenantId: commune.id,
            userId: user.id,
            status: 'approved',
            approvedAt: new Date(),
            name: shop.name,
            hamlet: shop.hamlet,
            story: shop.story,
            phone: shop.phone,
            zalo: commune.country === 'VN' ? shop.phone : null,
            isCooperative: shop.isCooperative,
          })
          .returning({ id: sellers.id });
        const p = shop.payout;
        await tx.insert(sellerPayouts).values({
          tenantId: commune.id,
          sellerId: seller!.id,
          kind: p.kind,
          bankBin: p.kind === 'vietqr' ? p.bankBin : null,
          account: p.account,
          accountName: p.accountName,
        });
      }
      for (const item of shop.products) {
        const rows = await tx
          .insert(products)
          .values({
            tenantId: commune.id,
            sellerId: seller!.id,
            slug: item.slug,
            status: 'published',
            title: item.title,
            description: item.description,
            category: item.category,
            unit: item.unit,
            priceMinor: item.priceMinor,
            currency: commune.currency as 'VND' | 'THB',
            stock: item.stock,
            weightGrams: item.weightGrams ?? null,
            season: item.season ?? {},
            certScheme: item.cert ? (commune.currency === 'THB' ? 'OTOP' : 'OCOP') : null,
            certStars: item.cert?.stars ?? null,
            certNumber: item.cert?.number ?? null,
            certAuthority: item.cert?.authority ?? null,
            certIssuedOn: item.cert?.issuedOn ?? null,
            certExpiresOn: item.cert ? addMonths(item.cert.issuedOn, 36) : null,
            searchText: productSearchText({
              title: item.title,
              category: item.category,
              certStars: item.cert?.stars,
              seller: shop.name,
              hamlet: shop.hamlet,
              commune: commune.name,
              province: province?.name,
              legacyNames: province?.legacyNames,
            }),
            publishedAt: new Date(),
          })
          .onConflictDoNothing()
          .returning({ id: products.id });
        created += rows.length;
      }
    });
  }
  return created;
}
