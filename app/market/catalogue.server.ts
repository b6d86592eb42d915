import { sql, type SQL } from 'drizzle-orm';
import type { ProductUnit } from '#db/schema/market.ts';
import type { ImageRef } from '#db/schema/media.ts';
import type { LocaleText } from '#db/schema/tenancy.ts';
import { withTenant, type Scope } from '#db/scope.ts';
import { fold } from '#db/text.ts';
import { PAGE_SIZE, type CatalogueQuery } from './catalogue.ts';

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
  certExpiresOn: string | null;
  ratingSum: number;
  ratingCount: number;
  communeSlug: string;
  communeName: LocaleText;
};

/** Words of a query, folded like the stored search text, with LIKE's wildcards escaped. */
export function queryWords(q: string): string[] {
  return fold(q)
    .split(/[\s|]+/)
    .filter(Boolean)
    .slice(0, 6)
    .map((w) => w.slice(0, 40));
}

const likeEscape = (w: string) => w.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * Published products across every commune (or one, with `tenantId`), searched by folded
 * substrings ("che shan tuyet" finds "Chè Shan Tuyết", Thai finds Thai inside words) through the
 * trigram index, filtered, sorted with the id as the final tie-break so pages never overlap.
 */
export async function searchCatalogue(scope: Scope, query: CatalogueQuery): Promise<{ items: CatalogueItem[]; hasMore: boolean }> {
  const where: SQL[] = [sql`p.status = 'published'`];
  if (scope.tenantId) where.push(sql`p.tenant_id = ${scope.tenantId}::uuid`);
  const words = queryWords(query.q);
  for (const word of words) where.push(sql`p.search_text like ${`%${likeEscape(word)}%`}`);
  if (query.category) where.push(sql`p.category = ${query.category}`);
  if (query.province) {
    const [country, code] = query.province.split('-');
    where.push(sql`c.country = ${country} and c.province_code = ${code}`);
  }
  if (query.commune && !scope.tenantId) where.push(sql`c.slug = ${query.commune}`);
  if (query.stars) where.push(sql`p.cert_stars >= ${query.stars} and p.cert_expires_on >= current_date`);
  if (query.minPrice !== null || query.maxPrice !== null || query.sort.startsWith('price')) where.push(sql`p.currency = ${query.currency}`);
  if (query.minPrice !== null) where.push(sql`p.price_minor >= ${query.minPrice}`);
  if (query.maxPrice !== null) where.push(sql`p.price_minor <= ${query.maxPrice}`);
  if (query.inStock) where.push(sql`p.stock > 0`);

  const phrase = words.join(' ');
  const order =
    query.sort === 'price_asc'
      ? sql`p.price_minor asc, p.id asc`
      : query.sort === 'price_desc'
        ? sql`p.price_minor desc, p.id asc`
        : query.sort === 'relevance' && phrase
          ? sql`word_similarity(${phrase}, p.search_text) desc, p.published_at desc, p.id asc`
          : sql`p.published_at desc, p.id asc`;
  const offset = (query.page - 1) * PAGE_SIZE;

  const rows = await withTenant(scope, (tx) =>
    tx.execute<{
      id: string;
      slug: string;
      title: LocaleText;
      price_minor: number;
      currency: 'VND' | 'THB';
      unit: ProductUnit;
      stock: number;
      cover: ImageRef | null;
      cert_scheme: 'OCOP' | 'OTOP' | null;
      cert_stars: number | null;
      cert_expires_on: string | null;
      rating_sum: number;
      rating_count: number;
      commune_slug: string;
      commune_name: LocaleText;
    }>(sql`
      select p.id, p.slug, p.title, p.price_minor, p.currency, p.unit, p.stock, p.photos -> 0 as cover,
        p.cert_scheme, p.cert_stars, p.cert_expires_on::text as cert_expires_on, p.rating_sum, p.rating_count,
        c.slug as commune_slug, c.name as commune_name
      from products p join communes c on c.id = p.tenant_id
      where ${sql.join(where, sql` and `)}
      order by ${order}
      limit ${PAGE_SIZE + 1} offset ${offset}`),
  );
  const list = (Array.isArray(rows) ? rows : (rows as unknown as { rows: unknown[] }).rows) as Array<Record<string, unknown>>;
  const items = list.slice(0, PAGE_SIZE).map(
    (r): CatalogueItem => ({
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
      certExpiresOn: (r.cert_expires_on as string | null) ?? null,
      ratingSum: Number(r.rating_sum),
      ratingCount: Number(r.rating_count),
      communeSlug: r.commune_slug as string,
      communeName: r.commune_name as LocaleText,
    }),
  );
  return { items, hasMore: list.length > PAGE_SIZE };
}
