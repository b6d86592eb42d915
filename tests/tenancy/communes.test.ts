import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fold } from '#db/text.ts';
import { seedDemo } from '#db/seed/demo.ts';
import { communes as communeSeeds, provinces as provinceSeeds } from '#db/seed/data.ts';
import { signIn } from '~/auth/accounts.server.ts';
import { RESERVED_SLUGS, langOf, localized, readingOrder } from '~/tenancy/commune.ts';
import { createCommune, getCommuneByHost, getCommuneBySlug, listCommunesByProvince, listCommunesInProvince } from '~/tenancy/communes.server.ts';
import { CommuneInputSchema, nestLocaleFields } from '~/tenancy/schemas.ts';
import { createTestDatabase, scopeFor, type TestDatabase } from '#tests/support/db.ts';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
  await seedDemo(database);
});
afterAll(async () => {
  await database.close();
});

const slugsOf = async (query: string, locale: 'vi' | 'en' | 'th' = 'en') =>
  (await listCommunesByProvince(database.db, query, locale)).flatMap((g) => g.communes.map((c) => c.slug)).sort();

describe('provinces', () => {
  it('has Vietnam’s 34 provincial units after the 2025 reform, with unique official codes', () => {
    const vn = provinceSeeds.filter((p) => p.country === 'VN');
    expect(vn).toHaveLength(34);
    expect(new Set(vn.map((p) => p.code)).size).toBe(34);
    expect(vn.filter((p) => p.kind === 'city')).toHaveLength(6);
    expect(vn.find((p) => p.code === '01')?.name.vi).toBe('Hà Nội');
    expect(vn.find((p) => p.name.vi === 'Lào Cai')?.legacyNames).toContain('Yên Bái');
  });
});

describe('the demo seed', () => {
  it('creates the four demo communes, and demo accounts can sign in', async () => {
    for (const slug of ['gia-phu', 'ta-van', 'giao-phong', 'ban-rak-thai']) expect(await getCommuneBySlug(database.db, slug)).not.toBeNull();
    const thai = await getCommuneBySlug(database.db, 'ban-rak-thai');
    expect(thai).toMatchObject({ currency: 'THB', defaultLocale: 'th', timeZone: 'Asia/Bangkok', country: 'TH' });
    const session = await signIn(
      scopeFor(database, null, null),
      { identifier: { kind: 'email', value: 'official.tavan@baan.test' }, password: 'baan-demo-2026' },
      { address: '127.0.0.9', deviceToken: null },
    );
    expect(session.token).toBeTruthy();
    await seedDemo(database); // idempotent
    expect(await slugsOf('')).toHaveLength(communeSeeds.length);
  });
});

describe('commune search', () => {
  it('matches Vietnamese without diacritics, in any case', async () => {
    expect(await slugsOf('ta van')).toEqual(['ta-van']);
    expect(await slugsOf('TẢ VAN')).toEqual(['ta-van']);
    expect(await slugsOf('giao phong')).toEqual(['giao-phong']);
  });
  it('matches Thai substrings and English', async () => {
    expect(await slugsOf('รักไทย', 'th')).toEqual(['ban-rak-thai']);
    expect(await slugsOf('Mae Hong')).toEqual(['ban-rak-thai']);
  });
  it('matches the province, including pre-reform names people still use', async () => {
    expect(await slugsOf('lao cai')).toEqual(['gia-phu', 'ta-van']);
    expect(await slugsOf('Nam Định')).toEqual(['giao-phong']);
  });
  it('groups by province and treats LIKE wildcards literally', async () => {
    const groups = await listCommunesByProvince(database.db, '', 'vi');
    const laoCai = groups.find((g) => g.name.vi === 'Lào Cai');
    expect(laoCai?.communes.map((c) => c.slug).sort()).toEqual(['gia-phu', 'ta-van']);
    expect(await slugsOf('%')).toEqual([]);
    expect(await slugsOf('_')).toEqual([]);
  });
});

describe('communes of a province', () => {
  it('lists only that province’s communes, by name', async () => {
    const laoCai = await listCommunesInProvince(database.db, 'VN', '15', 'vi');
    expect(laoCai.map((c) => c.slug).sort()).toEqual(['gia-phu', 'ta-van']);
    expect(laoCai.map((c) => c.name)).toEqual(['Gia Phú', 'Tả Van']);
    expect(await listCommunesInProvince(database.db, 'TH', '15', 'vi')).toEqual([]);
  });
});

