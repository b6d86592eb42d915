/**
 * Baan demo data: demo communes and demo accounts (the provinces are in provinces.ts).
 * Only `npm run db:seed` and the first start of an empty embedded database read it, at run time:
 * it is never part of the server bundle.
 *
 * All people, e-mail addresses and phone numbers below are fictional.
 */

import type { LocaleText } from './provinces.ts';

export { provinces, type LocaleText, type ProvinceSeed } from './provinces.ts';

export type CommuneSeed = {
  slug: string;
  provinceCode: string;
  country: 'VN' | 'TH';
  name: LocaleText;
  tagline: LocaleText;
  intro: LocaleText;
  legacyAddress: string;
  defaultLocale: 'vi' | 'th' | 'en';
  currency: 'VND' | 'THB';
  timeZone: string;
  center: { lat: number; lon: number };
  zoom: number;
  hostName: string | null;
};

export type DemoUser = {
  key: string;
  /** Null for a phone-only account (signs in with the phone number). */
  email: string | null;
  displayName: string;
  phone: string | null;
  isOperator: boolean;
  locale: 'vi' | 'th' | 'en';
};

export type DemoMembership = {
  userKey: string;
  communeSlug: string;
  role: 'official' | 'editor' | 'seller';
};

export const DEMO_PASSWORD = 'baan-demo-2026';

// ---------------------------------------------------------------------------
// Communes
// ---------------------------------------------------------------------------

