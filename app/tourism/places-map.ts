// The tourism map (MapLibre), without a framework: the map pages drive it from small scripts of
// their own (explore.browser.ts, place-map.browser.ts) and the place editor from React
// (pick-map.tsx), all through map-loader.ts. Browser only, and always loaded after the page has
// painted, so the list of places (the primary UI) never waits for this chunk, its worker or its
// stylesheets.
import * as maplibregl from 'maplibre-gl';
import maplibreCss from 'maplibre-gl/dist/maplibre-gl.css?url';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { KIND_COLORS, PLACE_KINDS, type PlaceCollection, type PlaceFeature, type PlaceKind } from '~/tourism/kinds.ts';
import mapCss from './map.css?url';

// MapLibre would look for its worker next to its own file, which the bundler renames; give it
// the URL of the copy Vite emits (a fingerprinted asset, cached like the rest of /assets).
maplibregl.setWorkerUrl(workerUrl);

export type MapView = { lat: number; lon: number; zoom: number };
export type Bounds = [west: number, south: number, east: number, north: number];
export type MapLabels = {
  legend: string;
  kinds: Record<PlaceKind, string>;
  fallbackNotice: string;
  open: string;
  mapLabel: string;
  /** Names of MapLibre's own buttons; English when left out. */
  zoomIn?: string;
  zoomOut?: string;
  close?: string;
};
export type PlacesMapOptions = {
  /** MAP_STYLE_URL from the server; null → the offline style. */
  styleUrl: string | null;
  /** Inline features or a URL to fetch (GeoJSON, longitude first). */
  places: PlaceCollection | string;
  view: MapView;
  /** Highlighted, with its popup open. */
  selectedId?: string | null;
  labels: MapLabels;
  /** The user moved the map (never called for moves the map makes itself). */
  onMoveEnd?: (view: MapView, bounds: Bounds) => void;
  /** A marker was tapped (its id) or the popup was closed by the user (null). */
  onSelect?: (id: string | null) => void;
  /** The pointer is over a marker (its id) or left it (null). */
  onHover?: (id: string | null) => void;
  /** Editor: every tap on the map chooses a location (shown as a pin through `setPick`). */
  onPick?: (lat: number, lon: number) => void;
  pick?: { lat: number; lon: number } | null;
  /** A trail as [lon, lat] positions, drawn in the trail colour; the map fits to it. */
  track?: [number, number][] | null;
  showLegend?: boolean;
};

/** What a page asks of a live map. */
export type PlacesMapHandle = {
  map: maplibregl.Map;
  setPlaces(places: PlaceCollection | string): void;
  /** The page's choice (from the list or the URL): no onSelect. */
  select(id: string | null): void;
  /** Hover highlight from the list. */
  highlight(id: string | null): void;
  /** Flies there, unless the map is already there. */
  goTo(view: MapView): void;
  setTrack(track: [number, number][] | null | undefined): void;
  setPick(pick: { lat: number; lon: number } | null | undefined): void;
  destroy(): void;
};

const PLACES_SOURCE = 'places';
const TRACK_SOURCE = 'places-track';
const TRACK_LAYER = 'places-track-line';
const CLUSTER_LAYER = 'places-cluster';
const HIGHLIGHT_LAYER = 'places-highlight';
const PLACE_LAYER = 'places-point';
const OWN_SOURCES = new Set([PLACES_SOURCE, TRACK_SOURCE]);
/** The bundled basemap (public/map/, built by scripts/build-offline-map.mjs): the default, and the fallback. */
const OFFLINE_STYLE_URL = '/map/offline-style.json';

/** How long the configured style may take before the offline basemap is used instead. */
const STYLE_TIMEOUT_MS = 4000;
/** Touch slop around a tap, in CSS pixels: markers are small and fingers are not. */
const HIT_SLOP = 12;
/** Moves the map makes itself carry this, so they are not reported as the user's. */
const PROGRAMMATIC = { baanProgrammatic: true };
const INK = '#1b1f1c';
const GREEN = '#1f6f43';
const FOCUS = '#ffbf47';

declare global {
  interface Window {
    /** Every live tourism map, for end-to-end tests (queryRenderedFeatures and friends). */
    __baanMaps?: maplibregl.Map[];
  }
}

