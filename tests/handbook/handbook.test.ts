import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outboxEvents, handbookArticles, handbookChapters, handbookSearch, handbookTranslations } from '#db/schema/index.ts';
import { withTenant } from '#db/scope.ts';
import { createArticle, getArticleForEditing, saveTranslation, setPublished } from '~/handbook/editing.server.ts';
import { getArticle, listHandbook } from '~/handbook/handbook.server.ts';
import { listRevisions, restoreRevision } from '~/handbook/revisions.server.ts';
import { highlight, searchHandbook } from '~/handbook/search.server.ts';
import { getChecklistForEditing, saveChecklist } from '~/handbook/checklist.server.ts';
import { ChecklistInputSchema, nestChecklistFields } from '~/handbook/schemas.ts';
import { makeCommuneWithMember } from '#tests/factories/index.ts';
import { createTestDatabase, scopeFor, type TestDatabase } from '#tests/support/db.ts';
import { permitted } from '#tests/support/permissions.ts';

let database: TestDatabase;
let a: { id: string; slug: string };
let b: { id: string; slug: string };
let editorA: { id: string };
let editorB: { id: string };
let chapterA: string;
let chapterB: string;

async function makeChapter(tenantId: string, pillar: 'government' | 'economy' | 'society' = 'government') {
  return database.db.transaction(async (tx) => {
    await tx.execute(sql`select set_config('app.tenant_id', ${tenantId}, true)`);
    const [row] = await tx
      .insert(handbookChapters)
      .values({ tenantId, pillar, position: 1, title: { vi: 'Định danh điện tử', en: 'Digital ID' } })
      .returning({ id: handbookChapters.id });
    return row!.id;
  });
}

beforeAll(async () => {
  database = await createTestDatabase();
  ({ commune: a, user: editorA } = await makeCommuneWithMember(database, 'editor'));
  ({ commune: b, user: editorB } = await makeCommuneWithMember(database, 'editor'));
  chapterA = await makeChapter(a.id);
  chapterB = await makeChapter(b.id, 'economy');
});
afterAll(async () => {
  await database.close();
});

// The editors' scopes as the guards give them (handbook.edit proven), and A's editor's scope without that proof.
const memberA = () => ({ ...scopeFor(database, a.id, editorA.id), tenantId: a.id, userId: editorA.id });
const asA = () => permitted(memberA(), ['handbook.edit'], { roles: ['editor'] });
const asB = () => permitted({ ...scopeFor(database, b.id, editorB.id), tenantId: b.id, userId: editorB.id }, ['handbook.edit'], { roles: ['editor'] });
const readerOfA = () => ({ ...scopeFor(database, a.id, null), tenantId: a.id });

