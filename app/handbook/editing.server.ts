import { and, asc, eq, sql } from 'drizzle-orm';
import type { Tx } from '#db/client.ts';
import { handbookArticles, handbookChapters, handbookRevisions, handbookTranslations, type RevisionSnapshot } from '#db/schema/index.ts';
import { recordEvent } from '~/outbox/outbox.server.ts';
import { withTenant, type CommuneScope, type MemberScope } from '#db/scope.ts';
import type { PermittedScope } from '~/auth/permissions.ts';
import type { Locale } from '~/i18n/config.ts';
import { AppError } from '~/lib/errors.ts';
import { localized } from '~/tenancy/commune.ts';
import { searchTextOf } from './search-text.ts';
import type { ArticleInput } from './schemas.ts';

// Writing the handbook: new articles, a language saved only if nobody saved since, publishing; every change a revision.

export async function snapshotOf(tx: Tx, tenantId: string, articleId: string): Promise<RevisionSnapshot> {
  const [article] = await tx
    .select()
    .from(handbookArticles)
    .where(and(eq(handbookArticles.tenantId, tenantId), eq(handbookArticles.id, articleId)));
  const translations = await tx
    .select()
    .from(handbookTranslations)
    .where(and(eq(handbookTranslations.tenantId, tenantId), eq(handbookTranslations.articleId, articleId)));
  return {
    chapterId: article!.chapterId,
    slug: article!.slug,
    published: article!.published,
    translations: Object.fromEntries(translations.map((t) => [t.locale, { title: t.title, summary: t.summary, body: t.body }])),
  };
}

/**
 * Claims the next revision of an article: succeeds only if nobody saved since `expected`
 * (one conditional UPDATE, so two editors cannot both win), else a conflict.
 */
export async function claimRevision(
  tx: Tx,
  scope: MemberScope,
  articleId: string,
  expected: number,
  changes: Partial<typeof handbookArticles.$inferInsert> = {},
): Promise<number> {
  const [row] = await tx
    .update(handbookArticles)
    .set({ ...changes, revision: sql`${handbookArticles.revision} + 1`, updatedAt: new Date(), updatedBy: scope.userId })
    .where(and(eq(handbookArticles.tenantId, scope.tenantId), eq(handbookArticles.id, articleId), eq(handbookArticles.revision, expected)))
    .returning({ revision: handbookArticles.revision });
  if (row) return row.revision;
  const [exists] = await tx
    .select({ id: handbookArticles.id })
    .from(handbookArticles)
    .where(and(eq(handbookArticles.tenantId, scope.tenantId), eq(handbookArticles.id, articleId)));
  if (!exists) throw new AppError('not_found', 'common:errors.notFound');
  throw new AppError('conflict', 'handbook:errors.conflict');
}

export async function writeRevision(tx: Tx, scope: MemberScope, articleId: string, number: number, action: string, changedLocales: string[]) {
  await tx.insert(handbookRevisions).values({
    tenantId: scope.tenantId,
    articleId,
    number,
    action,
    changedLocales,
    authorId: scope.userId,
    snapshot: await snapshotOf(tx, scope.tenantId, articleId),
  });
}

/**
 * The chapter an article is filed under must be one of this commune's: read inside the
 * tenant's transaction, where row-level security hides every other commune's chapters, so a
 * chapter id from elsewhere is "chapter not found" on the form (not a foreign-key failure).
 */
async function requireChapter(tx: Tx, scope: MemberScope, chapterId: string): Promise<void> {
  const [chapter] = await tx
    .select({ id: handbookChapters.id })
    .from(handbookChapters)
    .where(and(eq(handbookChapters.tenantId, scope.tenantId), eq(handbookChapters.id, chapterId)));
  if (!chapter) throw new AppError('invalid', 'handbook:errors.chapterUnknown', { field: 'chapterId' });
}

/** A new article, saved as a draft with its first language. */
/** A commune editor's scope: the proof that `handbook.edit` was checked (ADR 014). */
export type HandbookEditor = PermittedScope<'handbook.edit'>;

