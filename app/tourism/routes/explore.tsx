import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Form, Link, useSearchParams, type ShouldRevalidateFunctionArgs } from 'react-router';
import { scopeOf, viewerHasRole } from '~/auth/guards.server.ts';
import type { Locale } from '~/i18n/config.ts';
import { getI18n, getLocale } from '~/i18n/middleware.server.ts';
import { communeContext } from '~/lib/context.ts';
import { env } from '~/lib/env.server.ts';
import { ResponsiveImage } from '~/media/responsive-image.tsx';
import { localized } from '~/tenancy/commune.ts';
import { KIND_COLORS, PLACE_KINDS, type PlaceKind } from '../kinds.ts';
import { MapIsland } from '../map-island.tsx';
import { listPlaces, parseBbox, parseKinds, trailTrack } from '../places.server.ts';
import type { Route } from './+types/explore';

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
  const kinds = parseKinds(params.getAll('kind').join(','));
  const bbox = parseBbox(params.get('bbox'));
  const scope = { ...scopeOf(context), tenantId: commune?.id ?? null };
  const selected = params.get('place');
  const [places, canManage, track] = await Promise.all([
    listPlaces(scope, { tenantId: commune?.id ?? null, bbox, kinds, limit: 100 }),
    commune ? viewerHasRole(context, ['official', 'editor', 'seller']) : Promise.resolve(false),
    selected ? trailTrack(scope, selected) : Promise.resolve(null),
  ]);
  const { t } = getI18n(context);
  const lat = num(params.get('lat'), -90, 90);
  const lon = num(params.get('lon'), -180, 180);
  const zoom = num(params.get('z'), 0, 22);
  const communeName = commune ? localized(commune.name, locale, commune.defaultLocale).text : null;
  return {
    title: communeName ? t('tourism:explore.communeTitle', { name: communeName }) : t('tourism:explore.nationalTitle'),
    slug: commune?.slug ?? null,
    canManage,
    kinds,
    bbox,
    view:
      lat !== null && lon !== null
        ? { lat, lon, zoom: zoom ?? 12 }
        : commune
          ? { lat: commune.centerLat, lon: commune.centerLon, zoom: commune.zoom }
          : NATIONAL_VIEW,
    styleUrl: env.mapStyleUrl,
    track,
    geojsonUrl: `${commune ? `/${commune.slug}/places.geojson` : '/map/places.geojson'}${kinds.length ? `?kind=${kinds.join(',')}` : ''}`,
    places: places.map((p) => ({
      id: p.key,
      kind: p.kind,
      name: localized(p.name, locale, p.defaultLocale).text,
      summary: localized(p.summary, locale, p.defaultLocale).text,
      url: `/${p.communeSlug}/tourism/${p.slug}`,
      cover: p.cover,
      communeName: commune ? null : localized(p.communeName, locale, p.defaultLocale).text,
    })),
  };
}

/** Moving the map or selecting a place changes only the URL's view: the list reloads for filters and "search this area". */
export function shouldRevalidate({ currentUrl, nextUrl, formMethod, defaultShouldRevalidate }: ShouldRevalidateFunctionArgs) {
  if ((formMethod && formMethod !== 'GET') || currentUrl.pathname !== nextUrl.pathname) return defaultShouldRevalidate;
  const changed = ['kind', 'bbox', 'lng', 'place'].some((k) => currentUrl.searchParams.getAll(k).join() !== nextUrl.searchParams.getAll(k).join());
  return changed ? defaultShouldRevalidate : false;
}

export const meta: Route.MetaFunction = ({ loaderData }) => [{ title: `${loaderData?.title ?? ''} · Baan` }];