export const communes: CommuneSeed[] = [
  {
    slug: 'gia-phu',
    provinceCode: '15',
    country: 'VN',
    name: { vi: 'Gia Phú', en: 'Gia Phú', th: 'Gia Phú' },
    tagline: {
      vi: 'Chè, quế, mật ong và chuối từ những triền đồi Gia Phú',
      en: 'Tea, cinnamon, honey and bananas from the hills of Gia Phú',
      th: 'ชา อบเชย น้ำผึ้ง และกล้วย จากเนินเขาของ Gia Phú',
    },
    intro: {
      vi: 'Gia Phú là một xã vùng đồi trung du của tỉnh Lào Cai, trước đây thuộc huyện Bảo Thắng. Bà con nơi đây trồng chè, quế, chuối trên các sườn đồi thấp và nuôi ong lấy mật. Trên Baan, các hộ sản xuất và hợp tác xã có thể đăng bán nông sản, còn người dân xem thông báo của xã, sổ tay thôn bản và bản đồ địa phương ở cùng một nơi.',
      en: 'Gia Phú is a midland commune in Lào Cai province, formerly part of Bảo Thắng district. Households here grow tea, cinnamon and bananas on the low hillsides and keep bees for honey. On Baan, local growers and cooperatives can list their produce, while residents find commune notices, the village handbook and a local map in one place.',
      th: 'Gia Phú เป็นตำบลในเขตเนินเขาของจังหวัดลาวกาย เดิมขึ้นกับอำเภอ Bảo Thắng ชาวบ้านปลูกชา อบเชย และกล้วยบนเนินเขาเตี้ย ๆ รวมทั้งเลี้ยงผึ้งเก็บน้ำผึ้ง บน Baan ผู้ผลิตและสหกรณ์ในท้องถิ่นลงขายผลผลิตได้ ส่วนชาวบ้านก็ดูประกาศของตำบล คู่มือหมู่บ้าน และแผนที่ท้องถิ่นได้ในที่เดียว',
    },
    legacyAddress: 'Xã Gia Phú, huyện Bảo Thắng, tỉnh Lào Cai',
    defaultLocale: 'vi',
    currency: 'VND',
    timeZone: 'Asia/Ho_Chi_Minh',
    center: { lat: 22.36, lon: 104.08 },
    zoom: 12,
    hostName: 'giaphu.baan.localhost',
  },
  {
    slug: 'ta-van',
    provinceCode: '15',
    country: 'VN',
    name: { vi: 'Tả Van', en: 'Tả Van', th: 'Tả Van' },
    tagline: {
      vi: 'Ruộng bậc thang Mường Hoa, homestay bản làng và những cung đường trekking',
      en: 'Mường Hoa valley terraces, village homestays and trekking trails',
      th: 'นาขั้นบันไดในหุบเขา Mường Hoa โฮมสเตย์ในหมู่บ้าน และเส้นทางเดินป่า',
    },
    intro: {
      vi: "Tả Van nằm giữa thung lũng Mường Hoa, phía đông nam trung tâm Sa Pa, nơi người Giáy, người H'Mông và người Dao sinh sống bên những thửa ruộng bậc thang. Nhiều gia đình mở homestay và đón khách đi bộ qua các bản làng, ruộng lúa. Trên Baan, homestay, người dẫn đường và hộ làm nghề thủ công giới thiệu dịch vụ bằng nhiều ngôn ngữ, kèm bản đồ tuyến đi và thông tin hữu ích cho du khách.",
      en: "Tả Van lies in the Mường Hoa valley, south-east of Sa Pa, where Giáy, H'Mông and Dao families live among terraced rice fields. Many households run homestays and welcome walkers trekking between the villages and paddies. On Baan, homestays, local guides and craft households present their services in several languages, alongside trail maps and practical information for visitors.",
      th: 'Tả Van ตั้งอยู่ในหุบเขา Mường Hoa ทางตะวันออกเฉียงใต้ของซาปา เป็นถิ่นที่อยู่ของชาว Giáy ม้ง และเย้า ท่ามกลางนาขั้นบันได หลายครอบครัวเปิดโฮมสเตย์และต้อนรับนักเดินป่าที่เดินผ่านหมู่บ้านและทุ่งนา บน Baan โฮมสเตย์ ไกด์ท้องถิ่น และครัวเรือนช่างฝีมือนำเสนอบริการได้หลายภาษา พร้อมแผนที่เส้นทางและข้อมูลที่เป็นประโยชน์สำหรับผู้มาเยือน',
    },
    legacyAddress: 'Xã Tả Van, thị xã Sa Pa, tỉnh Lào Cai',
    defaultLocale: 'vi',
    currency: 'VND',
    timeZone: 'Asia/Ho_Chi_Minh',
    center: { lat: 22.3, lon: 103.89 },
    zoom: 13,
    hostName: null,
  },
  {
    slug: 'giao-phong',
    provinceCode: '37',
    country: 'VN',
    name: { vi: 'Giao Phong', en: 'Giao Phong', th: 'Giao Phong' },
    tagline: {
      vi: 'Ngao, lúa và mùa chim di cư bên Vườn quốc gia Xuân Thủy',
      en: 'Clams, rice and migratory birds by Xuân Thủy National Park',
      th: 'หอยตลับ ข้าว และนกอพยพ ใกล้อุทยานแห่งชาติ Xuân Thủy',
    },
    intro: {
      vi: 'Giao Phong là vùng quê ven biển thuộc huyện Giao Thủy cũ (trước đây thuộc tỉnh Nam Định, nay thuộc tỉnh Ninh Bình), gần Vườn quốc gia Xuân Thủy ở cửa sông Hồng — khu Ramsar đầu tiên của Việt Nam. Người dân trồng lúa, nuôi ngao trên bãi triều và đánh bắt thủy sản; vào mùa đông, các bãi bồi là nơi dừng chân của nhiều loài chim di cư. Trên Baan, bà con bán hải sản và nông sản, còn du khách tìm thông tin ngắm chim, chỗ nghỉ và đường đi.',
      en: "Giao Phong is a coastal farming community in the former Giao Thủy district (once part of Nam Định province, now Ninh Bình), close to Xuân Thủy National Park at the mouth of the Red River — Vietnam's first Ramsar wetland. Families grow rice, farm clams on the tidal flats and fish; in winter the mudflats are a stopover for many migratory birds. On Baan, residents sell seafood and farm produce, and visitors find birdwatching tips, places to stay and directions.",
      th: 'Giao Phong เป็นชุมชนเกษตรริมทะเลในอดีตอำเภอ Giao Thủy (เดิมอยู่ในจังหวัด Nam Định ปัจจุบันเป็นส่วนหนึ่งของจังหวัดนิญบิ่ญ) ใกล้อุทยานแห่งชาติ Xuân Thủy บริเวณปากแม่น้ำแดง ซึ่งเป็นพื้นที่ชุ่มน้ำแรมซาร์แห่งแรกของเวียดนาม ชาวบ้านทำนา เลี้ยงหอยตลับบนหาดเลน และทำประมง ในฤดูหนาวหาดเลนเป็นจุดแวะพักของนกอพยพหลายชนิด บน Baan ชาวบ้านขายอาหารทะเลและผลผลิตทางการเกษตร ส่วนนักท่องเที่ยวหาข้อมูลการดูนก ที่พัก และการเดินทางได้',
    },
    legacyAddress: 'Xã Giao Phong, huyện Giao Thủy, tỉnh Nam Định',
    defaultLocale: 'vi',
    currency: 'VND',
    timeZone: 'Asia/Ho_Chi_Minh',
    center: { lat: 20.24, lon: 106.5 },
    zoom: 12,
    hostName: null,
  },
  {
    slug: 'ban-rak-thai',
    provinceCode: '58',
    country: 'TH',
    name: { vi: 'Ban Rak Thai', en: 'Ban Rak Thai', th: 'บ้านรักไทย' },
    tagline: {
      vi: 'Làng người Hoa Vân Nam bên hồ nước, trà ô long giữa núi sương',
      en: 'A Yunnanese village by the reservoir, with oolong tea and misty hills',
      th: 'หมู่บ้านชาวจีนยูนนานริมอ่างเก็บน้ำ ชาอู่หลง และสายหมอกบนดอย',
    },
    intro: {
      vi: 'Ban Rak Thai (tên cũ là Mae Aw) là ngôi làng của người Hoa gốc Vân Nam ở xã (tambon) Mok Cham Pae, huyện Mueang Mae Hong Son, gần biên giới Thái Lan – Myanmar. Những ngôi nhà đất kiểu Vân Nam quây quanh hồ chứa nước, bao bọc bởi các đồi chè; dân làng trồng và chế biến chè, nhất là trà ô long, mở quán mời khách thưởng trà và kinh doanh nhà nghỉ. Trên Baan, các quán trà và nhà nghỉ giới thiệu sản phẩm, dịch vụ của mình, còn du khách xem bản đồ, thông tin đường đi và thông báo của làng.',
      en: 'Ban Rak Thai, formerly known as Mae Aw, is a Yunnanese Chinese village in Mok Cham Pae subdistrict, Mueang Mae Hong Son district, close to the Myanmar border. Its earthen houses cluster around a reservoir ringed by tea gardens, and families grow and process tea — oolong above all — pouring tastings in small tea houses and running guesthouses. On Baan, tea shops and guesthouses present what they offer, and visitors find a map, travel information and village notices.',
      th: 'บ้านรักไทย หรือชื่อเดิมว่าบ้านแม่ออ เป็นหมู่บ้านชาวจีนยูนนานในตำบลหมอกจำแป่ อำเภอเมืองแม่ฮ่องสอน ใกล้ชายแดนเมียนมา บ้านดินทรงจีนตั้งเรียงรายรอบอ่างเก็บน้ำ ล้อมรอบด้วยไร่ชาบนเนินเขา ชาวบ้านปลูกและแปรรูปชา โดยเฉพาะชาอู่หลง เปิดร้านให้ชิมชา และให้บริการเกสต์เฮาส์ บน Baan ร้านชาและที่พักในหมู่บ้านนำเสนอสินค้าและบริการของตน ส่วนผู้มาเยือนดูแผนที่ ข้อมูลการเดินทาง และประกาศของชุมชนได้',
    },
    legacyAddress: 'ตำบลหมอกจำแป่ อำเภอเมืองแม่ฮ่องสอน จังหวัดแม่ฮ่องสอน',
    defaultLocale: 'th',
    currency: 'THB',
    timeZone: 'Asia/Bangkok',
    center: { lat: 19.5, lon: 97.9 },
    zoom: 13,
    hostName: null,
  },
];

