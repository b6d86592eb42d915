import { sql, type SQL } from 'drizzle-orm';
import { rowsOf } from '#db/client.ts';
import type { ProductUnit } from '#db/schema/market.ts';
import type { ImageRef } from '#db/schema/media.ts';
import type { LocaleText } from '#db/schema/tenancy.ts';
import type { Locale } from '~/i18n/config.ts';
import { readTenant, type Scope } from '#db/scope.ts';
import { likeEscape, PAGE_SIZE, queryWords, type CatalogueQuery } from './catalogue.ts';
import { certValid } from './products.server.ts';

export type CatalogueItem = {
  id: string;
  slug: string;
  title: LocaleText;
  priceMinor: number;
  currency: 'VND' | 'THB';
  unit: ProductUnit;
  stock: number;
  cover: ImageRef | null;
  certScheme: 'OCOP' | 'OTOP' | null;
  certStars: number | null;
  /** Stars with a certificate not yet expired: only then is the badge shown. */
  certValid: boolean;
  ratingSum: number;
  ratingCount: number;
  communeSlug: string;
  communeName: LocaleText;
  /** The commune's own language: where a title missing in the reader's language comes from. */
  communeLocale: Locale;
};

/**
 * Published products across every commune (or one, with `tenantId`), searched by folded
 * substrings ("che shan tuyet" finds "Chè Shan Tuyết", Thai finds Thai inside words) through the
 * trigram index, filtered, sorted with the id as the final tie-break so pages never overlap.
 */
export async function searchCatalogue(scope: Scope, query: CatalogueQuery, pageSize = PAGE_SIZE): Promise<{ items: CatalogueItem[]; hasMore: boolean }> {
  // Everything runs on `product_search` (published products only, indexed, readable by all);
  // `products` is joined for the one page of rows shown.
  const where: SQL[] = [sql`true`];
  if (scope.tenantId) where.push(sql`s.tenant_id = ${scope.tenantId}::uuid`);
  const words = queryWords(query.q);
  for (const word of words) where.push(sql`s.search_text like ${`%${likeEscape(word)}%`}`);
  if (query.category) where.push(sql`s.category = ${query.category}`);
  if (query.province) {
    const [country, code] = query.province.split('-');
    where.push(sql`s.tenant_id in (select id from communes where country = ${country} and province_code = ${code})`);
  }
  if (query.commune && !scope.tenantId) where.push(sql`s.tenant_id = (select id from communes where slug = ${query.commune})`);
  if (query.stars) where.push(sql`s.cert_stars >= ${query.stars} and s.cert_expires_on >= current_date`);
  if (query.minPrice !== null || query.maxPrice !== null || query.sort.startsWith('price')) where.push(sql`s.currency = ${query.currency}`);
  if (query.minPrice !== null) where.push(sql`s.price_minor >= ${query.minPrice}`);
  if (query.maxPrice !== null) where.push(sql`s.price_minor <= ${query.maxPrice}`);
  if (query.inStock) where.push(sql`s.stock > 0`);

  const phrase = words.join(' ');
  // Relevance: the words found together in a title first, then the newest. Cheap enough to
  // rank tens of thousands of hits (a similarity score per hit is not).
  const titleHit = phrase ? sql`(strpos(s.title_text, ${phrase}) > 0)` : sql`false`;
  // The same order twice: to pick the page from the index table (s), then to keep it once joined (hit).
  // Sorted by price with words to find, the page is picked from the words' trigram matches (a
  // bitmap scan, then a top-N sort), never by walking the price index and testing each row: a
  // product kind has its price range, so the matches bunch at one end of that index and the walk
  // from the other end reads most of the table ("gao" highest first: 111 ms at 100,000 products,
  // against 11 ms; the worst a match-wide sort costs there is 20 ms, for a word in 3 rows of 10).
  // `+ 0` is how Postgres is told not to serve an order from an index. Only a word with three
  // letters or digits in a row has a trigram to look up (folded Vietnamese and English are ASCII;
  // Thai has none under the C collation, ADR 006): the others keep the walk, as a sort of every
  // row they match would cost more.
  const price = words.some((w) => /[a-z0-9]{3}/.test(w)) ? sql`(s.price_minor + 0)` : sql`s.price_minor`;
  const orderOf = (table: 's' | 'hit', titleFirst: SQL) => {
    const t = sql.raw(table);
    const p = table === 's' ? price : sql`hit.price_minor`;
    if (query.sort === 'price_asc') return sql`${p} asc, ${t}.product_id asc`;
    if (query.sort === 'price_desc') return sql`${p} desc, ${t}.product_id asc`;
    const newest = sql`${t}.published_at desc nulls last, ${t}.product_id asc`;
    return query.sort === 'relevance' && phrase ? sql`${titleFirst} desc, ${newest}` : newest;
  };
  const inner = orderOf('s', titleHit);
  const outer = orderOf('hit', sql.raw('hit.title_hit'));
  const offset = (query.page - 1) * pageSize;

  const rows = await readTenant(scope, (tx) =>
    tx.execute(sql`
      select p.id, p.slug, p.title, p.price_minor, p.currency, p.unit, p.stock, p.photos -> 0 as cover,
        p.cert_scheme, p.cert_stars, p.cert_expires_on::text as cert_expires_on, p.rating_sum, p.rating_count,
        c.slug as commune_slug, c.name as commune_name, c.default_locale as commune_locale
      from (
        select s.tenant_id, s.product_id, s.price_minor, s.published_at, ${titleHit} as title_hit
        from product_search s
        where ${sql.join(where, sql` and `)}
        order by ${inner}
        limit ${pageSize + 1} offset ${offset}
      ) hit
      join products p on p.tenant_id = hit.tenant_id and p.id = hit.product_id and p.status = 'published'
      join communes c on c.id = p.tenant_id
      order by ${outer}`),
  );
  const list = rowsOf<Record<string, unknown>>(rows);
  const today = new Date().toISOString().slice(0, 10);
  const items = list.slice(0, pageSize).map((r): CatalogueItem => ({
    id: r.id as string,
    slug: r.slug as string,
    title: r.title as LocaleText,
    priceMinor: Number(r.price_minor),
    currency: r.currency as 'VND' | 'THB',
    unit: r.unit as ProductUnit,
    stock: Number(r.stock),
    cover: (r.cover as ImageRef | null) ?? null,
    certScheme: (r.cert_scheme as 'OCOP' | 'OTOP' | null) ?? null,
    certStars: r.cert_stars === null ? null : Number(r.cert_stars),
    certValid: certValid(
      { certStars: r.cert_stars === null ? null : Number(r.cert_stars), certExpiresOn: (r.cert_expires_on as string | null) ?? null },
      today,
    ),
    ratingSum: Number(r.rating_sum),
    ratingCount: Number(r.rating_count),
    communeSlug: r.commune_slug as string,
    communeName: r.commune_name as LocaleText,
    communeLocale: r.commune_locale as Locale,
  }));
  return { items, hasMore: list.length > pageSize };
}
