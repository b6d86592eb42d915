import { useT } from '~/i18n/use-t.ts';
import { Link, useSearchParams } from 'react-router';
import { scopeOf, viewerCan } from '~/auth/guards.server.ts';
import type { Locale } from '~/i18n/config.ts';
import { getI18n, getLocale } from '~/i18n/translator.server.ts';
import { communeContext } from '~/lib/context.ts';
import { env } from '~/lib/env.server.ts';
import { ResponsiveImage } from '~/media/responsive-image.tsx';
import { langOf, localized } from '~/tenancy/commune.ts';
import { inertJson } from '~/ui/inert-json.ts';
import type { RouteHandle } from '~/ui/route-handle.ts';
// The page's only script: a small module, no framework, that loads the map after the list has
// painted and keeps list, map and URL in step. Bundled on its own (Vite's module-worker build
// is a standalone ES module with its own chunks), so React never reaches this page.
import exploreScript from '../explore.browser.ts?worker&url';
import type { ExploreConfig } from '../explore.browser.ts';
import { KIND_COLORS, PLACE_KINDS, type PlaceKind } from '../kinds.ts';
import { mapLabels } from '../map-labels.ts';
import { listPlaces, parseBbox, parseKinds, trailTrack } from '../places.server.ts';
import type { Route } from './+types/explore';
import { pageMeta } from '~/ui/meta.ts';

// The map is MapLibre (≈430 KB gzip with its worker); React Router's runtime would add ≈135 KB on top.
export const handle: RouteHandle = { hydrate: false };

const NATIONAL_VIEW = { lat: 16.5, lon: 104.5, zoom: 4.6 };
const num = (value: string | null, min: number, max: number) => {
  if (value === null || value === '') return null;
  const n = Number(value);
  return Number.isFinite(n) && n >= min && n <= max ? n : null;
};

export async function loader({ context, request }: Route.LoaderArgs) {
  const commune = context.get(communeContext);
  const locale = getLocale(context) as Locale;
  const params = new URL(request.url).searchParams;
  const kinds = parseKinds(params);
  const bbox = parseBbox(params.get('bbox'));
  const scope = { ...scopeOf(context), tenantId: commune?.id ?? null };
  const selected = params.get('place');
  const [places, canManage, track] = await Promise.all([
    listPlaces(scope, { tenantId: commune?.id ?? null, bbox, kinds, limit: 100 }),
    commune ? viewerCan(context, 'tourism.desk') : Promise.resolve(false),
    selected ? trailTrack(scope, selected) : Promise.resolve(null),
  ]);
  const { t } = getI18n(context);
  const lat = num(params.get('lat'), -90, 90);
  const lon = num(params.get('lon'), -180, 180);
  const zoom = num(params.get('z'), 0, 22);
  const communeName = commune ? localized(commune.name, locale, commune.defaultLocale).text : null;
  const config: ExploreConfig = {
    styleUrl: env.mapStyleUrl,
    places: `${commune ? `/${commune.slug}/places.geojson` : '/map/places.geojson'}${kinds.length ? `?kind=${kinds.join(',')}` : ''}`,
    view:
      lat !== null && lon !== null
        ? { lat, lon, zoom: zoom ?? 12 }
        : commune
          ? { lat: commune.centerLat, lon: commune.centerLon, zoom: commune.zoom }
          : NATIONAL_VIEW,
    selected,
    track,
    labels: mapLabels(t),
  };
  return {
    title: communeName ? t('tourism:explore.communeTitle', { name: communeName }) : t('tourism:explore.nationalTitle'),
    // What search results and link previews say of the map (pageMeta).
    description: t('tourism:explore.lead'),
    slug: commune?.slug ?? null,
    canManage,
    kinds,
    bbox,
    selected,
    config: inertJson(config),
    places: places.map((p) => {
      const name = localized(p.name, locale, p.defaultLocale);
      const summary = localized(p.summary, locale, p.defaultLocale);
      return {
        id: p.key,
        kind: p.kind,
        name: name.text,
        summary: summary.text,
        // Each text's language where it is not the page's (a Thai reader shown the English).
        lang: { name: langOf(name, locale), summary: langOf(summary, locale) },
        url: `/${p.communeSlug}/tourism/${p.slug}`,
        cover: p.cover,
        communeName: commune ? null : localized(p.communeName, locale, p.defaultLocale).text,
      };
    }),
  };
}

export const meta: Route.MetaFunction = (args) => pageMeta(args);