// ---------------------------------------------------------------------------
// Demo accounts (password for all: DEMO_PASSWORD)
// ---------------------------------------------------------------------------

export const demoUsers: DemoUser[] = [
  {
    key: 'operator',
    email: 'operator@baan.test',
    displayName: 'Baan Operator',
    phone: null,
    isOperator: true,
    locale: 'en',
  },

  // Gia Phú
  {
    key: 'official-gia-phu',
    email: 'official.giaphu@baan.test',
    displayName: 'Hoàng Văn Minh',
    phone: '0900 000 101',
    isOperator: false,
    locale: 'vi',
  },
  {
    key: 'seller-gia-phu',
    email: 'seller.giaphu@baan.test',
    displayName: 'Lương Thị Hoa',
    phone: '0900 000 102',
    isOperator: false,
    locale: 'vi',
  },
  // A villager with no e-mail address: signs in with the phone number 0900 000 103.
  {
    key: 'villager-gia-phu',
    email: null,
    displayName: 'Lò Thị Pằn',
    phone: '0900 000 103',
    isOperator: false,
    locale: 'vi',
  },

  // Tả Van
  {
    key: 'official-ta-van',
    email: 'official.tavan@baan.test',
    displayName: 'Giàng A Sử',
    phone: '0900 000 201',
    isOperator: false,
    locale: 'vi',
  },
  {
    key: 'editor-ta-van',
    email: 'editor.tavan@baan.test',
    displayName: 'Lù Thị Mai',
    phone: '0900 000 202',
    isOperator: false,
    locale: 'vi',
  },
  {
    key: 'seller-ta-van',
    email: 'seller.tavan@baan.test',
    displayName: 'Tẩn Thị Mây',
    phone: '0900 000 203',
    isOperator: false,
    locale: 'vi',
  },

  // Giao Phong
  {
    key: 'official-giao-phong',
    email: 'official.giaophong@baan.test',
    displayName: 'Trần Văn Thịnh',
    phone: '0900 000 301',
    isOperator: false,
    locale: 'vi',
  },
  {
    key: 'seller-giao-phong',
    email: 'seller.giaophong@baan.test',
    displayName: 'Vũ Thị Ngát',
    phone: '0900 000 302',
    isOperator: false,
    locale: 'vi',
  },

  // Ban Rak Thai
  {
    key: 'official-ban-rak-thai',
    email: 'official.banrakthai@baan.test',
    displayName: 'ประเสริฐ แซ่หยาง',
    phone: '080 000 0401',
    isOperator: false,
    locale: 'th',
  },
  {
    key: 'seller-ban-rak-thai',
    email: 'seller.banrakthai@baan.test',
    displayName: 'มาลี แซ่จาง',
    phone: '080 000 0402',
    isOperator: false,
    locale: 'th',
  },

  // Buyer (lives in Hà Nội)
  {
    key: 'buyer',
    email: 'buyer@baan.test',
    displayName: 'Phạm Thu Trang',
    phone: '0900 000 901',
    isOperator: false,
    locale: 'vi',
  },
];

export const demoMemberships: DemoMembership[] = [
  { userKey: 'official-gia-phu', communeSlug: 'gia-phu', role: 'official' },
  { userKey: 'seller-gia-phu', communeSlug: 'gia-phu', role: 'seller' },
  { userKey: 'villager-gia-phu', communeSlug: 'gia-phu', role: 'seller' },
  { userKey: 'official-ta-van', communeSlug: 'ta-van', role: 'official' },
  { userKey: 'editor-ta-van', communeSlug: 'ta-van', role: 'editor' },
  { userKey: 'seller-ta-van', communeSlug: 'ta-van', role: 'seller' },
  {
    userKey: 'official-giao-phong',
    communeSlug: 'giao-phong',
    role: 'official',
  },
  { userKey: 'seller-giao-phong', communeSlug: 'giao-phong', role: 'seller' },
  {
    userKey: 'official-ban-rak-thai',
    communeSlug: 'ban-rak-thai',
    role: 'official',
  },
  {
    userKey: 'seller-ban-rak-thai',
    communeSlug: 'ban-rak-thai',
    role: 'seller',
  },
];
