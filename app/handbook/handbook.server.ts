import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Tx } from '#db/client.ts';
import { handbookArticles, handbookChapters, handbookRevisions, handbookSearch, handbookTranslations, type LocaleText, type Pillar, type RevisionSnapshot, users, events } from '#db/schema/index.ts';
import { fold } from '#db/text.ts';
import { readTenant, withTenant, type CommuneScope, type MemberScope } from '#db/scope.ts';
import type { Locale } from '~/i18n/config.ts';
import { AppError } from '~/lib/errors.ts';
import { localized } from '~/tenancy/commune.ts';
import { renderMarkdown } from './markdown.server.ts';
import { readChecklist } from './checklist.server.ts';
import { searchTextOf } from './search-text.ts';
import type { ArticleInput } from './schemas.ts';


const PILLAR_ORDER: Record<Pillar, number> = { government: 0, economy: 1, society: 2 };

type Translation = { locale: string; title: string; summary: string; body: string };

/** The translation in the reader's language, else the commune's default, else any. */
function pick(translations: Translation[], locale: Locale, fallback: Locale): { t: Translation; fellBack: boolean } | null {
  const own = translations.find((t) => t.locale === locale);
  if (own) return { t: own, fellBack: false };
  const other = translations.find((t) => t.locale === fallback) ?? translations[0];
  return other ? { t: other, fellBack: true } : null;
}

export type HandbookIndex = {
  pillars: {
    pillar: Pillar;
    chapters: { id: string; title: string; summary: string; articles: { slug: string; title: string; summary: string; published: boolean; fellBack: boolean; locale: string }[] }[];
  }[];
};

