// The catalogue page as the raw baseline renders it (`npm run bench`, tests/bench/market.ts):
// the same statement as `searchCatalogue` through postgres.js (in a transaction as the app role
// with the same settings, so row-level security costs the same) and the same document, with
// no router, no middleware and no i18next. Served by market-baseline.tsx (bare `node:http`)
// and by the minimal React Router app in tests/bench/floor/ (the framework's own cost).
import { readdirSync } from 'node:fs';
import path from 'node:path';
import postgres from 'postgres';
import { PRODUCT_CATEGORIES } from '#db/schema/market.ts';
import type { ImageRef } from '#db/schema/media.ts';
import type { LocaleText } from '#db/schema/tenancy.ts';
import common from '#locales/vi/common.json' with { type: 'json' };
import market from '#locales/vi/market.json' with { type: 'json' };
import { LOCALE_NAMES, LOCALES } from '~/i18n/config.ts';
import { formatMoney } from '~/i18n/format.ts';
import { likeEscape, PAGE_SIZE, parseCatalogueQuery, queryWords, SORTS, type CatalogueQuery } from '~/market/catalogue.ts';

export const sql = postgres(process.env.DATABASE_URL!, { max: 10, onnotice: () => {} });
const stylesheet = `/assets/${readdirSync(path.resolve('build', 'client/assets')).find((f) => /^styles-.*\.css$/.test(f))}`;

// Vietnamese only (the bench asks in Vietnamese): a key look-up with {{x}} and _one/_other.
const dictionaries: Record<string, unknown> = { common, market };
const plural = new Intl.PluralRules('vi');
function t(key: string, vars: Record<string, string | number> = {}): string {
  const [ns, path] = key.split(':') as [string, string];
  const find = (k: string) => k.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], dictionaries[ns]);
  const text = (typeof vars.count === 'number' ? find(`${path}_${plural.select(vars.count)}`) : undefined) ?? find(path) ?? key;
  return String(text).replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(vars[name] ?? ''));
}
const localized = (text: LocaleText) => text.vi?.trim() || Object.values(text).find((v) => v?.trim()) || '';

type Row = {
  id: string;
  slug: string;
  title: LocaleText;
  price_minor: number;
  currency: 'VND' | 'THB';
  unit: string;
  stock: number;
  cover: ImageRef | null;
  cert_scheme: 'OCOP' | 'OTOP' | null;
  cert_stars: number | null;
  cert_expires_on: string | null;
  rating_sum: number;
  rating_count: number;
  commune_slug: string;
  commune_name: LocaleText;
};