describe('commune addresses', () => {
  it('resolves slugs and mapped host names, never reserved words', async () => {
    expect((await getCommuneByHost(database.db, 'giaphu.baan.localhost:3000'))?.slug).toBe('gia-phu');
    expect(await getCommuneByHost(database.db, 'unknown.example')).toBeNull();
    expect(await getCommuneBySlug(database.db, 'market')).toBeNull();
    expect(await getCommuneBySlug(database.db, 'no-such-commune')).toBeNull();
  });

  it('refuses reserved, malformed and taken slugs, creating nothing', async () => {
    const scope = scopeFor(database, null, null);
    const form = (slug: string, hostName = '') =>
      CommuneInputSchema.safeParse(
        nestLocaleFields(
          {
            slug,
            country: 'VN',
            provinceCode: '37',
            'name.vi': 'Xã Giao Thịnh',
            defaultLocale: 'vi',
            currency: 'VND',
            timeZone: 'Asia/Ho_Chi_Minh',
            centerLat: '20.2',
            centerLon: '106.5',
            zoom: '12',
            hostName,
          },
          ['name'],
        ),
      );
    for (const reserved of ['market', 'map', 'api', 'login']) {
      expect(RESERVED_SLUGS.has(reserved)).toBe(true);
      const parsed = form(reserved);
      expect(parsed.success).toBe(true);
      await expect(createCommune(scope, parsed.data!)).rejects.toMatchObject({ messageKey: 'tenancy:errors.slugReserved' });
    }
    expect(form('Giao Thịnh').success).toBe(false);
    expect(form('-bad-').success).toBe(false);
    const taken = form('ta-van');
    await expect(createCommune(scope, taken.data!)).rejects.toMatchObject({ messageKey: 'tenancy:errors.slugTaken' });
    const created = await createCommune(scope, form('giao-thinh', 'GiaoThinh.example.vn').data!);
    expect(created.slug).toBe('giao-thinh');
    expect((await getCommuneByHost(database.db, 'giaothinh.example.vn'))?.slug).toBe('giao-thinh');
    expect(await slugsOf('giao thinh')).toEqual(['giao-thinh']);
    await expect(createCommune(scope, form('giao-thinh-2', 'giaothinh.example.vn').data!)).rejects.toMatchObject({ messageKey: 'tenancy:errors.hostTaken' });
  });

  it('validates coordinates', () => {
    const bad = CommuneInputSchema.safeParse({
      slug: 'xa-a',
      country: 'VN',
      provinceCode: '15',
      name: { vi: 'A' },
      defaultLocale: 'vi',
      currency: 'VND',
      timeZone: 'Asia/Ho_Chi_Minh',
      centerLat: '95',
      centerLon: '200',
      zoom: '3',
    });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues.map((i) => i.message).sort()).toEqual(['tenancy:errors.latInvalid', 'tenancy:errors.lonInvalid']);
  });
});

describe('text helpers', () => {
  it('folds Vietnamese but keeps Thai marks', () => {
    expect(fold('Chè Shan Tuyết Đồng Văn')).toBe('che shan tuyet dong van');
    expect(fold('บ้านรักไทย')).toBe('บ้านรักไทย');
  });
  it('shows the reader’s language, else English, else the commune’s, else any, and says which it is', () => {
    expect(localized({ vi: 'Xin chào', th: 'สวัสดี' }, 'th', 'vi')).toEqual({ text: 'สวัสดี', lang: 'th', fellBack: false });
    // A Thai reader on a Vietnamese commune reads the English where there is one, not the Vietnamese.
    expect(localized({ vi: 'Xin chào', en: 'Hello' }, 'th', 'vi')).toEqual({ text: 'Hello', lang: 'en', fellBack: true });
    expect(localized({ vi: 'Xin chào', en: '  ' }, 'th', 'vi')).toEqual({ text: 'Xin chào', lang: 'vi', fellBack: true });
    expect(localized({ th: 'สวัสดี' }, 'en', 'vi')).toEqual({ text: 'สวัสดี', lang: 'th', fellBack: true });
    expect(localized({}, 'en', 'vi')).toEqual({ text: '', lang: null, fellBack: false });
    expect(readingOrder('th', 'vi')).toEqual(['th', 'en', 'vi']);
    expect(readingOrder('en', 'th')).toEqual(['en', 'th']);
    expect(readingOrder('vi', 'vi')).toEqual(['vi', 'en']);
    // The element's lang attribute: only where the text is not in the page's language.
    expect(langOf(localized({ vi: 'Xin chào', en: 'Hello' }, 'th', 'vi'), 'th')).toBe('en');
    expect(langOf(localized({ th: 'สวัสดี' }, 'th', 'vi'), 'th')).toBeUndefined();
  });
});
