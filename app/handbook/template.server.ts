import { asc, desc, eq } from 'drizzle-orm';
import type { Db, Tx } from '#db/client.ts';
import {
  handbookArticles,
  handbookChapters,
  handbookChecklists,
  handbookChecklistSteps,
  handbookRevisions,
  handbookTemplateArticles,
  handbookTemplateChapters,
  handbookTranslations,
  type RevisionSnapshot,
} from '#db/schema/index.ts';
import { ownerInTenant, platformScope, withTenant } from '#db/scope.ts';
import { AppError } from '~/lib/errors.ts';
import { searchTextOf } from './search-text.ts';

/**
 * Copies the national template handbook into a commune (inside the caller's transaction, with
 * app.tenant_id already set to that commune). Chapters and articles already copied (same
 * template key) are left alone, so it is safe to run again.
 */
export async function copyTemplateInto(tx: Tx, tenantId: string, authorId: string | null = null): Promise<number> {
  const chapters = await tx.select().from(handbookTemplateChapters).orderBy(asc(handbookTemplateChapters.position));
  const articles = await tx.select().from(handbookTemplateArticles).orderBy(asc(handbookTemplateArticles.position));
  if (!chapters.length) return 0;
  // A few multi-row statements per commune, not a few per article: creating a commune (and the
  // first start, which seeds four) stays quick.
  await tx
    .insert(handbookChapters)
    .values(chapters.map((c) => ({ tenantId, templateKey: c.key, pillar: c.pillar, position: c.position, title: c.title, summary: c.summary })))
    .onConflictDoNothing();
  const chapterRows = await tx
    .select({ id: handbookChapters.id, key: handbookChapters.templateKey })
    .from(handbookChapters)
    .where(eq(handbookChapters.tenantId, tenantId));
  const chapterIds = new Map(chapterRows.map((c) => [c.key, c.id]));
  const existing = new Set(
    (
      await tx.select({ key: handbookArticles.templateKey, slug: handbookArticles.slug }).from(handbookArticles).where(eq(handbookArticles.tenantId, tenantId))
    ).flatMap((a) => [a.key, a.slug]),
  );
  const fresh = articles.filter((a) => !existing.has(a.key) && chapterIds.has(a.chapterKey));
  if (!fresh.length) return 0;
  const now = new Date();
  const inserted = await tx
    .insert(handbookArticles)
    .values(
      fresh.map((a) => ({
        tenantId,
        chapterId: chapterIds.get(a.chapterKey)!,
        slug: a.key,
        position: a.position,
        templateKey: a.key,
        published: true,
        publishedAt: now,
        updatedBy: authorId,
      })),
    )
    .returning({ id: handbookArticles.id, key: handbookArticles.templateKey });
  const idOf = new Map(inserted.map((r) => [r.key, r.id]));
  const translations: (typeof handbookTranslations.$inferInsert)[] = [];
  const revisions: (typeof handbookRevisions.$inferInsert)[] = [];
  const checklists: (typeof handbookChecklists.$inferInsert & { key: string })[] = [];
  for (const article of fresh) {
    const articleId = idOf.get(article.key)!;
    const snapshot: RevisionSnapshot['translations'] = {};
    for (const [locale, body] of Object.entries(article.body)) {
      if (!body) continue;
      const title = article.title[locale as 'vi'] ?? '';
      const summary = article.summary[locale as 'vi'] ?? '';
      snapshot[locale] = { title, summary, body };
      translations.push({ tenantId, articleId, locale, title, summary, body, searchText: searchTextOf(title, summary, body) });
    }
    revisions.push({
      tenantId,
      articleId,
      number: 1,
      action: 'create',
      changedLocales: Object.keys(snapshot),
      authorId,
      snapshot: { chapterId: chapterIds.get(article.chapterKey)!, slug: article.key, published: true, translations: snapshot },
    });
    if (article.checklist) checklists.push({ tenantId, articleId, title: article.checklist.title, key: article.key });
  }
  if (translations.length) await tx.insert(handbookTranslations).values(translations);
  if (revisions.length) await tx.insert(handbookRevisions).values(revisions);
  if (checklists.length) {
    const made = await tx
      .insert(handbookChecklists)
      .values(checklists.map(({ key: _key, ...c }) => c))
      .returning({ id: handbookChecklists.id, articleId: handbookChecklists.articleId });
    const checklistOf = new Map(made.map((c) => [c.articleId, c.id]));
    const steps = fresh.flatMap((article) =>
      (article.checklist?.steps ?? []).map((step, position) => ({
        tenantId,
        checklistId: checklistOf.get(idOf.get(article.key)!)!,
        position,
        title: step.title,
        detail: step.detail ?? {},
        linkUrl: step.link?.url ?? null,
        linkLabel: step.link?.label ?? {},
      })),
    );
    if (steps.length) await tx.insert(handbookChecklistSteps).values(steps);
  }
  return fresh.length;
}