/** `searchCatalogue`'s statement, clause for clause, with positional parameters. */
function catalogueStatement(query: CatalogueQuery): { text: string; params: (string | number)[] } {
  const params: (string | number)[] = [];
  const $ = (value: string | number) => `$${params.push(value)}`;
  const where = ['true'];
  const words = queryWords(query.q); // the app's own reading of the query
  for (const word of words) where.push(`s.search_text like ${$(`%${likeEscape(word)}%`)}`);
  if (query.category) where.push(`s.category = ${$(query.category)}`);
  if (query.province) {
    const [country, code] = query.province.split('-') as [string, string];
    where.push(`s.tenant_id in (select id from communes where country = ${$(country)} and province_code = ${$(code)})`);
  }
  if (query.commune) where.push(`s.tenant_id = (select id from communes where slug = ${$(query.commune)})`);
  if (query.stars) where.push(`s.cert_stars >= ${$(query.stars)} and s.cert_expires_on >= current_date`);
  if (query.minPrice !== null || query.maxPrice !== null || query.sort.startsWith('price')) where.push(`s.currency = ${$(query.currency)}`);
  if (query.minPrice !== null) where.push(`s.price_minor >= ${$(query.minPrice)}`);
  if (query.maxPrice !== null) where.push(`s.price_minor <= ${$(query.maxPrice)}`);
  if (query.inStock) where.push('s.stock > 0');
  const phrase = words.join(' ');
  const titleHit = phrase ? `(strpos(s.title_text, ${$(phrase)}) > 0)` : 'false';
  const [inner, outer] =
    query.sort === 'price_asc'
      ? ['s.price_minor asc, s.product_id asc', 'hit.price_minor asc, hit.product_id asc']
      : query.sort === 'price_desc'
        ? ['s.price_minor desc, s.product_id asc', 'hit.price_minor desc, hit.product_id asc']
        : query.sort === 'relevance' && phrase
          ? [`${titleHit} desc, s.published_at desc nulls last, s.product_id asc`, 'hit.title_hit desc, hit.published_at desc nulls last, hit.product_id asc']
          : ['s.published_at desc nulls last, s.product_id asc', 'hit.published_at desc nulls last, hit.product_id asc'];
  const text = `
      select p.id, p.slug, p.title, p.price_minor, p.currency, p.unit, p.stock, p.photos -> 0 as cover,
        p.cert_scheme, p.cert_stars, p.cert_expires_on::text as cert_expires_on, p.rating_sum, p.rating_count,
        c.slug as commune_slug, c.name as commune_name
      from (
        select s.tenant_id, s.product_id, s.price_minor, s.published_at, ${titleHit} as title_hit
        from product_search s
        where ${where.join(' and ')}
        order by ${inner}
        limit ${$(PAGE_SIZE + 1)} offset ${$((query.page - 1) * PAGE_SIZE)}
      ) hit
      join products p on p.tenant_id = hit.tenant_id and p.id = hit.product_id and p.status = 'published'
      join communes c on c.id = p.tenant_id
      order by ${outer}`;
  return { text, params };
}

/** Like `withTenant` for the platform catalogue: the app role, no commune, no user. */
const asApp = <T,>(work: (tx: postgres.TransactionSql) => Promise<T>) =>
  sql.begin(async (tx) => {
    await tx`select set_config('role', 'baan_app', true), set_config('app.tenant_id', '', true), set_config('app.user_id', '', true)`;
    return work(tx);
  }) as Promise<T>;

// Provinces change with a national reform, not a request: kept a minute, as the app does.
let provinces: { rows: { key: string; name: string }[]; expires: number } | undefined;
async function listProvinces() {
  if (provinces && provinces.expires > Date.now()) return provinces.rows;
  const rows = await asApp((tx) => tx<{ country: string; code: string; name: LocaleText }[]>`select country, code, name from provinces order by country, code`);
  provinces = { rows: rows.map((p) => ({ key: `${p.country}-${p.code}`, name: p.name.vi ?? p.name.en ?? p.code })), expires: Date.now() + 60_000 };
  return provinces.rows;
}

function Card({ row, today }: { row: Row; today: string }) {
  const cover = row.cover;
  const variants = cover ? [...cover.variants].sort((a, b) => a.width - b.width) : [];
  const fallback = variants.find((v) => v.width >= 640) ?? variants[variants.length - 1];
  const certValid = Boolean(row.cert_stars && row.cert_expires_on && row.cert_expires_on >= today);
  const ratingCount = Number(row.rating_count);
  return (
    <li className="product-card">
      <a href={`/${row.commune_slug}/market/${row.slug}`}>
        {fallback ? (
          <img
            src={`/media/${fallback.key}`}
            srcSet={variants.map((v) => `/media/${v.key} ${v.width}w`).join(', ')}
            sizes="(max-width: 480px) 50vw, 240px"
            width={fallback.width}
            height={fallback.height}
            alt=""
            loading="lazy"
            decoding="async"
          />
        ) : (
          <span className="product-card-blank" aria-hidden="true" />
        )}
        <span className="product-card-title">{localized(row.title)}</span>
      </a>
      <span className="product-card-price">
        <span className="money">{formatMoney(Number(row.price_minor), row.currency, 'vi')}</span>{' '}
        <span className="muted">/ {t(`market:units.${row.unit}`)}</span>
      </span>
      {certValid && row.cert_scheme && row.cert_stars ? (
        <span className="badge badge-cert" aria-label={t('market:cert.badgeLabel', { scheme: row.cert_scheme, count: row.cert_stars })}>
          {row.cert_scheme} {'★'.repeat(row.cert_stars)}
        </span>
      ) : null}
      <span className="muted small">{localized(row.commune_name)}</span>
      {row.stock <= 0 ? <span className="badge badge-muted">{t('market:product.soldOut')}</span> : null}
      {ratingCount ? (
        <span className="muted">
          {t('market:rating.average', { average: Math.round((Number(row.rating_sum) / ratingCount) * 10) / 10, count: ratingCount })}
        </span>
      ) : null}
    </li>
  );
}

