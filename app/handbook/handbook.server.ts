import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Tx } from '#db/client.ts';
import { handbookArticles, handbookChapters, handbookTranslations, type LocaleText, type Pillar } from '#db/schema/index.ts';
import { readTenant, type CommuneScope } from '#db/scope.ts';
import { permits, type PermittedScope } from '~/auth/permissions.ts';
import type { Locale } from '~/i18n/config.ts';
import { localized, readingOrder } from '~/tenancy/commune.ts';
import { renderMarkdown } from './markdown.server.ts';
import { readChecklist } from './checklist.server.ts';

// Reading the handbook: the index by pillar and one article with its checklist. Search, editing and
// revisions live beside it (search.server.ts, editing.server.ts, revisions.server.ts).

const PILLAR_ORDER: Record<Pillar, number> = { government: 0, economy: 1, society: 2 };

type Translation = { locale: string; title: string; summary: string; body: string };

/** The translation in the first language of the reading order that has one (readingOrder), else any. */
function pick(translations: Translation[], locale: Locale, fallback: Locale): { t: Translation; fellBack: boolean } | null {
  for (const lang of readingOrder(locale, fallback)) {
    const found = translations.find((t) => t.locale === lang);
    if (found) return { t: found, fellBack: lang !== locale };
  }
  return translations[0] ? { t: translations[0], fellBack: true } : null;
}

export type HandbookIndex = {
  pillars: {
    pillar: Pillar;
    chapters: {
      id: string;
      title: string;
      summary: string;
      articles: { slug: string; title: string; summary: string; published: boolean; fellBack: boolean; locale: string }[];
    }[];
  }[];
};

/** A reader's scope, or an editor's with `handbook.edit` proven (who also sees drafts). */
type HandbookReader = CommuneScope | PermittedScope<'handbook.edit'>;

const seesDrafts = (scope: HandbookReader) => 'viewer' in scope && permits(scope, 'handbook.edit');

/** Chapters by pillar with their articles; drafts only for the commune's editors. */
export async function listHandbook(scope: HandbookReader, locale: Locale, fallback: Locale): Promise<HandbookIndex> {
  const includeDrafts = seesDrafts(scope);
  return readTenant(scope, async (tx) => {
    const chapters = await tx.select().from(handbookChapters).where(eq(handbookChapters.tenantId, scope.tenantId)).orderBy(asc(handbookChapters.position));
    const articles = await tx
      .select()
      .from(handbookArticles)
      .where(and(eq(handbookArticles.tenantId, scope.tenantId), includeDrafts ? undefined : eq(handbookArticles.published, true)))
      .orderBy(asc(handbookArticles.position), asc(handbookArticles.slug));
    const translations = articles.length
      ? await tx
          .select({
            articleId: handbookTranslations.articleId,
            locale: handbookTranslations.locale,
            title: handbookTranslations.title,
            summary: handbookTranslations.summary,
            body: sql<string>`''`,
          })
          .from(handbookTranslations)
          .where(
            and(
              eq(handbookTranslations.tenantId, scope.tenantId),
              inArray(
                handbookTranslations.articleId,
                articles.map((a) => a.id),
              ),
            ),
          )
      : [];
    const byArticle = new Map<string, Translation[]>();
    for (const t of translations) byArticle.set(t.articleId, [...(byArticle.get(t.articleId) ?? []), t]);
    const pillars = new Map<Pillar, HandbookIndex['pillars'][number]>();
    for (const chapter of [...chapters].sort((a, b) => PILLAR_ORDER[a.pillar] - PILLAR_ORDER[b.pillar] || a.position - b.position)) {
      const group = pillars.get(chapter.pillar) ?? { pillar: chapter.pillar, chapters: [] };
      group.chapters.push({
        id: chapter.id,
        title: localized(chapter.title, locale, fallback).text,
        summary: localized(chapter.summary, locale, fallback).text,
        articles: articles
          .filter((a) => a.chapterId === chapter.id)
          .flatMap((a) => {
            const chosen = pick(byArticle.get(a.id) ?? [], locale, fallback);
            return chosen
              ? [{ slug: a.slug, title: chosen.t.title, summary: chosen.t.summary, published: a.published, fellBack: chosen.fellBack, locale: chosen.t.locale }]
              : [];
          }),
      });
      pillars.set(chapter.pillar, group);
    }
    return { pillars: [...pillars.values()] };
  });
}

