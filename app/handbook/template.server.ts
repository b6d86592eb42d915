import { and, asc, eq, sql } from 'drizzle-orm';
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
import { withTenant } from '#db/scope.ts';
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
  const chapterIds = new Map<string, string>();
  for (const chapter of chapters) {
    await tx
      .insert(handbookChapters)
      .values({ tenantId, templateKey: chapter.key, pillar: chapter.pillar, position: chapter.position, title: chapter.title, summary: chapter.summary })
      .onConflictDoNothing();
    const [row] = await tx
      .select({ id: handbookChapters.id })
      .from(handbookChapters)
      .where(and(eq(handbookChapters.tenantId, tenantId), eq(handbookChapters.templateKey, chapter.key)));
    chapterIds.set(chapter.key, row!.id);
  }
  let copied = 0;
  for (const article of articles) {
    const [existing] = await tx
      .select({ id: handbookArticles.id })
      .from(handbookArticles)
      .where(and(eq(handbookArticles.tenantId, tenantId), eq(handbookArticles.templateKey, article.key)));
    if (existing) continue;
    const [row] = await tx
      .insert(handbookArticles)
      .values({ tenantId, chapterId: chapterIds.get(article.chapterKey)!, slug: article.key, position: article.position, templateKey: article.key, published: true, publishedAt: new Date(), updatedBy: authorId })
      .onConflictDoNothing()
      .returning({ id: handbookArticles.id });
    if (!row) continue; // a commune article already uses this slug
    const translations: RevisionSnapshot['translations'] = {};
    for (const [locale, body] of Object.entries(article.body)) {
      if (!body) continue;
      const title = article.title[locale as 'vi'] ?? '';
      const summary = article.summary[locale as 'vi'] ?? '';
      translations[locale] = { title, summary, body };
      await tx.insert(handbookTranslations).values({ tenantId, articleId: row.id, locale, title, summary, body, searchText: searchTextOf(title, summary, body) });
    }
    await tx.insert(handbookRevisions).values({
      tenantId,
      articleId: row.id,
      number: 1,
      action: 'create',
      changedLocales: Object.keys(translations),
      authorId,
      snapshot: { chapterId: chapterIds.get(article.chapterKey)!, slug: article.key, published: true, translations },
    });
    if (article.checklist) {
      const [checklist] = await tx.insert(handbookChecklists).values({ tenantId, articleId: row.id, title: article.checklist.title }).returning({ id: handbookChecklists.id });
      let position = 0;
      for (const step of article.checklist.steps) {
        await tx.insert(handbookChecklistSteps).values({
          tenantId,
          checklistId: checklist!.id,
          position: position++,
          title: step.title,
          detail: step.detail ?? {},
          linkUrl: step.link?.url ?? null,
          linkLabel: step.link?.label ?? {},
        });
      }
    }
    copied++;
  }
  return copied;
}

/** Copies the template into a commune from the owner connection (seeding, tests). */
export async function copyTemplateAsOwner(db: Db, tenantId: string): Promise<number> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select set_config('app.tenant_id', ${tenantId}, true)`);
    return copyTemplateInto(tx, tenantId);
  });
}

// ——— The operator's view of the national template ———

type PlatformScope = { db: Db };
const platform = (scope: PlatformScope) => ({ db: scope.db, tenantId: null, userId: null });

export async function listTemplate(scope: PlatformScope) {
  return withTenant(platform(scope), async (tx) => {
    const chapters = await tx.select().from(handbookTemplateChapters).orderBy(asc(handbookTemplateChapters.position));
    const articles = await tx
      .select({ key: handbookTemplateArticles.key, chapterKey: handbookTemplateArticles.chapterKey, title: handbookTemplateArticles.title, body: handbookTemplateArticles.body, updatedAt: handbookTemplateArticles.updatedAt })
      .from(handbookTemplateArticles)
      .orderBy(asc(handbookTemplateArticles.position));
    return chapters.map((c) => ({ ...c, articles: articles.filter((a) => a.chapterKey === c.key).map((a) => ({ key: a.key, title: a.title, locales: Object.keys(a.body).filter((l) => a.body[l as 'vi']) })) }));
  });
}

export async function getTemplateArticle(scope: PlatformScope, key: string) {
  if (!/^[a-z0-9-]{1,120}$/.test(key)) return null;
  const [row] = await withTenant(platform(scope), (tx) => tx.select().from(handbookTemplateArticles).where(eq(handbookTemplateArticles.key, key)));
  return row ?? null;
}

/** The operator edits one language of a template article; communes created from now on get it. */
export async function updateTemplateArticle(scope: PlatformScope, key: string, locale: 'vi' | 'en' | 'th', text: { title: string; summary: string; body: string }): Promise<void> {
  await withTenant(platform(scope), async (tx) => {
    const [row] = await tx.select().from(handbookTemplateArticles).where(eq(handbookTemplateArticles.key, key));
    if (!row) throw new AppError('not_found', 'common:errors.notFound');
    await tx
      .update(handbookTemplateArticles)
      .set({ title: { ...row.title, [locale]: text.title }, summary: { ...row.summary, [locale]: text.summary }, body: { ...row.body, [locale]: text.body }, updatedAt: new Date() })
      .where(eq(handbookTemplateArticles.key, key));
  });
}