/** Copies the template into a commune from the owner connection (seeding, tests). */
export async function copyTemplateAsOwner(db: Db, tenantId: string): Promise<number> {
  return ownerInTenant(db, tenantId, async (tx) => {
    return copyTemplateInto(tx, tenantId);
  });
}

// ——— The operator's view of the national template ———

type PlatformScope = { db: Db };
const platform = (scope: PlatformScope) => platformScope(scope.db);

export async function listTemplate(scope: PlatformScope) {
  return withTenant(platform(scope), async (tx) => {
    const chapters = await tx.select().from(handbookTemplateChapters).orderBy(asc(handbookTemplateChapters.position));
    const articles = await tx
      .select({
        key: handbookTemplateArticles.key,
        chapterKey: handbookTemplateArticles.chapterKey,
        title: handbookTemplateArticles.title,
        body: handbookTemplateArticles.body,
        updatedAt: handbookTemplateArticles.updatedAt,
      })
      .from(handbookTemplateArticles)
      .orderBy(asc(handbookTemplateArticles.position));
    return chapters.map((c) => ({
      ...c,
      articles: articles
        .filter((a) => a.chapterKey === c.key)
        .map((a) => ({ key: a.key, title: a.title, locales: Object.keys(a.body).filter((l) => a.body[l as 'vi']) })),
    }));
  });
}

export async function getTemplateArticle(scope: PlatformScope, key: string) {
  if (!/^[a-z0-9-]{1,120}$/.test(key)) return null;
  const [row] = await withTenant(platform(scope), (tx) => tx.select().from(handbookTemplateArticles).where(eq(handbookTemplateArticles.key, key)));
  return row ?? null;
}

/** The operator edits one language of a template article; communes created from now on get it. */
export async function updateTemplateArticle(
  scope: PlatformScope,
  key: string,
  locale: 'vi' | 'en' | 'th',
  text: { title: string; summary: string; body: string },
): Promise<void> {
  await withTenant(platform(scope), async (tx) => {
    const [row] = await tx.select().from(handbookTemplateArticles).where(eq(handbookTemplateArticles.key, key));
    if (!row) throw new AppError('not_found', 'common:errors.notFound');
    await tx
      .update(handbookTemplateArticles)
      .set({
        title: { ...row.title, [locale]: text.title },
        summary: { ...row.summary, [locale]: text.summary },
        body: { ...row.body, [locale]: text.body },
        updatedAt: new Date(),
      })
      .where(eq(handbookTemplateArticles.key, key));
  });
}

/** The operator adds an article to the template (in one language to start); new communes get it. */
export async function createTemplateArticle(
  scope: PlatformScope,
  input: { chapterKey: string; key: string; locale: 'vi' | 'en' | 'th'; title: string; summary: string; body: string },
): Promise<void> {
  await withTenant(platform(scope), async (tx) => {
    const [chapter] = await tx
      .select({ key: handbookTemplateChapters.key })
      .from(handbookTemplateChapters)
      .where(eq(handbookTemplateChapters.key, input.chapterKey));
    if (!chapter) throw new AppError('invalid', 'handbook:errors.chapterUnknown', { field: 'chapterKey' });
    const [taken] = await tx.select({ key: handbookTemplateArticles.key }).from(handbookTemplateArticles).where(eq(handbookTemplateArticles.key, input.key));
    if (taken) throw new AppError('conflict', 'handbook:errors.slugTaken', { field: 'key' });
    const [last] = await tx
      .select({ position: handbookTemplateArticles.position })
      .from(handbookTemplateArticles)
      .where(eq(handbookTemplateArticles.chapterKey, input.chapterKey))
      .orderBy(desc(handbookTemplateArticles.position))
      .limit(1);
    await tx.insert(handbookTemplateArticles).values({
      key: input.key,
      chapterKey: input.chapterKey,
      position: (last?.position ?? 0) + 1,
      title: { [input.locale]: input.title },
      summary: input.summary ? { [input.locale]: input.summary } : {},
      body: { [input.locale]: input.body },
    });
  });
}