/** Chapters by pillar with their articles; drafts only for the commune's editors. */
export async function listHandbook(scope: CommuneScope, locale: Locale, fallback: Locale, includeDrafts = false): Promise<HandbookIndex> {
  return readTenant(scope, async (tx) => {
    const chapters = await tx.select().from(handbookChapters).where(eq(handbookChapters.tenantId, scope.tenantId)).orderBy(asc(handbookChapters.position));
    const articles = await tx
      .select()
      .from(handbookArticles)
      .where(and(eq(handbookArticles.tenantId, scope.tenantId), includeDrafts ? undefined : eq(handbookArticles.published, true)))
      .orderBy(asc(handbookArticles.position), asc(handbookArticles.slug));
    const translations = articles.length
      ? await tx
          .select({ articleId: handbookTranslations.articleId, locale: handbookTranslations.locale, title: handbookTranslations.title, summary: handbookTranslations.summary, body: sql<string>`''` })
          .from(handbookTranslations)
          .where(and(eq(handbookTranslations.tenantId, scope.tenantId), inArray(handbookTranslations.articleId, articles.map((a) => a.id))))
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
            return chosen ? [{ slug: a.slug, title: chosen.t.title, summary: chosen.t.summary, published: a.published, fellBack: chosen.fellBack, locale: chosen.t.locale }] : [];
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

/** One article for reading, in the reader's language (with fallback) and its checklist. */
export async function getArticle(scope: CommuneScope, slug: string, locale: Locale, fallback: Locale, includeDrafts = false): Promise<ArticleView | null> {
  if (!/^[a-z0-9-]{1,120}$/.test(slug)) return null;
  return readTenant(scope, async (tx) => {
    const [article] = await tx
      .select()
      .from(handbookArticles)
      .where(and(eq(handbookArticles.tenantId, scope.tenantId), eq(handbookArticles.slug, slug), includeDrafts ? undefined : eq(handbookArticles.published, true)));
    if (!article) return null;
    // Which languages exist (small), then the text of the one shown only.
    const available = await tx
      .select({ locale: handbookTranslations.locale })
      .from(handbookTranslations)
      .where(and(eq(handbookTranslations.tenantId, scope.tenantId), eq(handbookTranslations.articleId, article.id)));
    const shown = pick(available.map((t) => ({ ...t, title: '', summary: '', body: '' })), locale, fallback);
    if (!shown) return null;
    const [text] = await tx
      .select()
      .from(handbookTranslations)
      .where(and(eq(handbookTranslations.tenantId, scope.tenantId), eq(handbookTranslations.articleId, article.id), eq(handbookTranslations.locale, shown.t.locale)));
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

export type SearchHit = { slug: string; title: string; snippet: { before: string; match: string; after: string } | null; locale: string };

/**
 * Search over titles and bodies of published articles: case and Vietnamese diacritics are
 * ignored ("thanh toan" finds "thanh toán"), Thai matches as a substring (a trigram index
 * serves queries of three characters or more). Title matches rank first, then articles where
 * the words come earliest.
 */
export async function searchHandbook(scope: CommuneScope, query: string, locale: Locale, fallback: Locale, limit = 20): Promise<SearchHit[]> {
  const folded = fold(query).slice(0, 100);
  if (!folded) return [];
  const pattern = `%${folded.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  // `handbook_search` holds published translations only and is readable by everyone, so its
  // trigram indexes serve the LIKE below (under row-level security on the translations, they
  // could not); the commune is a plain filter.
  const columns = {
    articleId: handbookSearch.articleId,
    slug: handbookSearch.slug,
    locale: handbookSearch.locale,
    title: handbookSearch.title,
  };
  // Thai words are only found in text with Thai script: a cheap filter the trigram index lacks.
  const here = /[\u0E00-\u0E7F]/.test(folded) ? and(eq(handbookSearch.tenantId, scope.tenantId), sql`${handbookSearch.hasThai}`) : eq(handbookSearch.tenantId, scope.tenantId);
  return readTenant(scope, async (tx) => {
    // Two bounded queries instead of ranking every match: titles, then bodies, stopping at a
    // few dozen matches for very common words.
    const inTitles = await tx
      .select({ ...columns, at: sql<number>`0` })
      .from(handbookSearch)
      .where(and(here, sql`${handbookSearch.titleFolded} like ${pattern}`))
      .limit(limit * 2);
    const inBodies = await tx
      .select({ ...columns, at: sql<number>`position(${folded} in ${handbookSearch.searchText})` })
      .from(handbookSearch)
      .where(and(here, sql`${handbookSearch.searchText} like ${pattern}`))
      .limit(limit * 3);
    const titleSlugs = new Set(inTitles.map((r) => r.slug));
    // Title matches first, then the earlier the words appear (titles and summaries lead the text).
    const rows = [...inTitles, ...inBodies].sort((x, y) => Number(titleSlugs.has(y.slug)) - Number(titleSlugs.has(x.slug)) || x.at - y.at);
    // One hit per article, preferring the reader's language, then the commune's.
    const rank = (l: string) => (l === locale ? 0 : l === fallback ? 1 : 2);
    const best = new Map<string, (typeof rows)[number]>();
    for (const row of rows) {
      const seen = best.get(row.slug);
      if (!seen || rank(row.locale) < rank(seen.locale)) best.set(row.slug, row);
    }
    const top = [...new Set(rows.map((r) => r.slug))].slice(0, limit).map((slug) => best.get(slug)!);
    if (!top.length) return [];
    // Only for the hits shown: the words around the first match, cut from the stored text.
    const excerpts = await tx
      .select({
        articleId: handbookTranslations.articleId,
        locale: handbookTranslations.locale,
        excerpt: sql<string>`substr(${handbookTranslations.summary} || ' ' || ${handbookTranslations.body}, greatest(1, position(${folded} in lower(baan_unaccent(${handbookTranslations.summary} || ' ' || ${handbookTranslations.body}))) - 150), 400)`,
      })
      .from(handbookTranslations)
      .where(and(eq(handbookTranslations.tenantId, scope.tenantId), inArray(handbookTranslations.articleId, top.map((t) => t.articleId))));
    const excerptOf = new Map(excerpts.map((e) => [`${e.articleId}:${e.locale}`, e.excerpt]));
    return top.map((row) => ({
      slug: row.slug,
      title: row.title,
      locale: row.locale,
      snippet: highlight((excerptOf.get(`${row.articleId}:${row.locale}`) ?? '').replace(/[#*_`>[\]]+/g, ''), folded),
    }));
  });
}