let stylesheets: Promise<void> | null = null;

/** MapLibre's stylesheet and ours, added to the page once; resolves when both have arrived (or failed). */
export function loadMapStyles(): Promise<void> {
  stylesheets ??= Promise.all(
    [maplibreCss, mapCss].map(
      (href) =>
        new Promise<void>((resolve) => {
          const link = document.createElement('link');
          link.rel = 'stylesheet';
          link.href = href;
          link.onload = link.onerror = () => resolve();
          document.head.append(link);
        }),
    ),
  ).then(() => undefined);
  return stylesheets;
}

/**
 * A map inside `frame` (a `.map-frame`): its box (a server-rendered `.map-box` placeholder is
 * reused, so nothing moves), the legend over it and the notice under it. Null when the phone
 * cannot draw maps (no WebGL): the frame is hidden and the list alone serves.
 */
export function createPlacesMap(frame: HTMLElement, options: PlacesMapOptions): PlacesMapHandle | null {
  const { labels } = options;
  const container = frame.querySelector<HTMLDivElement>('.map-box') ?? frame.appendChild(document.createElement('div'));
  container.className = options.onPick ? 'map-box map-pick' : 'map-box';
  container.removeAttribute('aria-hidden');
  container.setAttribute('role', 'region');
  container.setAttribute('aria-label', labels.mapLabel);
  container.dataset.mapReady = 'false';

  const configured = options.styleUrl;
  let usingFallback = !configured;
  let styleLoaded = false;
  let basemapSeen = false; // a tile of the configured basemap arrived: its server works
  let disposed = false;

  let map: maplibregl.Map;
  try {
    map = new maplibregl.Map({
      container,
      style: configured ?? OFFLINE_STYLE_URL,
      center: [options.view.lon, options.view.lat],
      zoom: options.view.zoom,
      attributionControl: { compact: true },
      // Rotating and tilting disorient more than they help on a small phone screen.
      dragRotate: false,
      pitchWithRotate: false,
      touchPitch: false,
      maxPitch: 0,
      locale: uiStrings(labels),
    });
  } catch (error) {
    // No WebGL (old phones, some blocklisted GPUs): the list alone serves, and the page must not break.
    console.warn('Baan map: MapLibre could not start.', error);
    frame.hidden = true;
    return null;
  }
  map.touchZoomRotate.disableRotation();
  map.keyboard.disableRotation();
  // Buttons as well as gestures: not everyone can pinch or drag (WCAG 2.5.7).
  map.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-right');
  const maps = (window.__baanMaps ??= []);
  maps.push(map);

  // ----- what is on the map -----
  let places = options.places;
  let placeIndex = typeof places === 'string' ? new Map<string, PlaceFeature>() : indexPlaces(places.features);
  let selected = options.selectedId ?? null;
  let hovered: string | null = null; // from the list or the pointer
  let track = options.track;
  let trackFitted = false;
  let popup: { id: string; popup: maplibregl.Popup } | null = null;
  let pickMarker: maplibregl.Marker | null = null;
  const highlighted = () => [selected, hovered].filter((id): id is string => Boolean(id));

  // ----- legend and notice -----
  let legend: HTMLDetailsElement | null = null;
  const drawLegend = () => {
    if (!legend) return;
    const present = typeof places === 'string' ? null : new Set(places.features.map((f) => f.properties.kind));
    const hasTrack = Boolean(track && track.length >= 2);
    const list = document.createElement('ul');
    for (const kind of PLACE_KINDS) {
      if (present?.size && !present.has(kind) && !(kind === 'trail' && hasTrack)) continue;
      const item = document.createElement('li');
      const swatch = document.createElement('span');
      swatch.className = kind === 'trail' && hasTrack ? 'map-swatch map-swatch-line' : 'map-swatch';
      swatch.style.background = KIND_COLORS[kind];
      swatch.setAttribute('aria-hidden', 'true');
      item.append(swatch, labels.kinds[kind]);
      list.append(item);
    }
    legend.querySelector('ul')?.remove();
    legend.append(list);
  };
  if (options.showLegend ?? true) {
    // Over the map rather than under it, so the page below does not move when the map arrives.
    legend = document.createElement('details');
    legend.className = 'map-legend';
    // Open where there is room for it beside the map's contents; one tap away on a phone.
    legend.open = window.matchMedia?.('(min-width: 40rem)').matches ?? true;
    const summary = document.createElement('summary');
    summary.textContent = labels.legend;
    legend.append(summary);
    drawLegend();
    container.after(legend);
  }
  let notice: HTMLElement | null = null;

  let popupFocus = false; // a popup opened by a tap on the map takes the focus; one chosen in the list does not
  const userSelects = (id: string | null) => {
    popupFocus = id !== null;
    selected = id;
    applyHighlight();
    syncPopup();
    options.onSelect?.(id);
  };

  const closePopupQuietly = () => {
    const open = popup;
    popup = null; // first, so its `close` event is not taken for the user's
    open?.popup.remove();
  };

  function syncPopup() {
    if ((popup?.id ?? null) === selected) return;
    closePopupQuietly();
    const place = selected ? placeIndex.get(selected) : undefined;
    if (!selected || !place) return; // data not loaded yet: tried again when it arrives
    const focus = popupFocus;
    popupFocus = false;
    const opened = openPopup(map, place, labels.open, focus);
    popup = { id: selected, popup: opened };
    opened.on('close', () => {
      if (disposed || popup?.popup !== opened) return;
      popup = null;
      userSelects(null);
    });
    const [lon, lat] = place.geometry.coordinates;
    if (!focus && !map.getBounds().contains([lon, lat])) map.easeTo({ center: [lon, lat], ...motion() }, PROGRAMMATIC);
  }

  let appliedHighlight: string[] = [];
  function applyHighlight() {
    const ids = highlighted();
    if (sameIds(ids, appliedHighlight)) return;
    appliedHighlight = ids;
    if (map.getLayer(HIGHLIGHT_LAYER)) map.setFilter(HIGHLIGHT_LAYER, highlightFilter(ids));
  }

  const indexFromSource = async () => {
    if (typeof places !== 'string') return;
    const source = map.getSource<maplibregl.GeoJSONSource>(PLACES_SOURCE);
    try {
      const data = (await source?.getData()) as Partial<PlaceCollection> | undefined;
      if (disposed || !data) return;
      placeIndex = indexPlaces(data.features ?? []);
      syncPopup();
    } catch {
      // The list still works; only a popup opened from the list does not.
    }
  };

  // ----- the basemap, and falling back to the offline one -----
  const switchToFallback = (reason: unknown) => {
    if (usingFallback) return;
    usingFallback = true;
    window.clearTimeout(timer);
    console.warn('Baan map: the configured basemap failed; using the offline one.', reason);
    container.dataset.mapReady = 'false';
    notice = document.createElement('p');
    notice.className = 'map-notice';
    notice.setAttribute('role', 'status');
    notice.dataset.testid = 'map-fallback-notice';
    notice.textContent = labels.fallbackNotice;
    frame.append(notice);
    // A full swap (no diff), so `style.load` fires and our layers are added to the new style.
    map.setStyle(OFFLINE_STYLE_URL, { diff: false });
  };
  const timer = configured
    ? window.setTimeout(() => {
        if (!styleLoaded) switchToFallback(new Error(`style not loaded after ${STYLE_TIMEOUT_MS} ms`));
      }, STYLE_TIMEOUT_MS)
    : undefined;

  map.on('error', (event) => {
    const sourceId = (event as { sourceId?: string }).sourceId;
    // Our own data failing (e.g. the places URL) says nothing about the basemap.
    const ours = sourceId !== undefined && OWN_SOURCES.has(sourceId);
    // The style, its sprite, or its tiles failing before any tile arrived: the basemap server is not there.
    if (!ours && !usingFallback && (!styleLoaded || !basemapSeen)) switchToFallback(event.error);
    else console.error(event.error);
  });
  map.on('sourcedata', (event) => {
    if (event.sourceId === PLACES_SOURCE && event.sourceDataType === 'metadata') void indexFromSource();
    else if (!OWN_SOURCES.has(event.sourceId) && event.tile) basemapSeen = true;
  });

  // Every style (configured, fallback, or rebuilt after a lost GPU context) gets our layers.
  map.on('style.load', () => {
    styleLoaded = true;
    addOverlay(map, places, track, appliedHighlight);
    if (track?.length && !trackFitted) {
      trackFitted = true;
      fitTrack(map, track);
    }
  });
  // The hook end-to-end tests wait for before querying rendered features.
  map.on('idle', () => {
    if (map.getSource(PLACES_SOURCE) && map.isSourceLoaded(PLACES_SOURCE)) container.dataset.mapReady = 'true';
  });

  // ----- the user -----
  map.on('moveend', (event) => {
    if ((event as { baanProgrammatic?: boolean }).baanProgrammatic) return;
    options.onMoveEnd?.(viewOf(map), boundsOf(map));
  });

  map.on('click', (event) => {
    if (options.onPick) {
      options.onPick(round(event.lngLat.lat, 6), round(event.lngLat.lng, 6));
      return;
    }
    const hit = placeAt(map, event.point);
    if (!hit) {
      if (selected) userSelects(null);
    } else if (hit.layer.id === CLUSTER_LAYER) {
      void zoomIntoCluster(map, hit);
    } else {
      const id = String(hit.properties.id);
      if (id !== selected) userSelects(id);
    }
  });

  let pointed: string | null = null;
  map.on('mousemove', (event) => {
    if (options.onPick) return;
    const hit = placeAt(map, event.point);
    map.getCanvas().style.cursor = hit ? 'pointer' : '';
    const id = hit?.layer.id === PLACE_LAYER ? String(hit.properties.id) : null;
    if (id === pointed) return;
    pointed = id;
    options.onHover?.(id);
  });
  map.on('mouseout', () => {
    if (pointed === null) return;
    pointed = null;
    options.onHover?.(null);
  });

  const handle: PlacesMapHandle = {
    map,
    setPlaces(next) {
      if (next === places) return;
      places = next;
      if (typeof next !== 'string') placeIndex = indexPlaces(next.features);
      void map.getSource<maplibregl.GeoJSONSource>(PLACES_SOURCE)?.setData(next);
      drawLegend();
      syncPopup();
    },
    select(id) {
      if (id === selected) return;
      selected = id;
      applyHighlight();
      syncPopup();
    },
    highlight(id) {
      hovered = id;
      applyHighlight();
    },
    goTo({ lat, lon, zoom }) {
      // Not when the map is already there (e.g. the page passes back what onMoveEnd reported).
      const here = map.project(map.getCenter());
      const there = map.project([lon, lat]);
      if (Math.hypot(here.x - there.x, here.y - there.y) < 2 && Math.abs(map.getZoom() - zoom) < 0.05) return;
      if (prefersReducedMotion()) map.jumpTo({ center: [lon, lat], zoom }, PROGRAMMATIC);
      else map.flyTo({ center: [lon, lat], zoom }, PROGRAMMATIC);
    },
    setTrack(next) {
      if (next === track) return;
      track = next;
      void map.getSource<maplibregl.GeoJSONSource>(TRACK_SOURCE)?.setData(trackData(next));
      drawLegend();
      if (next?.length) fitTrack(map, next);
    },
    setPick(pick) {
      if (!pick) {
        pickMarker?.remove();
        pickMarker = null;
        return;
      }
      const at: [number, number] = [pick.lon, pick.lat];
      if (!pickMarker) {
        pickMarker = new maplibregl.Marker({ color: GREEN, className: 'map-pick-marker' });
        // The form's fields say where the place is; the pin is only a picture of them.
        pickMarker.getElement().setAttribute('aria-hidden', 'true');
        pickMarker.setLngLat(at).addTo(map);
      } else {
        pickMarker.setLngLat(at);
      }
      if (!map.getBounds().contains(at)) map.easeTo({ center: at, ...motion() }, PROGRAMMATIC);
    },
    destroy() {
      disposed = true;
      window.clearTimeout(timer);
      closePopupQuietly();
      pickMarker?.remove();
      legend?.remove();
      notice?.remove();
      const at = maps.indexOf(map);
      if (at >= 0) maps.splice(at, 1);
      map.remove();
    },
  };

  // Whatever was asked for beyond the initial view.
  appliedHighlight = highlighted();
  handle.setPick(options.pick);
  syncPopup();
  return handle;
}

