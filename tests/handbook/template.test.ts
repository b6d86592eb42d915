import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handbookTemplate } from '#db/seed/handbook-template.ts';
import { getArticle, listHandbook } from '~/handbook/handbook.server.ts';
import { createTemplateArticle, getTemplateArticle, listTemplate, updateTemplateArticle } from '~/handbook/template.server.ts';
import { createCommune } from '~/tenancy/communes.server.ts';
import { CommuneInputSchema } from '~/tenancy/schemas.ts';
import { createTestDatabase, scopeFor, type TestDatabase } from '#tests/support/db.ts';

const templateArticles = handbookTemplate().articles;

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.close();
});

const newCommune = (slug: string) =>
  createCommune(
    scopeFor(database, null, null),
    CommuneInputSchema.parse({
      slug,
      country: 'VN',
      provinceCode: '15',
      name: { vi: `Xã ${slug}` },
      defaultLocale: 'vi',
      currency: 'VND',
      timeZone: 'Asia/Ho_Chi_Minh',
      centerLat: '22.3',
      centerLon: '104',
      zoom: '12',
    }),
  );

describe('the national template handbook', () => {
  it('has at least 12 real articles in Vietnamese and English, Thai where it applies, on the three pillars', () => {
    expect(templateArticles.length).toBeGreaterThanOrEqual(12);
    for (const article of templateArticles) {
      expect(article.body.vi.length, article.key).toBeGreaterThan(400);
      expect(article.body.en.length, article.key).toBeGreaterThan(400);
    }
    expect(templateArticles.filter((a) => a.body.th).length).toBeGreaterThanOrEqual(6);
    const keys = templateArticles.map((a) => a.key);
    for (const needed of [
      'activate-vneid-level-2',
      'renew-driving-licence-online',
      'register-birth-online',
      'pay-by-bank-qr',
      'recognise-scams',
      'protect-personal-data',
      'sell-on-baan-marketplace',
      'join-community-tech-team',
    ]) {
      expect(keys).toContain(needed);
    }
  });

  it('is copied into a new commune, checklists included', async () => {
    const created = await newCommune('ban-moi');
    const scope = { ...scopeFor(database, created.id, null), tenantId: created.id };
    const index = await listHandbook(scope, 'vi', 'vi');
    expect(index.pillars.map((p) => p.pillar)).toEqual(['government', 'economy', 'society']);
    expect(index.pillars.flatMap((p) => p.chapters.flatMap((c) => c.articles)).length).toBe(templateArticles.length);
    const vneid = await getArticle(scope, 'activate-vneid-level-2', 'vi', 'vi');
    expect(vneid?.checklist?.steps.length).toBeGreaterThan(2);
    expect(vneid?.checklist?.steps.some((s) => s.linkUrl?.startsWith('https://play.google.com/'))).toBe(true);
    const thai = await getArticle(scope, 'recognise-scams', 'th', 'vi');
    expect(thai).toMatchObject({ locale: 'th', fellBack: false });
  });

  it('takes the operator’s edits, for communes created afterwards only', async () => {
    const before = await newCommune('truoc-khi-sua');
    await updateTemplateArticle({ db: database.db }, 'pay-by-bank-qr', 'vi', {
      title: 'Thanh toán QR (bản mới)',
      summary: 'Tóm tắt mới',
      body: 'Nội dung mới của bài mẫu.',
    });
    expect((await getTemplateArticle({ db: database.db }, 'pay-by-bank-qr'))?.title.vi).toBe('Thanh toán QR (bản mới)');
    const after = await newCommune('sau-khi-sua');
    const read = (id: string) => getArticle({ ...scopeFor(database, id, null), tenantId: id }, 'pay-by-bank-qr', 'vi', 'vi');
    expect((await read(after.id))?.title).toBe('Thanh toán QR (bản mới)');
    expect((await read(before.id))?.title).not.toBe('Thanh toán QR (bản mới)');
    expect((await listTemplate({ db: database.db })).length).toBeGreaterThanOrEqual(5);
  });

  it('takes new articles from the operator, refusing a taken key or an unknown chapter', async () => {
    const chapter = (await listTemplate({ db: database.db }))[0]!.key;
    const article = {
      chapterKey: chapter,
      key: 'pay-electricity-bill-online',
      locale: 'vi' as const,
      title: 'Thanh toán tiền điện trực tuyến',
      summary: '',
      body: 'Mở ứng dụng EVN hoặc ngân hàng, chọn Hóa đơn điện.',
    };
    await createTemplateArticle({ db: database.db }, article);
    await expect(createTemplateArticle({ db: database.db }, article)).rejects.toMatchObject({ messageKey: 'handbook:errors.slugTaken' });
    await expect(createTemplateArticle({ db: database.db }, { ...article, key: 'other', chapterKey: 'no-such-chapter' })).rejects.toMatchObject({
      messageKey: 'handbook:errors.chapterUnknown',
    });
    const created = await newCommune('co-bai-moi');
    const read = await getArticle({ ...scopeFor(database, created.id, null), tenantId: created.id }, 'pay-electricity-bill-online', 'vi', 'vi');
    expect(read?.title).toBe('Thanh toán tiền điện trực tuyến');
  });
});
