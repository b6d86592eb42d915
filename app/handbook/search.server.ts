import { and, eq, inArray, sql } from 'drizzle-orm';
import { handbookSearch, handbookTranslations } from '#db/schema/index.ts';
import { fold } from '#db/text.ts';
import { readTenant, type CommuneScope } from '#db/scope.ts';
import type { Locale } from '~/i18n/config.ts';
import { createCache } from '~/lib/cache.server.ts';

// Searching the handbook: diacritic-insensitive for Vietnamese, substring for Thai, with a highlighted snippet.

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
  const here = /[\u0E00-\u0E7F]/.test(folded)
    ? and(eq(handbookSearch.tenantId, scope.tenantId), sql`${handbookSearch.hasThai}`)
    : eq(handbookSearch.tenantId, scope.tenantId);
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
      .where(
        and(
          eq(handbookTranslations.tenantId, scope.tenantId),
          inArray(
            handbookTranslations.articleId,
            top.map((t) => t.articleId),
          ),
        ),
      );
    const excerptOf = new Map(excerpts.map((e) => [`${e.articleId}:${e.locale}`, e.excerpt]));
    return top.map((row) => ({
      slug: row.slug,
      title: row.title,
      locale: row.locale,
      snippet: highlight((excerptOf.get(`${row.articleId}:${row.locale}`) ?? '').replace(/[#*_`>[\]]+/g, ''), folded),
    }));
  });
}

const foldedChars = createCache<string, string>('handbook.folded-chars', { max: 10_000 });
/** One character folded (memoised: texts repeat a small alphabet); whitespace becomes a space. */
function foldChar(ch: string): string {
  // Read once per character of a text: written out rather than with `remember`, to make no closure.
  let out = foldedChars.get(ch);
  if (out === undefined) foldedChars.set(ch, (out = /\s/.test(ch) ? ' ' : fold(ch)));
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