/** MapLibre's own texts (the canvas's name, its buttons) in the page's language. */
function uiStrings(labels: MapLabels): Record<string, string> {
  const strings: Record<string, string> = { 'Map.Title': labels.mapLabel };
  if (labels.zoomIn) strings['NavigationControl.ZoomIn'] = labels.zoomIn;
  if (labels.zoomOut) strings['NavigationControl.ZoomOut'] = labels.zoomOut;
  if (labels.close) strings['Popup.Close'] = labels.close;
  return strings;
}

// ---------- layers ----------

// One `match` arm per kind, generated so it cannot drift from PLACE_KINDS (the spec's tuple type cannot say so).
const kindColor = ['match', ['get', 'kind'], ...PLACE_KINDS.flatMap((kind) => [kind, KIND_COLORS[kind]]), INK] as unknown as maplibregl.ExpressionSpecification;

const pointRadius: maplibregl.ExpressionSpecification = ['interpolate', ['linear'], ['zoom'], 6, 6, 14, 9];
const notCluster: maplibregl.ExpressionSpecification = ['!', ['has', 'point_count']];

/** The places (clustered), the highlight ring and the trail, on top of whatever basemap is loaded. */
function addOverlay(map: maplibregl.Map, places: PlaceCollection | string, track: [number, number][] | null | undefined, highlighted: string[]) {
  if (!map.getSource(TRACK_SOURCE)) map.addSource(TRACK_SOURCE, { type: 'geojson', data: trackData(track) });
  if (!map.getSource(PLACES_SOURCE)) {
    map.addSource(PLACES_SOURCE, {
      type: 'geojson',
      data: places,
      cluster: true,
      clusterRadius: 40,
      clusterMaxZoom: 15,
    });
  }
  if (!map.getLayer(TRACK_LAYER)) {
    map.addLayer({
      id: TRACK_LAYER,
      type: 'line',
      source: TRACK_SOURCE,
      layout: { 'line-cap': 'round', 'line-join': 'round' },
      paint: { 'line-color': KIND_COLORS.trail, 'line-width': ['interpolate', ['linear'], ['zoom'], 8, 3, 15, 6] },
    });
  }
  if (!map.getLayer(CLUSTER_LAYER)) {
    // No count as text: the offline style has no glyphs. Size shows "more"; the list shows each place.
    map.addLayer({
      id: CLUSTER_LAYER,
      type: 'circle',
      source: PLACES_SOURCE,
      filter: ['has', 'point_count'],
      paint: {
        'circle-color': GREEN,
        'circle-opacity': 0.85,
        'circle-radius': ['interpolate', ['linear'], ['get', 'point_count'], 2, 12, 10, 17, 50, 23, 200, 30],
        'circle-stroke-color': '#ffffff',
        'circle-stroke-width': 3,
      },
    });
  }
  if (!map.getLayer(HIGHLIGHT_LAYER)) {
    map.addLayer({
      id: HIGHLIGHT_LAYER,
      type: 'circle',
      source: PLACES_SOURCE,
      filter: highlightFilter(highlighted),
      paint: {
        'circle-color': FOCUS,
        'circle-radius': ['interpolate', ['linear'], ['zoom'], 6, 12, 14, 16],
        'circle-stroke-color': INK,
        'circle-stroke-width': 2,
      },
    });
  }
  if (!map.getLayer(PLACE_LAYER)) {
    map.addLayer({
      id: PLACE_LAYER,
      type: 'circle',
      source: PLACES_SOURCE,
      filter: notCluster,
      paint: {
        'circle-color': kindColor,
        'circle-radius': pointRadius,
        'circle-stroke-color': '#ffffff',
        'circle-stroke-width': 2,
      },
    });
  }
}