describe('handbook articles', () => {
  it('saves a draft that readers do not see, then publishes it with an outbox event', async () => {
    await createArticle(asA(), {
      chapterId: chapterA,
      slug: 'kich-hoat-vneid',
      locale: 'vi',
      title: 'Kích hoạt tài khoản định danh điện tử',
      summary: 'Các bước kích hoạt VNeID mức 2.',
      body: '## Chuẩn bị\n\nCăn cước công dân gắn chip và điện thoại.',
    });
    expect(await getArticle(readerOfA(), 'kich-hoat-vneid', 'vi', 'vi')).toBeNull();
    expect((await listHandbook(readerOfA(), 'vi', 'vi')).pillars.flatMap((p) => p.chapters.flatMap((c) => c.articles))).toEqual([]);
    const draft = await getArticle(asA(), 'kich-hoat-vneid', 'vi', 'vi');
    expect(draft?.published).toBe(false);
    const editorsIndex = await listHandbook(asA(), 'vi', 'vi');
    expect(editorsIndex.pillars.flatMap((p) => p.chapters.flatMap((c) => c.articles.map((x) => x.slug)))).toContain('kich-hoat-vneid');
    // The editor's own scope without `handbook.edit` proven reads as anyone does: drafts need the proof.
    expect(await getArticle(memberA(), 'kich-hoat-vneid', 'vi', 'vi')).toBeNull();

    const editing = (await getArticleForEditing(asA(), 'kich-hoat-vneid'))!;
    await setPublished(asA(), editing.id, editing.revision, true);
    const published = await getArticle(readerOfA(), 'kich-hoat-vneid', 'vi', 'vi');
    expect(published?.title).toBe('Kích hoạt tài khoản định danh điện tử');
    expect(published?.html).toContain('<h2>Chuẩn bị</h2>');
    const outbox = await database.db.select().from(outboxEvents).where(eq(outboxEvents.tenantId, a.id));
    expect(outbox.map((e) => e.type)).toContain('handbook.article_published');
  });

  it('falls back to the commune’s language with a flag when the reader’s is missing', async () => {
    const article = await getArticle(readerOfA(), 'kich-hoat-vneid', 'en', 'vi');
    expect(article).toMatchObject({ locale: 'vi', fellBack: true });
  });

  it('refuses a save based on an old revision, and overwrites nothing', async () => {
    const editing = (await getArticleForEditing(asA(), 'kich-hoat-vneid'))!;
    const input = {
      chapterId: chapterA,
      slug: 'kich-hoat-vneid',
      locale: 'en' as const,
      title: 'Activate your digital ID',
      summary: '',
      body: 'Steps in English.',
    };
    await saveTranslation(asA(), editing.id, editing.revision, input);
    await expect(saveTranslation(asA(), editing.id, editing.revision, { ...input, body: 'A stale edit' })).rejects.toMatchObject({
      code: 'conflict',
      messageKey: 'handbook:errors.conflict',
    });
    const [en] = await database.db.select().from(handbookTranslations).where(eq(handbookTranslations.locale, 'en'));
    expect(en?.body).toBe('Steps in English.');
  });

  it('keeps every revision and restores an old one as a new revision', async () => {
    const editing = (await getArticleForEditing(asA(), 'kich-hoat-vneid'))!;
    await saveTranslation(asA(), editing.id, editing.revision, {
      chapterId: chapterA,
      slug: 'kich-hoat-vneid',
      locale: 'vi',
      title: 'Tiêu đề đã sửa',
      summary: '',
      body: 'Nội dung bị sửa nhầm.',
    });
    const revisions = await listRevisions(asA(), editing.id);
    expect(revisions.map((r) => r.action)).toEqual(['edit', 'edit', 'publish', 'create']);
    expect(revisions[0]!.changedLocales).toEqual(['vi']);
    expect(revisions[0]!.changes).toEqual([{ locale: 'vi', title: true, summary: true, added: 1, removed: 3 }]);
    expect(revisions[1]!.changes).toEqual([{ locale: 'en', title: true, summary: false, added: 1, removed: 0 }]);
    const current = (await getArticleForEditing(asA(), 'kich-hoat-vneid'))!;
    const restoredNumber = await restoreRevision(asA(), editing.id, 1, current.revision);
    expect(restoredNumber).toBe(current.revision + 1);
    const after = (await getArticleForEditing(asA(), 'kich-hoat-vneid'))!;
    expect(after.translations.map((t) => [t.locale, t.title])).toEqual([['vi', 'Kích hoạt tài khoản định danh điện tử']]);
    expect(after.published).toBe(true);
    expect((await listRevisions(asA(), editing.id))[0]?.action).toBe('restore');
  });

  it('refuses a duplicate address and an unknown chapter', async () => {
    await expect(
      createArticle(asA(), { chapterId: chapterA, slug: 'kich-hoat-vneid', locale: 'vi', title: 'x', summary: '', body: 'y' }),
    ).rejects.toMatchObject({ messageKey: 'handbook:errors.slugTaken' });
    await expect(createArticle(asA(), { chapterId: chapterB, slug: 'moi', locale: 'vi', title: 'x', summary: '', body: 'y' })).rejects.toMatchObject({
      messageKey: 'handbook:errors.chapterUnknown',
    });
  });

  it('refuses to move an article into another commune’s chapter when saving, changing nothing', async () => {
    const before = (await getArticleForEditing(asA(), 'kich-hoat-vneid'))!;
    await expect(
      saveTranslation(asA(), before.id, before.revision, {
        chapterId: chapterB,
        slug: 'kich-hoat-vneid',
        locale: 'vi',
        title: 'Moved',
        summary: '',
        body: 'Moved',
      }),
    ).rejects.toMatchObject({
      code: 'invalid',
      messageKey: 'handbook:errors.chapterUnknown',
      details: { field: 'chapterId' },
    });
    const after = (await getArticleForEditing(asA(), 'kich-hoat-vneid'))!;
    expect({ chapterId: after.chapterId, revision: after.revision, translations: after.translations }).toEqual({
      chapterId: before.chapterId,
      revision: before.revision,
      translations: before.translations,
    });
  });
});