export type ChecklistView = { id: string; title: string; steps: { id: string; title: string; detail: string; linkUrl: string | null; linkLabel: string }[] };

export type ArticleView = {
  id: string;
  slug: string;
  title: string;
  summary: string;
  html: string;
  locale: string;
  fellBack: boolean;
  locales: string[];
  published: boolean;
  revision: number;
  chapter: { id: string; title: string; pillar: Pillar };
  checklist: ChecklistView | null;
  updatedAt: Date;
};

/** One article for reading, in the reader's language (with fallback) and its checklist; a draft only for the commune's editors. */
export async function getArticle(scope: HandbookReader, slug: string, locale: Locale, fallback: Locale): Promise<ArticleView | null> {
  if (!/^[a-z0-9-]{1,120}$/.test(slug)) return null;
  const includeDrafts = seesDrafts(scope);
  return readTenant(scope, async (tx) => {
    const [article] = await tx
      .select()
      .from(handbookArticles)
      .where(
        and(eq(handbookArticles.tenantId, scope.tenantId), eq(handbookArticles.slug, slug), includeDrafts ? undefined : eq(handbookArticles.published, true)),
      );
    if (!article) return null;
    // Which languages exist (small), then the text of the one shown only.
    const available = await tx
      .select({ locale: handbookTranslations.locale })
      .from(handbookTranslations)
      .where(and(eq(handbookTranslations.tenantId, scope.tenantId), eq(handbookTranslations.articleId, article.id)));
    const shown = pick(
      available.map((t) => ({ ...t, title: '', summary: '', body: '' })),
      locale,
      fallback,
    );
    if (!shown) return null;
    const [text] = await tx
      .select()
      .from(handbookTranslations)
      .where(
        and(eq(handbookTranslations.tenantId, scope.tenantId), eq(handbookTranslations.articleId, article.id), eq(handbookTranslations.locale, shown.t.locale)),
      );
    const chosen = { t: text!, fellBack: shown.fellBack };
    const translations = available;
    const [chapter] = await tx
      .select()
      .from(handbookChapters)
      .where(and(eq(handbookChapters.tenantId, scope.tenantId), eq(handbookChapters.id, article.chapterId)));
    const checklist = await loadChecklist(tx, scope.tenantId, article.id, chosen.t.locale as Locale, fallback);
    return {
      id: article.id,
      slug: article.slug,
      title: chosen.t.title,
      summary: chosen.t.summary,
      html: renderMarkdown(chosen.t.body),
      locale: chosen.t.locale,
      fellBack: chosen.fellBack,
      locales: translations.map((t) => t.locale),
      published: article.published,
      revision: article.revision,
      chapter: { id: chapter!.id, title: localized(chapter!.title, locale, fallback).text, pillar: chapter!.pillar },
      checklist,
      updatedAt: article.updatedAt,
    };
  });
}

async function loadChecklist(tx: Tx, tenantId: string, articleId: string, locale: Locale, fallback: Locale): Promise<ChecklistView | null> {
  const checklist = await readChecklist(tx, tenantId, articleId);
  if (!checklist) return null;
  const text = (value: LocaleText) => localized(value, locale, fallback).text;
  return {
    id: checklist.id,
    title: text(checklist.title),
    steps: checklist.steps.map((s) => ({ id: s.id, title: text(s.title), detail: text(s.detail), linkUrl: s.linkUrl, linkLabel: text(s.linkLabel) })),
  };
}