function highlightFilter(ids: string[]): maplibregl.FilterSpecification {
  return ['all', notCluster, ['in', ['get', 'id'], ['literal', ids]]];
}

function sameIds(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((id, i) => id === b[i]);
}

function trackData(track: [number, number][] | null | undefined) {
  return {
    type: 'FeatureCollection' as const,
    features: track && track.length >= 2 ? [{ type: 'Feature' as const, properties: {}, geometry: { type: 'LineString' as const, coordinates: track } }] : [],
  };
}

// ---------- interaction ----------

/** The place or cluster under a tap: points first, then the nearest to the finger. */
function placeAt(map: maplibregl.Map, point: maplibregl.Point): maplibregl.MapGeoJSONFeature | null {
  if (!map.getLayer(PLACE_LAYER) || !map.getLayer(CLUSTER_LAYER)) return null;
  const box: [maplibregl.PointLike, maplibregl.PointLike] = [
    [point.x - HIT_SLOP, point.y - HIT_SLOP],
    [point.x + HIT_SLOP, point.y + HIT_SLOP],
  ];
  const hits = map.queryRenderedFeatures(box, { layers: [PLACE_LAYER, CLUSTER_LAYER] });
  let best: maplibregl.MapGeoJSONFeature | null = null;
  let bestScore = Infinity;
  for (const hit of hits) {
    if (hit.geometry.type !== 'Point') continue;
    const at = map.project(hit.geometry.coordinates as [number, number]);
    const score = Math.hypot(at.x - point.x, at.y - point.y) + (hit.layer.id === CLUSTER_LAYER ? HIT_SLOP : 0);
    if (score < bestScore) {
      best = hit;
      bestScore = score;
    }
  }
  return best;
}