export default function Explore({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const d = loaderData;
  const [params, setParams] = useSearchParams();
  const [hovered, setHovered] = useState<string | null>(null);
  const [moved, setMoved] = useState<[number, number, number, number] | null>(null);
  const selected = params.get('place');
  const listRef = useRef<HTMLOListElement>(null);

  useEffect(() => {
    if (!selected) return;
    listRef.current?.querySelector(`[data-place-id="${CSS.escape(selected)}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [selected]);

  const kindLabels = Object.fromEntries(PLACE_KINDS.map((k) => [k, t(`tourism:kinds.${k}`)])) as Record<PlaceKind, string>;
  const update = (change: Record<string, string | null>, replace: boolean) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(change)) {
      if (value === null) next.delete(key);
      else next.set(key, value);
    }
    setParams(next, { replace, preventScrollReset: true });
  };
  const round = (n: number, digits: number) => String(Math.round(n * 10 ** digits) / 10 ** digits);

  return (
    <div className="stack">
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
      <Form method="get" className="kind-filter" aria-label={t('tourism:explore.filterLabel')}>
        <fieldset>
          <legend>{t('tourism:explore.kinds')}</legend>
          {PLACE_KINDS.map((kind) => (
            <label key={kind} className="kind-chip">
              <input type="checkbox" name="kind" value={kind} defaultChecked={d.kinds.includes(kind)} onChange={(e) => {
                const chosen = new Set(d.kinds);
                if (e.currentTarget.checked) chosen.add(kind);
                else chosen.delete(kind);
                update({ kind: chosen.size ? [...chosen].join(',') : null, place: null }, false);
              }} />
              <span className="swatch" style={{ background: KIND_COLORS[kind] }} aria-hidden="true" /> {kindLabels[kind]}
            </label>
          ))}
        </fieldset>
        <noscript>
          <button type="submit" className="button button-secondary">
            {t('tourism:explore.apply')}
          </button>
        </noscript>
      </Form>
      <div className="explore">
        <div className="explore-map">
          <MapIsland
            styleUrl={d.styleUrl}
            fallbackStyleUrl="/map/offline-style.json"
            places={d.geojsonUrl}
            view={d.view}
            selectedId={selected}
            highlightedId={hovered}
            labels={{ legend: t('tourism:explore.legend'), kinds: kindLabels, fallbackNotice: t('tourism:explore.fallbackNotice'), open: t('tourism:explore.open'), zoomIn: t('tourism:explore.zoomIn'), zoomOut: t('tourism:explore.zoomOut'), close: t('tourism:explore.close'), mapLabel: t('tourism:explore.mapLabel') }}
            onMoveEnd={(view, bounds) => {
              setMoved(bounds);
              update({ lat: round(view.lat, 5), lon: round(view.lon, 5), z: round(view.zoom, 2) }, true);
            }}
            onSelect={(id) => update({ place: id }, false)}
            onHover={setHovered}
            track={d.track}
          />
          {moved ? (
            <button
              type="button"
              className="button button-secondary search-area"
              onClick={() => {
                update({ bbox: moved.map((n) => round(n, 4)).join(','), place: null }, false);
                setMoved(null);
              }}
            >
              {t('tourism:explore.searchArea')}
            </button>
          ) : null}
        </div>
        <section aria-labelledby="places-title" className="explore-list">
          <h2 id="places-title">{t('tourism:explore.count', { count: d.places.length })}</h2>
          {d.bbox ? (
            <p className="muted">
              {t('tourism:explore.inArea')}{' '}
              <button type="button" className="link-button" onClick={() => update({ bbox: null }, false)}>
                {t('tourism:explore.everywhere')}
              </button>
            </p>
          ) : null}
          {d.places.length === 0 ? <p className="notice">{t('tourism:explore.none')}</p> : null}
          <ol className="place-list" ref={listRef}>
            {d.places.map((p) => (
              <li
                key={p.id}
                data-place-id={p.id}
                className={p.id === selected || p.id === hovered ? 'is-active' : undefined}
                onMouseEnter={() => setHovered(p.id)}
                onMouseLeave={() => setHovered(null)}
                onFocus={() => setHovered(p.id)}
              >
                {p.cover ? <ResponsiveImage image={p.cover} alt="" sizes="96px" /> : null}
                <div>
                  <span className="kind-tag" style={{ borderColor: KIND_COLORS[p.kind] }}>
                    {kindLabels[p.kind]}
                  </span>
                  <Link to={p.url}>
                    <strong>{p.name}</strong>
                  </Link>
                  {p.communeName ? <span className="muted small"> · {p.communeName}</span> : null}
                  {p.summary ? <p className="muted small">{p.summary}</p> : null}
                  <button type="button" className="link-button small" onClick={() => update({ place: p.id }, false)} aria-pressed={p.id === selected}>
                    {t('tourism:explore.showOnMap')}
                  </button>
                </div>
              </li>
            ))}
          </ol>
        </section>
      </div>
    </div>
  );
}