describe('handbook search', () => {
  beforeAll(async () => {
    for (const [slug, title, body] of [
      ['thanh-toan-qr', 'Thanh toán bằng mã QR', 'Mở ứng dụng ngân hàng, quét mã VietQR và kiểm tra tên người nhận trước khi xác nhận.'],
      ['lua-dao', 'Nhận biết lừa đảo qua điện thoại', 'Không bao giờ đọc mã OTP cho người lạ. Cơ quan công an không yêu cầu chuyển tiền qua điện thoại.'],
      ['mijchacheep', 'ระวังมิจฉาชีพทางโทรศัพท์', 'อย่าบอกรหัส OTP กับคนแปลกหน้า และอย่าโอนเงินตามคำสั่งทางโทรศัพท์'],
    ] as const) {
      await createArticle(asA(), { chapterId: chapterA, slug, locale: slug === 'mijchacheep' ? 'th' : 'vi', title, summary: '', body });
      const e = (await getArticleForEditing(asA(), slug))!;
      await setPublished(asA(), e.id, e.revision, true);
    }
  });

  it('finds Vietnamese without diacritics, title matches first, with a highlight', async () => {
    const hits = await searchHandbook(readerOfA(), 'thanh toan', 'vi', 'vi');
    expect(hits[0]?.slug).toBe('thanh-toan-qr');
    const otp = await searchHandbook(readerOfA(), 'ma otp', 'vi', 'vi');
    expect(otp.map((h) => h.slug)).toEqual(['lua-dao']);
    expect(otp[0]?.snippet?.match).toBe('mã OTP');
  });

  it('finds Thai substrings', async () => {
    const hits = await searchHandbook(readerOfA(), 'มิจฉาชีพ', 'th', 'vi');
    expect(hits.map((h) => h.slug)).toEqual(['mijchacheep']);
    const inBody = await searchHandbook(readerOfA(), 'รหัส OTP', 'th', 'vi');
    expect(inBody[0]?.slug).toBe('mijchacheep');
    expect(inBody[0]?.snippet?.match).toBe('รหัส OTP');
  });

  it('does not find drafts or other communes’ articles', async () => {
    await createArticle(asA(), { chapterId: chapterA, slug: 'nhap-thanh-toan', locale: 'vi', title: 'Bản nháp thanh toán', summary: '', body: 'thanh toán' });
    expect((await searchHandbook(readerOfA(), 'ban nhap', 'vi', 'vi')).length).toBe(0);
    expect(await searchHandbook({ ...scopeFor(database, b.id, null), tenantId: b.id }, 'thanh toan', 'vi', 'vi')).toEqual([]);
  });

  it('keeps its index in step: an edit is found, unpublishing hides it, another commune cannot write it', async () => {
    const current = (await getArticleForEditing(asA(), 'thanh-toan-qr'))!;
    await saveTranslation(asA(), current.id, current.revision, {
      chapterId: chapterA,
      slug: 'thanh-toan-qr',
      locale: 'vi',
      title: 'Thanh toán bằng mã QR',
      summary: '',
      body: 'Quét mã VietQR, kiểm tra số tiền và nội dung chuyển khoản.',
    });
    expect((await searchHandbook(readerOfA(), 'noi dung chuyen khoan', 'vi', 'vi')).map((h) => h.slug)).toEqual(['thanh-toan-qr']);
    const article = (await getArticleForEditing(asA(), 'thanh-toan-qr'))!;
    await setPublished(asA(), article.id, article.revision, false);
    expect(await searchHandbook(readerOfA(), 'noi dung chuyen khoan', 'vi', 'vi')).toEqual([]);
    const again = (await getArticleForEditing(asA(), 'thanh-toan-qr'))!;
    await setPublished(asA(), again.id, again.revision, true);
    const rows = await withTenant(asB(), (tx) => tx.select().from(handbookSearch).where(eq(handbookSearch.tenantId, a.id)));
    expect(rows.length).toBeGreaterThan(0); // readable: it is published content
    const changed = await withTenant(asB(), (tx) => tx.update(handbookSearch).set({ title: 'x' }).where(eq(handbookSearch.tenantId, a.id)).returning());
    expect(changed).toHaveLength(0);
  });

  it('highlights across diacritics', () => {
    expect(highlight('Cổng Dịch vụ công quốc gia', 'dich vu cong')).toEqual({ before: 'Cổng ', match: 'Dịch vụ công', after: ' quốc gia' });
  });
});

