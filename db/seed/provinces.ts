/**
 * Reference data every installation needs: the provinces communes belong to. Seeded on every
 * start (db/seed/seed.ts), unlike the demo communes and accounts (db/seed/demo.ts).
 *
 * Province codes
 * - Vietnam: the 2-digit provincial codes in force since 1 July 2025 (list
 *   issued with Decision 19/2025/QĐ-TTg; each merged province kept the code
 *   of one of its pre-reform provinces). Cross-checked against the 34-unit
 *   list in the open thanglequoc/vietnamese-provinces-database dataset.
 * - Thailand: TIS 1099 / DOPA changwat codes.
 */

export type LocaleText = { vi: string; en: string; th: string };

export type ProvinceSeed = {
  code: string;
  country: 'VN' | 'TH';
  name: LocaleText;
  legacyNames: string[];
  kind: 'city' | 'province';
};

// ---------------------------------------------------------------------------
// Provinces
// ---------------------------------------------------------------------------

export const provinces: ProvinceSeed[] = [
  // Vietnam: 6 centrally-run cities and 28 provinces, ordered by code.
  {
    code: '01',
    country: 'VN',
    name: { vi: 'Hà Nội', en: 'Hà Nội', th: 'ฮานอย' },
    legacyNames: [],
    kind: 'city',
  },
  {
    code: '04',
    country: 'VN',
    name: { vi: 'Cao Bằng', en: 'Cao Bằng', th: 'Cao Bằng' },
    legacyNames: [],
    kind: 'province',
  },
  {
    code: '08',
    country: 'VN',
    name: { vi: 'Tuyên Quang', en: 'Tuyên Quang', th: 'Tuyên Quang' },
    legacyNames: ['Hà Giang'],
    kind: 'province',
  },
  {
    code: '11',
    country: 'VN',
    name: { vi: 'Điện Biên', en: 'Điện Biên', th: 'เดียนเบียน' },
    legacyNames: [],
    kind: 'province',
  },
  {
    code: '12',
    country: 'VN',
    name: { vi: 'Lai Châu', en: 'Lai Châu', th: 'Lai Châu' },
    legacyNames: [],
    kind: 'province',
  },
  {
    code: '14',
    country: 'VN',
    name: { vi: 'Sơn La', en: 'Sơn La', th: 'เซินลา' },
    legacyNames: [],
    kind: 'province',
  },
  {
    code: '15',
    country: 'VN',
    name: { vi: 'Lào Cai', en: 'Lào Cai', th: 'ลาวกาย' },
    legacyNames: ['Yên Bái'],
    kind: 'province',
  },
  {
    code: '19',
    country: 'VN',
    name: { vi: 'Thái Nguyên', en: 'Thái Nguyên', th: 'Thái Nguyên' },
    legacyNames: ['Bắc Kạn'],
    kind: 'province',
  },
  {
    code: '20',
    country: 'VN',
    name: { vi: 'Lạng Sơn', en: 'Lạng Sơn', th: 'Lạng Sơn' },
    legacyNames: [],
    kind: 'province',
  },
  {
    code: '22',
    country: 'VN',
    name: { vi: 'Quảng Ninh', en: 'Quảng Ninh', th: 'กว๋างนิญ' },
    legacyNames: [],
    kind: 'province',
  },
  {
    code: '24',
    country: 'VN',
    name: { vi: 'Bắc Ninh', en: 'Bắc Ninh', th: 'Bắc Ninh' },
    legacyNames: ['Bắc Giang'],
    kind: 'province',
  },
  {
    code: '25',
    country: 'VN',
    name: { vi: 'Phú Thọ', en: 'Phú Thọ', th: 'Phú Thọ' },
    legacyNames: ['Vĩnh Phúc', 'Hòa Bình'],
    kind: 'province',
  },
  {
    code: '31',
    country: 'VN',
    name: { vi: 'Hải Phòng', en: 'Hải Phòng', th: 'ไฮฟอง' },
    legacyNames: ['Hải Dương'],
    kind: 'city',
  },
  {
    code: '33',
    country: 'VN',
    name: { vi: 'Hưng Yên', en: 'Hưng Yên', th: 'Hưng Yên' },
    legacyNames: ['Thái Bình'],
    kind: 'province',
  },
  {
    code: '37',
    country: 'VN',
    name: { vi: 'Ninh Bình', en: 'Ninh Bình', th: 'นิญบิ่ญ' },
    legacyNames: ['Hà Nam', 'Nam Định'],
    kind: 'province',
  },
  {
    code: '38',
    country: 'VN',
    name: { vi: 'Thanh Hóa', en: 'Thanh Hóa', th: 'Thanh Hóa' },
    legacyNames: [],
    kind: 'province',
  },
  {
    code: '40',
    country: 'VN',
    name: { vi: 'Nghệ An', en: 'Nghệ An', th: 'เหงะอาน' },
    legacyNames: [],
    kind: 'province',
  },
  {
    code: '42',
    country: 'VN',
    name: { vi: 'Hà Tĩnh', en: 'Hà Tĩnh', th: 'Hà Tĩnh' },
    legacyNames: [],
    kind: 'province',
  },
  {
    code: '44',
    country: 'VN',
    name: { vi: 'Quảng Trị', en: 'Quảng Trị', th: 'Quảng Trị' },
    legacyNames: ['Quảng Bình'],
    kind: 'province',
  },
  {
    code: '46',
    country: 'VN',
    name: { vi: 'Huế', en: 'Huế', th: 'เว้' },
    legacyNames: [],
    kind: 'city',
  },
  {
    code: '48',
    country: 'VN',
    name: { vi: 'Đà Nẵng', en: 'Đà Nẵng', th: 'ดานัง' },
    legacyNames: ['Quảng Nam'],
    kind: 'city',
  },
  {
    code: '51',
    country: 'VN',
    name: { vi: 'Quảng Ngãi', en: 'Quảng Ngãi', th: 'Quảng Ngãi' },
    legacyNames: ['Kon Tum'],
    kind: 'province',
  },
  {
    code: '52',
    country: 'VN',
    name: { vi: 'Gia Lai', en: 'Gia Lai', th: 'Gia Lai' },
    legacyNames: ['Bình Định'],
    kind: 'province',
  },
  {
    code: '56',
    country: 'VN',
    name: { vi: 'Khánh Hòa', en: 'Khánh Hòa', th: 'Khánh Hòa' },
    legacyNames: ['Ninh Thuận'],
    kind: 'province',
  },
  {
    code: '66',
    country: 'VN',
    name: { vi: 'Đắk Lắk', en: 'Đắk Lắk', th: 'Đắk Lắk' },
    legacyNames: ['Phú Yên'],
    kind: 'province',
  },
  {
    code: '68',
    country: 'VN',
    name: { vi: 'Lâm Đồng', en: 'Lâm Đồng', th: 'Lâm Đồng' },
    legacyNames: ['Đắk Nông', 'Bình Thuận'],
    kind: 'province',
  },
  {
    code: '75',
    country: 'VN',
    name: { vi: 'Đồng Nai', en: 'Đồng Nai', th: 'Đồng Nai' },
    legacyNames: ['Bình Phước'],
    kind: 'province',
  },
  {
    code: '79',
    country: 'VN',
    name: {
      vi: 'Thành phố Hồ Chí Minh',
      en: 'Ho Chi Minh City',
      th: 'โฮจิมินห์ซิตี',
    },
    legacyNames: ['Bình Dương', 'Bà Rịa – Vũng Tàu'],
    kind: 'city',
  },
  {
    code: '80',
    country: 'VN',
    name: { vi: 'Tây Ninh', en: 'Tây Ninh', th: 'Tây Ninh' },
    legacyNames: ['Long An'],
    kind: 'province',
  },
  {
    code: '82',
    country: 'VN',
    name: { vi: 'Đồng Tháp', en: 'Đồng Tháp', th: 'Đồng Tháp' },
    legacyNames: ['Tiền Giang'],
    kind: 'province',
  },
  {
    code: '86',
    country: 'VN',
    name: { vi: 'Vĩnh Long', en: 'Vĩnh Long', th: 'Vĩnh Long' },
    legacyNames: ['Bến Tre', 'Trà Vinh'],
    kind: 'province',
  },
  {
    code: '91',
    country: 'VN',
    name: { vi: 'An Giang', en: 'An Giang', th: 'An Giang' },
    legacyNames: ['Kiên Giang'],
    kind: 'province',
  },
  {
    code: '92',
    country: 'VN',
    name: { vi: 'Cần Thơ', en: 'Cần Thơ', th: 'เกิ่นเทอ' },
    legacyNames: ['Sóc Trăng', 'Hậu Giang'],
    kind: 'city',
  },
  {
    code: '96',
    country: 'VN',
    name: { vi: 'Cà Mau', en: 'Cà Mau', th: 'Cà Mau' },
    legacyNames: ['Bạc Liêu'],
    kind: 'province',
  },

  // Thailand: northern provinces, ordered by code.
  {
    code: '50',
    country: 'TH',
    name: { vi: 'Chiang Mai', en: 'Chiang Mai', th: 'เชียงใหม่' },
    legacyNames: [],
    kind: 'province',
  },
  {
    code: '55',
    country: 'TH',
    name: { vi: 'Nan', en: 'Nan', th: 'น่าน' },
    legacyNames: [],
    kind: 'province',
  },
  {
    code: '57',
    country: 'TH',
    name: { vi: 'Chiang Rai', en: 'Chiang Rai', th: 'เชียงราย' },
    legacyNames: [],
    kind: 'province',
  },
  {
    code: '58',
    country: 'TH',
    name: { vi: 'Mae Hong Son', en: 'Mae Hong Son', th: 'แม่ฮ่องสอน' },
    legacyNames: [],
    kind: 'province',
  },
];