/**
 * Everything works as plain HTML: the filter is a GET form, "show on the map" and "show
 * everywhere" are links. explore.browser.ts adds the map and keeps list, map and URL in step.
 */
export default function Explore({ loaderData: d }: Route.ComponentProps) {
  const { t } = useT();
  const [params] = useSearchParams();
  const kindLabel = (kind: PlaceKind) => t(`tourism:kinds.${kind}`);
  const withParams = (change: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(change)) {
      if (value === null) next.delete(key);
      else next.set(key, value);
    }
    const query = next.toString();
    return query ? `?${query}` : '?';
  };

  return (
    <div className="stack" data-explore="">
      <header>
        <h1>{d.title}</h1>
        <p className="muted">{t('tourism:explore.lead')}</p>
        {d.slug ? (
          <p className="actions">
            <Link to={`/${d.slug}/events`}>{t('tourism:events.title')}</Link>
            {d.canManage ? <Link to={`/${d.slug}/tourism/manage`}>{t('tourism:manage.link')}</Link> : null}
            <Link to="/map">{t('tourism:explore.national')}</Link>
          </p>
        ) : null}
      </header>
      <form method="get" className="kind-filter" aria-label={t('tourism:explore.filterLabel')}>
        <fieldset>
          <legend>{t('tourism:explore.kinds')}</legend>
          {PLACE_KINDS.map((kind) => (
            <label key={kind} className="kind-chip">
              <input type="checkbox" name="kind" value={kind} defaultChecked={d.kinds.includes(kind)} />
              <span className="swatch" style={{ background: KIND_COLORS[kind] }} aria-hidden="true" /> {kindLabel(kind)}
            </label>
          ))}
        </fieldset>
        {/* Without the page's script, the area searched and the view stay as they are. */}
        {['bbox', 'lat', 'lon', 'z'].map((key) => {
          const value = params.get(key);
          return value ? <input key={key} type="hidden" name={key} value={value} /> : null;
        })}
        {/* Hidden by the page's script, which applies each change at once. */}
        <button type="submit" className="button button-secondary">
          {t('tourism:explore.apply')}
        </button>
      </form>
      <div className="explore">
        <div className="explore-map">
          <div className="map-frame">
            <div className="map-box" aria-hidden="true" />
          </div>
          <button type="button" className="button button-secondary search-area" hidden>
            {t('tourism:explore.searchArea')}
          </button>
        </div>
        {/* The page's script says here how many places the list holds after it changed. */}
        <p role="status" className="visually-hidden" data-explore-status="" />
        <section aria-labelledby="places-title" className="explore-list">
          <h2 id="places-title" tabIndex={-1}>
            {t('tourism:explore.count', { count: d.places.length })}
          </h2>
          {d.bbox ? (
            <p className="muted">
              {t('tourism:explore.inArea')}{' '}
              <a href={withParams({ bbox: null })} data-explore-link="">
                {t('tourism:explore.everywhere')}
              </a>
            </p>
          ) : null}
          {d.places.length === 0 ? <p className="notice">{t('tourism:explore.none')}</p> : null}
          <ol className="place-list">
            {d.places.map((p) => (
              <li key={p.id} data-place-id={p.id} data-kind={p.kind} className={p.id === d.selected ? 'is-active' : undefined}>
                {p.cover ? <ResponsiveImage image={p.cover} alt="" sizes="96px" /> : null}
                <div>
                  <span className="kind-tag" style={{ borderColor: KIND_COLORS[p.kind] }}>
                    {kindLabel(p.kind)}
                  </span>
                  <Link to={p.url}>
                    <strong lang={p.lang.name}>{p.name}</strong>
                  </Link>
                  {p.communeName ? <span className="muted small"> · {p.communeName}</span> : null}
                  {p.summary ? (
                    <p className="muted small" lang={p.lang.summary}>
                      {p.summary}
                    </p>
                  ) : null}
                  <a
                    href={withParams({ place: p.id })}
                    className="small"
                    data-explore-link=""
                    data-select={p.id}
                    aria-current={p.id === d.selected ? 'true' : undefined}
                  >
                    {t('tourism:explore.showOnMap')}
                  </a>
                </div>
              </li>
            ))}
          </ol>
        </section>
      </div>
      <script type="application/json" id="explore-config" dangerouslySetInnerHTML={{ __html: d.config }} />
      <script type="module" src={exploreScript} />
    </div>
  );
}