export async function createArticle(scope: HandbookEditor, input: ArticleInput): Promise<{ slug: string }> {
  return withTenant(scope, async (tx) => {
    await requireChapter(tx, scope, input.chapterId);
    const [taken] = await tx
      .select({ id: handbookArticles.id })
      .from(handbookArticles)
      .where(and(eq(handbookArticles.tenantId, scope.tenantId), eq(handbookArticles.slug, input.slug)));
    if (taken) throw new AppError('conflict', 'handbook:errors.slugTaken', { field: 'slug' });
    const [article] = await tx
      .insert(handbookArticles)
      .values({ tenantId: scope.tenantId, chapterId: input.chapterId, slug: input.slug, position: 1000, updatedBy: scope.userId })
      .returning({ id: handbookArticles.id });
    await tx.insert(handbookTranslations).values({
      tenantId: scope.tenantId,
      articleId: article!.id,
      locale: input.locale,
      title: input.title,
      summary: input.summary,
      body: input.body,
      searchText: searchTextOf(input.title, input.summary, input.body),
    });
    await writeRevision(tx, scope, article!.id, 1, 'create', [input.locale]);
    return { slug: input.slug };
  });
}

/** Saves one language of an article, unless it changed since the editor opened it. */
export async function saveTranslation(scope: HandbookEditor, articleId: string, expectedRevision: number, input: ArticleInput): Promise<number> {
  return withTenant(scope, async (tx) => {
    await requireChapter(tx, scope, input.chapterId);
    const number = await claimRevision(tx, scope, articleId, expectedRevision, { chapterId: input.chapterId });
    await tx
      .insert(handbookTranslations)
      .values({
        tenantId: scope.tenantId,
        articleId,
        locale: input.locale,
        title: input.title,
        summary: input.summary,
        body: input.body,
        searchText: searchTextOf(input.title, input.summary, input.body),
      })
      .onConflictDoUpdate({
        target: [handbookTranslations.tenantId, handbookTranslations.articleId, handbookTranslations.locale],
        set: { title: input.title, summary: input.summary, body: input.body, searchText: searchTextOf(input.title, input.summary, input.body) },
      });
    await writeRevision(tx, scope, articleId, number, 'edit', [input.locale]);
    return number;
  });
}

/** Publishes or withdraws an article; publishing writes `handbook.article_published` to the outbox. */
export async function setPublished(scope: HandbookEditor, articleId: string, expectedRevision: number, published: boolean): Promise<number> {
  return withTenant(scope, async (tx) => {
    const number = await claimRevision(tx, scope, articleId, expectedRevision, { published, ...(published ? { publishedAt: new Date() } : {}) });
    await writeRevision(tx, scope, articleId, number, published ? 'publish' : 'unpublish', []);
    const [article] = await tx
      .select({ slug: handbookArticles.slug })
      .from(handbookArticles)
      .where(and(eq(handbookArticles.tenantId, scope.tenantId), eq(handbookArticles.id, articleId)));
    await recordEvent(
      tx,
      scope.tenantId,
      published ? 'handbook.article_published' : 'handbook.article_unpublished',
      { articleId, slug: article!.slug, revision: number },
      scope.userId,
    );
    return number;
  });
}

/** The editor's view of an article: every language as stored, and the chapters to choose from. */
export async function getArticleForEditing(scope: HandbookEditor, slug: string) {
  if (!/^[a-z0-9-]{1,120}$/.test(slug)) return null;
  return withTenant(scope, async (tx) => {
    const [article] = await tx
      .select()
      .from(handbookArticles)
      .where(and(eq(handbookArticles.tenantId, scope.tenantId), eq(handbookArticles.slug, slug)));
    if (!article) return null;
    const translations = await tx
      .select({
        locale: handbookTranslations.locale,
        title: handbookTranslations.title,
        summary: handbookTranslations.summary,
        body: handbookTranslations.body,
      })
      .from(handbookTranslations)
      .where(and(eq(handbookTranslations.tenantId, scope.tenantId), eq(handbookTranslations.articleId, article.id)));
    return { id: article.id, slug: article.slug, chapterId: article.chapterId, published: article.published, revision: article.revision, translations };
  });
}

export async function listChapters(scope: CommuneScope, locale: Locale, fallback: Locale) {
  const rows = await withTenant(scope, (tx) =>
    tx.select().from(handbookChapters).where(eq(handbookChapters.tenantId, scope.tenantId)).orderBy(asc(handbookChapters.position)),
  );
  return rows.map((c) => ({ id: c.id, pillar: c.pillar, title: localized(c.title, locale, fallback).text }));
}