const foldedChars = new Map<string, string>();
/** One character folded (memoised: texts repeat a small alphabet); whitespace becomes a space. */
function foldChar(ch: string): string {
  let out = foldedChars.get(ch);
  if (out === undefined) {
    out = /\s/.test(ch) ? ' ' : fold(ch);
    if (foldedChars.size < 10_000) foldedChars.set(ch, out);
  }
  return out;
}

/** Finds the folded query in the original text and returns the words around it. */
export function highlight(text: string, foldedQuery: string, radius = 60): SearchHit['snippet'] {
  // Fold character by character, remembering where each folded character came from.
  let folded = '';
  const origin: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const piece = foldChar(text[i]!);
    for (let k = 0; k < piece.length; k++) origin.push(i);
    folded += piece;
  }
  const at = folded.indexOf(foldedQuery);
  if (at < 0) return null;
  const start = origin[at]!;
  const end = (origin[at + foldedQuery.length - 1] ?? start) + 1;
  const from = Math.max(0, start - radius);
  const to = Math.min(text.length, end + radius);
  return { before: (from > 0 ? '…' : '') + text.slice(from, start), match: text.slice(start, end), after: text.slice(end, to) + (to < text.length ? '…' : '') };
}

// ——— Editing ———

async function snapshotOf(tx: Tx, tenantId: string, articleId: string): Promise<RevisionSnapshot> {
  const [article] = await tx.select().from(handbookArticles).where(and(eq(handbookArticles.tenantId, tenantId), eq(handbookArticles.id, articleId)));
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
async function claimRevision(tx: Tx, scope: MemberScope, articleId: string, expected: number, changes: Partial<typeof handbookArticles.$inferInsert> = {}): Promise<number> {
  const [row] = await tx
    .update(handbookArticles)
    .set({ ...changes, revision: sql`${handbookArticles.revision} + 1`, updatedAt: new Date(), updatedBy: scope.userId })
    .where(and(eq(handbookArticles.tenantId, scope.tenantId), eq(handbookArticles.id, articleId), eq(handbookArticles.revision, expected)))
    .returning({ revision: handbookArticles.revision });
  if (row) return row.revision;
  const [exists] = await tx.select({ id: handbookArticles.id }).from(handbookArticles).where(and(eq(handbookArticles.tenantId, scope.tenantId), eq(handbookArticles.id, articleId)));
  if (!exists) throw new AppError('not_found', 'common:errors.notFound');
  throw new AppError('conflict', 'handbook:errors.conflict');
}

async function writeRevision(tx: Tx, scope: MemberScope, articleId: string, number: number, action: string, changedLocales: string[]) {
  await tx.insert(handbookRevisions).values({ tenantId: scope.tenantId, articleId, number, action, changedLocales, authorId: scope.userId, snapshot: await snapshotOf(tx, scope.tenantId, articleId) });
}

/**
 * The chapter an article is filed under must be one of this commune's: read inside the
 * tenant's transaction, where row-level security hides every other commune's chapters, so a
 * chapter id from elsewhere is "chapter not found" on the form (not a foreign-key failure).
 */
async function requireChapter(tx: Tx, scope: MemberScope, chapterId: string): Promise<void> {
  const [chapter] = await tx.select({ id: handbookChapters.id }).from(handbookChapters).where(and(eq(handbookChapters.tenantId, scope.tenantId), eq(handbookChapters.id, chapterId)));
  if (!chapter) throw new AppError('invalid', 'handbook:errors.chapterUnknown', { field: 'chapterId' });
}

/** A new article, saved as a draft with its first language. */
export async function createArticle(scope: MemberScope, input: ArticleInput): Promise<{ slug: string }> {
  return withTenant(scope, async (tx) => {
    await requireChapter(tx, scope, input.chapterId);
    const [taken] = await tx.select({ id: handbookArticles.id }).from(handbookArticles).where(and(eq(handbookArticles.tenantId, scope.tenantId), eq(handbookArticles.slug, input.slug)));
    if (taken) throw new AppError('conflict', 'handbook:errors.slugTaken', { field: 'slug' });
    const [article] = await tx
      .insert(handbookArticles)
      .values({ tenantId: scope.tenantId, chapterId: input.chapterId, slug: input.slug, position: 1000, updatedBy: scope.userId })
      .returning({ id: handbookArticles.id });
    await tx.insert(handbookTranslations).values({ tenantId: scope.tenantId, articleId: article!.id, locale: input.locale, title: input.title, summary: input.summary, body: input.body, searchText: searchTextOf(input.title, input.summary, input.body) });
    await writeRevision(tx, scope, article!.id, 1, 'create', [input.locale]);
    return { slug: input.slug };
  });
}

/** Saves one language of an article, unless it changed since the editor opened it. */
export async function saveTranslation(scope: MemberScope, articleId: string, expectedRevision: number, input: ArticleInput): Promise<number> {
  return withTenant(scope, async (tx) => {
    await requireChapter(tx, scope, input.chapterId);
    const number = await claimRevision(tx, scope, articleId, expectedRevision, { chapterId: input.chapterId });
    await tx
      .insert(handbookTranslations)
      .values({ tenantId: scope.tenantId, articleId, locale: input.locale, title: input.title, summary: input.summary, body: input.body, searchText: searchTextOf(input.title, input.summary, input.body) })
      .onConflictDoUpdate({
        target: [handbookTranslations.tenantId, handbookTranslations.articleId, handbookTranslations.locale],
        set: { title: input.title, summary: input.summary, body: input.body, searchText: searchTextOf(input.title, input.summary, input.body) },
      });
    await writeRevision(tx, scope, articleId, number, 'edit', [input.locale]);
    return number;
  });
}

/** Publishes or withdraws an article; publishing writes `handbook.article_published` to the outbox. */
export async function setPublished(scope: MemberScope, articleId: string, expectedRevision: number, published: boolean): Promise<number> {
  return withTenant(scope, async (tx) => {
    const number = await claimRevision(tx, scope, articleId, expectedRevision, { published, ...(published ? { publishedAt: new Date() } : {}) });
    await writeRevision(tx, scope, articleId, number, published ? 'publish' : 'unpublish', []);
    const [article] = await tx.select({ slug: handbookArticles.slug }).from(handbookArticles).where(and(eq(handbookArticles.tenantId, scope.tenantId), eq(handbookArticles.id, articleId)));
    await tx.insert(events).values({ tenantId: scope.tenantId, type: published ? 'handbook.article_published' : 'handbook.article_unpublished', payload: { articleId, slug: article!.slug, revision: number }, actorUserId: scope.userId });
    return number;
  });
}

export type RevisionChange = { locale: string; title: boolean; summary: boolean; added: number; removed: number };
export type RevisionView = { number: number; action: string; changedLocales: string[]; author: string | null; createdAt: Date; titles: Record<string, string>; changes: RevisionChange[] };

/** Lines of `after` not in `before` and the reverse (a multiset comparison: enough to say how much changed). */
function lineDelta(before: string, after: string): { added: number; removed: number } {
  const count = new Map<string, number>();
  for (const line of before ? before.split('\n') : []) count.set(line, (count.get(line) ?? 0) + 1);
  let added = 0;
  for (const line of after ? after.split('\n') : []) {
    const n = count.get(line) ?? 0;
    if (n > 0) count.set(line, n - 1);
    else added++;
  }
  const removed = [...count.values()].reduce((sum, n) => sum + n, 0);
  return { added, removed };
}

/** What each revision changed against the one before it, per language. */
export function describeChanges(previous: RevisionSnapshot | null, current: RevisionSnapshot): RevisionChange[] {
  const locales = new Set([...Object.keys(previous?.translations ?? {}), ...Object.keys(current.translations)]);
  const changes: RevisionChange[] = [];
  for (const locale of locales) {
    const was = previous?.translations[locale];
    const now = current.translations[locale];
    const delta = lineDelta(was?.body ?? '', now?.body ?? '');
    const change = { locale, title: (was?.title ?? '') !== (now?.title ?? ''), summary: (was?.summary ?? '') !== (now?.summary ?? ''), ...delta };
    if (change.title || change.summary || change.added || change.removed) changes.push(change);
  }
  return changes;
}

export async function listRevisions(scope: CommuneScope, articleId: string): Promise<RevisionView[]> {
  const rows = await withTenant(scope, (tx) =>
    tx
      .select({ number: handbookRevisions.number, action: handbookRevisions.action, changedLocales: handbookRevisions.changedLocales, author: users.displayName, createdAt: handbookRevisions.createdAt, snapshot: handbookRevisions.snapshot })
      .from(handbookRevisions)
      .leftJoin(users, eq(users.id, handbookRevisions.authorId))
      .where(and(eq(handbookRevisions.tenantId, scope.tenantId), eq(handbookRevisions.articleId, articleId)))
      .orderBy(desc(handbookRevisions.number)),
  );
  return rows.map((r, i) => ({
    number: r.number,
    action: r.action,
    changedLocales: r.changedLocales,
    author: r.author,
    createdAt: r.createdAt,
    titles: Object.fromEntries(Object.entries(r.snapshot.translations).map(([l, t]) => [l, t.title])),
    changes: describeChanges(rows[i + 1]?.snapshot ?? null, r.snapshot),
  }));
}

/** Brings back the text of an old revision (every language) as a new revision; publication state is kept. */
export async function restoreRevision(scope: MemberScope, articleId: string, number: number, expectedRevision: number): Promise<number> {
  return withTenant(scope, async (tx) => {
    const [old] = await tx
      .select({ snapshot: handbookRevisions.snapshot })
      .from(handbookRevisions)
      .where(and(eq(handbookRevisions.tenantId, scope.tenantId), eq(handbookRevisions.articleId, articleId), eq(handbookRevisions.number, number)));
    if (!old) throw new AppError('not_found', 'common:errors.notFound');
    const next = await claimRevision(tx, scope, articleId, expectedRevision, { chapterId: old.snapshot.chapterId });
    await tx.delete(handbookTranslations).where(and(eq(handbookTranslations.tenantId, scope.tenantId), eq(handbookTranslations.articleId, articleId)));
    for (const [locale, t] of Object.entries(old.snapshot.translations)) {
      await tx.insert(handbookTranslations).values({ tenantId: scope.tenantId, articleId, locale, title: t.title, summary: t.summary, body: t.body, searchText: searchTextOf(t.title, t.summary, t.body) });
    }
    await writeRevision(tx, scope, articleId, next, 'restore', Object.keys(old.snapshot.translations));
    return next;
  });
}

/** The editor's view of an article: every language as stored, and the chapters to choose from. */
export async function getArticleForEditing(scope: CommuneScope, slug: string) {
  if (!/^[a-z0-9-]{1,120}$/.test(slug)) return null;
  return withTenant(scope, async (tx) => {
    const [article] = await tx.select().from(handbookArticles).where(and(eq(handbookArticles.tenantId, scope.tenantId), eq(handbookArticles.slug, slug)));
    if (!article) return null;
    const translations = await tx
      .select({ locale: handbookTranslations.locale, title: handbookTranslations.title, summary: handbookTranslations.summary, body: handbookTranslations.body })
      .from(handbookTranslations)
      .where(and(eq(handbookTranslations.tenantId, scope.tenantId), eq(handbookTranslations.articleId, article.id)));
    return { id: article.id, slug: article.slug, chapterId: article.chapterId, published: article.published, revision: article.revision, translations };
  });
}

export async function listChapters(scope: CommuneScope, locale: Locale, fallback: Locale) {
  const rows = await withTenant(scope, (tx) => tx.select().from(handbookChapters).where(eq(handbookChapters.tenantId, scope.tenantId)).orderBy(asc(handbookChapters.position)));
  return rows.map((c) => ({ id: c.id, pillar: c.pillar, title: localized(c.title, locale, fallback).text }));
}
