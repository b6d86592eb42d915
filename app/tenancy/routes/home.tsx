import { useT } from '~/i18n/use-t.ts';
import { Form, Link } from 'react-router';
import { getI18n, getLocale } from '~/i18n/translator.server.ts';
import type { Locale } from '~/i18n/config.ts';
import { databaseContext } from '~/lib/context.ts';
import { localized } from '../commune.ts';
import { listCommunesByProvince } from '../communes.server.ts';
import type { RouteHandle } from '~/ui/route-handle.ts';
import type { Route } from './+types/home';
import { pageMeta } from '~/ui/meta.ts';

/** A reading page: plain HTML, no JavaScript to download (see root.tsx). */
export const handle: RouteHandle = { hydrate: false };

export async function loader({ request, context }: Route.LoaderArgs) {
  const locale = getLocale(context) as Locale;
  const q = (new URL(request.url).searchParams.get('q') ?? '').slice(0, 100);
  const groups = await listCommunesByProvince(context.get(databaseContext).db, q, locale);
  const { t } = getI18n(context);
  return {
    q,
    title: t('tenancy:home.metaTitle'),
    description: t('tenancy:home.metaDescription'),
    provinces: groups.map((group) => ({
      key: `${group.country}-${group.code}`,
      name: group.name[locale] ?? group.name.en ?? group.code,
      legacy: group.legacyNames,
      country: group.country,
      communes: group.communes.map((c) => ({
        slug: c.slug,
        name: localized(c.name, locale, c.defaultLocale).text,
        tagline: localized(c.tagline, locale, c.defaultLocale).text,
      })),
    })),
  };
}

export const meta: Route.MetaFunction = (args) => pageMeta(args, { title: args.loaderData?.title ?? 'Baan' });

export default function Home({ loaderData }: Route.ComponentProps) {
  const { t } = useT();
  const { q, provinces } = loaderData;
  const count = provinces.reduce((n, p) => n + p.communes.length, 0);
  return (
    <>
      <h1>{t('tenancy:home.title')}</h1>
      <p className="muted">{t('tenancy:home.lead')}</p>
      <p className="actions">
        <Link to="/market">{t('tenancy:home.allProducts')}</Link>
        <Link to="/map">{t('tenancy:home.allPlaces')}</Link>
      </p>
      <Form method="get" role="search" className="search" aria-label={t('tenancy:home.searchLabel')}>
        <label htmlFor="commune-search" className="visually-hidden">
          {t('tenancy:home.searchLabel')}
        </label>
        <input id="commune-search" type="search" name="q" defaultValue={q} placeholder={t('tenancy:home.searchPlaceholder')} maxLength={100} />
        <button type="submit" className="button">
          {t('tenancy:home.searchButton')}
        </button>
      </Form>
      <p aria-live="polite" className="muted">
        {q ? t('tenancy:home.resultCount', { count, q }) : t('tenancy:home.communeCount', { count })}
      </p>
      {provinces.length === 0 ? <p className="notice">{t('tenancy:home.noResults')}</p> : null}
      {provinces.map((province) => (
        <section key={province.key} className="province" aria-labelledby={`province-${province.key}`}>
          <h2 id={`province-${province.key}`}>
            {province.name} <span className="muted">· {t(`tenancy:country.${province.country as 'VN'}`)}</span>
          </h2>
          {province.legacy.length ? <p className="muted">{t('tenancy:home.formerly', { names: province.legacy.join(', ') })}</p> : null}
          <ul className="commune-list">
            {province.communes.map((commune) => (
              <li key={commune.slug}>
                <Link to={`/${commune.slug}`}>
                  <strong>{commune.name}</strong>
                  <span className="muted">{commune.tagline}</span>
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}