export function Page({
  url,
  q,
  rows,
  hasMore,
  provinceList,
}: {
  url: URL;
  q: CatalogueQuery;
  rows: Row[];
  hasMore: boolean;
  provinceList: { key: string; name: string }[];
}) {
  const here = url.pathname + url.search;
  const today = new Date().toISOString().slice(0, 10);
  const pageLink = (page: number) => {
    const params = new URLSearchParams(url.search);
    params.set('page', String(page));
    return `${url.pathname}?${params.toString()}`;
  };
  const withLanguage = (lng: string) => {
    const u = new URL(here, 'http://baan.invalid');
    u.searchParams.set('lng', lng);
    return u.pathname + u.search;
  };
  return (
    <html lang="vi" dir="ltr">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="theme-color" content="#1f6f43" />
        <title>{`${t('market:catalogue.title')} · Baan`}</title>
        <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
        <link rel="stylesheet" href={stylesheet} />
      </head>
      <body>
        <a className="skip-link" href="#main">
          {t('common:nav.skipToContent')}
        </a>
        <header className="site-header">
          <div className="bar">
            <a href="/" className="brand">
              {t('common:brand')}
            </a>
            <nav aria-label={t('common:nav.account')} className="account-nav">
              <a href={`/login?redirectTo=${encodeURIComponent(here)}`}>{t('common:nav.signIn')}</a>
              <a href="/signup">{t('common:nav.signUp')}</a>
            </nav>
          </div>
          <nav aria-label={t('common:language.label')} className="language-nav">
            {LOCALES.map((lng) => (
              <a key={lng} href={withLanguage(lng)} hrefLang={lng} lang={lng} aria-current={lng === 'vi' ? 'true' : undefined}>
                {LOCALE_NAMES[lng]}
              </a>
            ))}
          </nav>
        </header>
        <main id="main" tabIndex={-1}>
          <div className="stack">
            <header>
              <h1>{t('market:catalogue.title')}</h1>
              <p className="muted">{t('market:catalogue.lead')}</p>
            </header>
            <form method="get" action={here} role="search" className="stack catalogue-filters" aria-label={t('market:catalogue.searchLabel')}>
              <div className="search">
                <label htmlFor="market-q" className="visually-hidden">
                  {t('market:catalogue.searchLabel')}
                </label>
                <input id="market-q" type="search" name="q" defaultValue={q.q} placeholder={t('market:catalogue.placeholder')} maxLength={100} />
                <button type="submit" className="button">
                  {t('market:catalogue.search')}
                </button>
              </div>
              <details open={Boolean(q.category || q.province || q.stars || q.minPrice !== null || q.maxPrice !== null || q.inStock)}>
                <summary>{t('market:catalogue.filters')}</summary>
                <div className="filter-grid">
                  <div className="field">
                    <label htmlFor="f-category">{t('market:product.category')}</label>
                    <select id="f-category" name="category" defaultValue={q.category ?? ''}>
                      <option value="">{t('market:catalogue.any')}</option>
                      {PRODUCT_CATEGORIES.map((c) => (
                        <option key={c} value={c}>
                          {t(`market:categories.${c}`)}
                        </option>
                      ))}
                    </select>
                  </div>
                  <div className="field">
                    <label htmlFor="f-province">{t('market:catalogue.province')}</label>
                    <select id="f-province" name="province" defaultValue={q.province ?? ''}>
                      <option value="">{t('market:catalogue.any')}</option>
                      {provinceList.map((p) => (
                        <option key={p.key} value={p.key}>
                          {p.name}
                        </option>
                      ))}
                    </select>
                  </div>
                  <div className="field">
                    <label htmlFor="f-stars">{t('market:catalogue.stars')}</label>
                    <select id="f-stars" name="stars" defaultValue={q.stars ? String(q.stars) : ''}>
                      <option value="">{t('market:catalogue.any')}</option>
                      {[3, 4, 5].map((s) => (
                        <option key={s} value={s}>
                          {t('market:catalogue.starsAtLeast', { count: s })}
                        </option>
                      ))}
                    </select>
                  </div>
                  <div className="field">
                    <label htmlFor="f-currency">{t('market:catalogue.currency')}</label>
                    <select id="f-currency" name="currency" defaultValue={q.currency}>
                      <option value="VND">VND (₫)</option>
                      <option value="THB">THB (฿)</option>
                    </select>
                  </div>
                  <div className="field">
                    <label htmlFor="f-min">{t('market:catalogue.minPrice')}</label>
                    <input
                      id="f-min"
                      name="min"
                      inputMode="decimal"
                      defaultValue={q.minPrice === null ? '' : String(q.currency === 'THB' ? q.minPrice / 100 : q.minPrice)}
                    />
                  </div>
                  <div className="field">
                    <label htmlFor="f-max">{t('market:catalogue.maxPrice')}</label>
                    <input
                      id="f-max"
                      name="max"
                      inputMode="decimal"
                      defaultValue={q.maxPrice === null ? '' : String(q.currency === 'THB' ? q.maxPrice / 100 : q.maxPrice)}
                    />
                  </div>
                  <label className="checkbox">
                    <input type="checkbox" name="instock" value="1" defaultChecked={q.inStock} /> {t('market:catalogue.inStock')}
                  </label>
                </div>
              </details>
              <div className="field field-inline">
                <label htmlFor="f-sort">{t('market:catalogue.sort')}</label>
                <select id="f-sort" name="sort" defaultValue={q.sort}>
                  {SORTS.map((s) => (
                    <option key={s} value={s}>
                      {t(`market:catalogue.sorts.${s}`)}
                    </option>
                  ))}
                </select>
                <button type="submit" className="button button-secondary">
                  {t('market:catalogue.apply')}
                </button>
              </div>
            </form>
            {rows.length === 0 ? (
              <p className="notice">{q.q ? t('market:catalogue.noneFor', { q: q.q }) : t('market:catalogue.none')}</p>
            ) : (
              <ul className="product-grid" aria-label={t('market:catalogue.results')}>
                {rows.map((row) => (
                  <Card key={row.id} row={row} today={today} />
                ))}
              </ul>
            )}
            <nav className="pager" aria-label={t('market:catalogue.pages')}>
              {q.page > 1 ? (
                <a href={pageLink(q.page - 1)} rel="prev">
                  {t('market:catalogue.previous')}
                </a>
              ) : null}
              {q.page > 1 || hasMore ? <span className="muted">{t('market:catalogue.page', { page: q.page })}</span> : null}
              {hasMore ? (
                <a href={pageLink(q.page + 1)} rel="next">
                  {t('market:catalogue.next')}
                </a>
              ) : null}
            </nav>
            <p>
              <a href="/cart">{t('market:cart.link')}</a>
            </p>
          </div>
        </main>
        <footer className="site-footer">
          <p>{t('common:footer.about')}</p>
        </footer>
      </body>
    </html>
  );
}

/** What one request of the page reads: the page of products and the provinces. */
export async function loadCatalogue(url: URL) {
  const query = parseCatalogueQuery(url.searchParams, 'VND');
  const statement = catalogueStatement(query);
  const [list, provinceList] = await Promise.all([asApp((tx) => tx.unsafe<Row[]>(statement.text, statement.params)), listProvinces()]);
  return { q: query, rows: list.slice(0, PAGE_SIZE), hasMore: list.length > PAGE_SIZE, provinceList };
}