async function zoomIntoCluster(map: maplibregl.Map, cluster: maplibregl.MapGeoJSONFeature) {
  const source = map.getSource<maplibregl.GeoJSONSource>(PLACES_SOURCE);
  if (!source || cluster.geometry.type !== 'Point') return;
  const zoom = await source.getClusterExpansionZoom(Number(cluster.properties.cluster_id));
  // A tap by the user: reported through onMoveEnd like a pinch would be.
  map.easeTo({ center: cluster.geometry.coordinates as [number, number], zoom, ...motion() });
}

function openPopup(map: maplibregl.Map, place: PlaceFeature, openLabel: string, focus: boolean): maplibregl.Popup {
  const content = document.createElement('div');
  const name = document.createElement('strong');
  name.className = 'map-popup-name';
  name.textContent = place.properties.name;
  content.append(name);
  const href = safeHref(place.properties.url);
  if (href) {
    const link = document.createElement('a');
    link.className = 'map-popup-link';
    link.href = href;
    link.textContent = openLabel;
    content.append(link);
  }
  const popup = new maplibregl.Popup({
    className: 'map-popup',
    closeOnClick: false, // the map's own click handler decides (another marker, or empty map)
    // Focus moves into the popup only when it was opened on the map: a choice in the list keeps focus there.
    focusAfterOpen: focus,
    offset: 14,
    maxWidth: '16rem',
  })
    .setLngLat(place.geometry.coordinates)
    .setDOMContent(content)
    .addTo(map);
  // Escape closes it, as it would a dialog (a user's close: the selection is cleared).
  popup.getElement()?.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape') return;
    popup.remove();
    map.getCanvas().focus(); // back to the map, not lost to the page's top
  });
  return popup;
}

