import { PRODUCT_CATEGORIES, type ProductCategory } from '#domain/market.ts';
import { fold } from '#domain/text.ts';
import { parsePrice } from './schemas.ts';

export const PAGE_SIZE = 24;
export const MAX_PAGE = 200;
export const SORTS = ['relevance', 'newest', 'price_asc', 'price_desc'] as const;
export type Sort = (typeof SORTS)[number];

export type CatalogueQuery = {
  q: string;
  category: ProductCategory | null;
  province: string | null; // "VN-08"
  commune: string | null; // a slug, platform catalogue only
  stars: number | null; // at least
  currency: 'VND' | 'THB';
  minPrice: number | null; // minor units
  maxPrice: number | null;
  inStock: boolean;
  sort: Sort;
  page: number;
};

/** Reads the catalogue's query string. Anything malformed is dropped, never an error page. */
export function parseCatalogueQuery(params: URLSearchParams, currency: 'VND' | 'THB'): CatalogueQuery {
  const q = (params.get('q') ?? '').trim().slice(0, 100);
  const category = params.get('category');
  const province = params.get('province');
  const commune = params.get('commune');
  const stars = Number(params.get('stars'));
  const cur = params.get('currency');
  const chosenCurrency = cur === 'VND' || cur === 'THB' ? cur : currency;
  const min = parsePrice(params.get('min') ?? '', chosenCurrency);
  const max = parsePrice(params.get('max') ?? '', chosenCurrency);
  const sort = params.get('sort');
  const page = Number(params.get('page'));
  return {
    q,
    category: PRODUCT_CATEGORIES.includes(category as ProductCategory) ? (category as ProductCategory) : null,
    province: province && /^(VN|TH)-\d{2}$/.test(province) ? province : null,
    commune: commune && /^[a-z0-9-]{2,63}$/.test(commune) ? commune : null,
    stars: Number.isInteger(stars) && stars >= 1 && stars <= 5 ? stars : null,
    currency: chosenCurrency,
    minPrice: min,
    maxPrice: max,
    inStock: params.get('instock') === '1',
    sort: SORTS.includes(sort as Sort) ? (sort as Sort) : q ? 'relevance' : 'newest',
    page: Number.isInteger(page) && page >= 1 && page <= MAX_PAGE ? page : 1,
  };
}

/** Words of a query, folded like the stored search text, with LIKE's wildcards escaped. */
export function queryWords(q: string): string[] {
  return fold(q)
    .split(/[\s|]+/)
    .filter(Boolean)
    .slice(0, 6)
    .map((w) => w.slice(0, 40));
}

/** A word for LIKE, its wildcards taken literally. */
export const likeEscape = (w: string) => w.replace(/[\\%_]/g, (c) => `\\${c}`);