describe('handbook isolation', () => {
  it('commune B’s editor cannot see or edit A’s drafts', async () => {
    const draft = (await getArticleForEditing(asA(), 'nhap-thanh-toan'))!;
    expect(await getArticleForEditing(asB(), 'nhap-thanh-toan')).toBeNull();
    expect(await getArticle(asB(), 'nhap-thanh-toan', 'vi', 'vi')).toBeNull();
    await expect(
      saveTranslation(asB(), draft.id, draft.revision, { chapterId: chapterB, slug: 'x', locale: 'vi', title: 'Hacked', summary: '', body: 'Hacked' }),
    ).rejects.toMatchObject({ code: 'not_found' });
    await expect(setPublished(asB(), draft.id, draft.revision, true)).rejects.toMatchObject({ code: 'not_found' });
    await expect(restoreRevision(asB(), draft.id, 1, draft.revision)).rejects.toMatchObject({ code: 'not_found' });
    expect(await listRevisions(asB(), draft.id)).toEqual([]);
    const [row] = await database.db.select().from(handbookArticles).where(eq(handbookArticles.id, draft.id));
    expect(row).toMatchObject({ published: false, revision: draft.revision });
  });

  it('lets anyone read published articles across communes, but never drafts', async () => {
    const fromB = await withTenant(asB(), (tx) =>
      tx.select({ slug: handbookArticles.slug, published: handbookArticles.published }).from(handbookArticles).where(eq(handbookArticles.tenantId, a.id)),
    );
    expect(fromB.length).toBeGreaterThan(0);
    expect(fromB.every((r) => r.published)).toBe(true);
    const translations = await withTenant(asB(), (tx) => tx.select().from(handbookTranslations).where(eq(handbookTranslations.tenantId, a.id)));
    expect(translations.some((t) => t.title === 'Bản nháp thanh toán')).toBe(false);
  });
});

describe('checklist editor', () => {
  it('writes a checklist per language, keeps step ids through edits, reorders and removes; other communes cannot', async () => {
    await createArticle(asA(), { chapterId: chapterA, slug: 'kiem-tra-danh-sach', locale: 'vi', title: 'Danh sách thử', summary: '', body: 'Nội dung' });
    const article = (await getArticleForEditing(asA(), 'kiem-tra-danh-sach'))!;
    const parse = (raw: Record<string, string>) => {
      const parsed = ChecklistInputSchema.safeParse(nestChecklistFields(raw));
      if (!parsed.success) throw new Error(JSON.stringify(parsed.error.issues));
      return parsed.data;
    };
    // At most 30 steps that count (new rows left empty, and rows being removed, do not).
    const rows = (n: number, extra: Record<string, string> = {}) => ({
      ...Object.fromEntries(Array.from({ length: n }, (_, k) => [`step.${k}.title`, `Bước ${k}`])),
      ...extra,
    });
    expect(ChecklistInputSchema.safeParse(nestChecklistFields(rows(30, { 'step.30.title': '' }))).success).toBe(true);
    expect(ChecklistInputSchema.safeParse(nestChecklistFields(rows(31))).error?.issues[0]?.message).toBe('handbook:checklist.errors.tooMany');
    await saveChecklist(
      asA(),
      article.slug,
      'vi',
      parse({ title: 'Kích hoạt', 'step.0.title': 'Tải ứng dụng VNeID', 'step.0.linkUrl': 'https://vneid.gov.vn', 'step.1.title': 'Đăng nhập' }),
    );
    const first = (await getChecklistForEditing(asA(), article.id))!;
    expect(first.steps.map((s) => s.title.vi)).toEqual(['Tải ứng dụng VNeID', 'Đăng nhập']);
    const [download, login] = first.steps;
    // English words for the same steps, and the second step moved first.
    await saveChecklist(
      asA(),
      article.slug,
      'en',
      parse({
        title: 'Activate',
        'step.0.id': download!.id,
        'step.0.title': 'Install VNeID',
        'step.0.linkUrl': 'https://vneid.gov.vn',
        'step.0.position': '2',
        'step.1.id': login!.id,
        'step.1.title': 'Sign in',
        'step.1.position': '1',
      }),
    );
    const second = (await getChecklistForEditing(asA(), article.id))!;
    expect(second.steps.map((s) => s.id)).toEqual([login!.id, download!.id]);
    expect(second.steps[1]).toMatchObject({ title: { vi: 'Tải ứng dụng VNeID', en: 'Install VNeID' }, linkUrl: 'https://vneid.gov.vn' });
    expect(second.title).toEqual({ vi: 'Kích hoạt', en: 'Activate' });
    await saveChecklist(
      asA(),
      article.slug,
      'vi',
      parse({
        title: 'Kích hoạt',
        'step.0.id': login!.id,
        'step.0.title': 'Đăng nhập',
        'step.0.remove': 'on',
        'step.1.id': download!.id,
        'step.1.title': 'Tải ứng dụng VNeID',
      }),
    );
    expect((await getChecklistForEditing(asA(), article.id))!.steps.map((s) => s.id)).toEqual([download!.id]);
    // Bad input never reaches the database.
    expect(ChecklistInputSchema.safeParse(nestChecklistFields({ 'step.0.title': 'x', 'step.0.linkUrl': 'javascript:alert(1)' })).success).toBe(false);
    expect(ChecklistInputSchema.safeParse(nestChecklistFields({ 'step.0.detail': 'no title' })).success).toBe(false);
    await expect(saveChecklist(asB(), article.slug, 'vi', parse({ 'step.0.title': 'Chiếm quyền' }))).rejects.toMatchObject({ code: 'not_found' });
  });
});