/** Place pages are ours: a relative path, or http(s). Anything else (javascript:, data:) gets no link. */
function safeHref(url: string): string | null {
  if (url.startsWith('/') && !url.startsWith('//')) return url;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : null;
  } catch {
    return null;
  }
}

function indexPlaces(features: PlaceFeature[]): Map<string, PlaceFeature> {
  return new Map(features.map((feature) => [feature.properties.id, feature]));
}

function fitTrack(map: maplibregl.Map, track: [number, number][]) {
  const bounds = new maplibregl.LngLatBounds();
  for (const position of track) bounds.extend(position);
  if (bounds.isEmpty()) return;
  map.fitBounds(bounds, { padding: 32, maxZoom: 15, ...motion() }, PROGRAMMATIC);
}

// ---------- helpers ----------

function prefersReducedMotion(): boolean {
  return window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
}

function motion(): { animate?: boolean } {
  return prefersReducedMotion() ? { animate: false } : {};
}

function round(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}

function viewOf(map: maplibregl.Map): MapView {
  const center = map.getCenter().wrap();
  return { lat: round(center.lat, 5), lon: round(center.lng, 5), zoom: round(map.getZoom(), 2) };
}

function boundsOf(map: maplibregl.Map): Bounds {
  const bounds = map.getBounds();
  return [round(bounds.getWest(), 5), round(bounds.getSouth(), 5), round(bounds.getEast(), 5), round(bounds.getNorth(), 5)];
}
