import { useT } from '~/i18n/use-t.ts';
import { Form, Link } from 'react-router';
import { PRODUCT_CATEGORIES } from '#domain/market.ts';
import { scopeOf, viewerCan } from '~/auth/guards.server.ts';
import type { Locale } from '~/i18n/config.ts';
import { getI18n, getLocale } from '~/i18n/translator.server.ts';
import { communeContext, databaseContext, userContext } from '~/lib/context.ts';
import { localized } from '~/tenancy/commune.ts';
import { listCommunesInProvince, listProvinces } from '~/tenancy/communes.server.ts';
import type { RouteHandle } from '~/ui/route-handle.ts';
import { searchCatalogue } from '../catalogue.server.ts';
import { parseCatalogueQuery, SORTS, type CatalogueQuery } from '../catalogue.ts';
import { ProductCard } from '../ui.tsx';
import type { Route } from './+types/catalogue';
import { pageMeta } from '~/ui/meta.ts';

/** A reading page: plain HTML and GET forms, no JavaScript. */
export const handle: RouteHandle = { hydrate: false };

export async function loader({ context, request }: Route.LoaderArgs) {
  const commune = context.get(communeContext);
  const locale = getLocale(context) as Locale;
  const db = context.get(databaseContext).db;
  const url = new URL(request.url);
  const query = parseCatalogueQuery(url.searchParams, commune?.currency ?? 'VND');
  const scope = { ...scopeOf(context), tenantId: commune?.id ?? null };
  const [result, provinceRows, isStaff, provinceCommunes] = await Promise.all([
    searchCatalogue(scope, query),
    commune ? Promise.resolve([]) : listProvinces(db),
    commune ? viewerCan(context, 'market.desk') : Promise.resolve(false),
    // The commune filter lists the communes of the chosen province (a country has thousands).
    !commune && query.province ? listCommunesInProvince(db, query.province.slice(0, 2), query.province.slice(3), locale) : Promise.resolve([]),
  ]);
  const { t } = getI18n(context);
  return {
    title: commune ? t('market:catalogue.communeTitle', { name: localized(commune.name, locale, commune.defaultLocale).text }) : t('market:catalogue.title'),
    // What search results and link previews say of the market (pageMeta).
    description: t('market:catalogue.lead'),
    commune: commune ? { slug: commune.slug, defaultLocale: commune.defaultLocale } : null,
    signedIn: Boolean(context.get(userContext)),
    isStaff,
    query,
    search: url.search,
    items: result.items,
    hasMore: result.hasMore,
    provinces: provinceRows.map((p) => ({ key: `${p.country}-${p.code}`, name: p.name[locale] ?? p.name.en ?? p.code })),
    communes: provinceCommunes,
  };
}

export const meta: Route.MetaFunction = (args) => pageMeta(args);

function pageLink(search: string, page: number): string {
  const params = new URLSearchParams(search);
  params.set('page', String(page));
  return `?${params.toString()}`;
}

export default function Catalogue({ loaderData }: Route.ComponentProps) {
  const { t, i18n } = useT();
  const locale = i18n.language as Locale;
  const d = loaderData;
  const q: CatalogueQuery = d.query;
  const fallback = (d.commune?.defaultLocale ?? 'vi') as Locale;
  return (
    <div className="stack">
      <header>
        <h1>{d.title}</h1>
        <p className="muted">{t('market:catalogue.lead')}</p>
      </header>
      {d.commune ? (
        <p className="actions">
          <Link to={`/${d.commune.slug}/market/sell`}>{t('market:sell.link')}</Link>
          {d.isStaff ? <Link to={`/${d.commune.slug}/market/manage`}>{t('market:manage.link')}</Link> : null}
          <Link to="/market">{t('market:catalogue.everywhere')}</Link>
        </p>
      ) : null}
      <Form method="get" role="search" className="stack catalogue-filters" aria-label={t('market:catalogue.searchLabel')}>
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
            {d.commune ? null : (
              <div className="field">
                <label htmlFor="f-province">{t('market:catalogue.province')}</label>
                <select id="f-province" name="province" defaultValue={q.province ?? ''}>
                  <option value="">{t('market:catalogue.any')}</option>
                  {d.provinces.map((p) => (
                    <option key={p.key} value={p.key}>
                      {p.name}
                    </option>
                  ))}
                </select>
              </div>
            )}
            {d.communes.length ? (
              <div className="field">
                <label htmlFor="f-commune">{t('market:catalogue.commune')}</label>
                <select id="f-commune" name="commune" defaultValue={q.commune ?? ''}>
                  <option value="">{t('market:catalogue.any')}</option>
                  {d.communes.map((c) => (
                    <option key={c.slug} value={c.slug}>
                      {c.name}
                    </option>
                  ))}
                </select>
              </div>
            ) : null}
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
            {d.commune ? (
              <input type="hidden" name="currency" value={q.currency} />
            ) : (
              <div className="field">
                <label htmlFor="f-currency">{t('market:catalogue.currency')}</label>
                <select id="f-currency" name="currency" defaultValue={q.currency}>
                  <option value="VND">VND (₫)</option>
                  <option value="THB">THB (฿)</option>
                </select>
              </div>
            )}
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
      </Form>
      {d.items.length === 0 ? (
        <p className="notice">{q.q ? t('market:catalogue.noneFor', { q: q.q }) : t('market:catalogue.none')}</p>
      ) : (
        <ul className="product-grid" aria-label={t('market:catalogue.results')}>
          {d.items.map((item) => (
            <ProductCard key={item.id} product={{ ...item, communeName: d.commune ? undefined : item.communeName }} fallback={fallback} t={t} locale={locale} />
          ))}
        </ul>
      )}
      <nav className="pager" aria-label={t('market:catalogue.pages')}>
        {q.page > 1 ? (
          <Link to={pageLink(d.search, q.page - 1)} rel="prev">
            {t('market:catalogue.previous')}
          </Link>
        ) : null}
        {q.page > 1 || d.hasMore ? <span className="muted">{t('market:catalogue.page', { page: q.page })}</span> : null}
        {d.hasMore ? (
          <Link to={pageLink(d.search, q.page + 1)} rel="next">
            {t('market:catalogue.next')}
          </Link>
        ) : null}
      </nav>
      <p>
        <Link to="/cart">{t('market:cart.link')}</Link>
        {d.signedIn ? (
          <>
            {' · '}
            <Link to="/orders">{t('market:orders.link')}</Link>
          </>
        ) : null}
      </p>
    </div>
  );
}
