// The map pages' script (/map and /{commune}/tourism). The page works without it: the list is
// server-rendered, the filter is a GET form and its links are plain links. This adds the map
// once the list has painted and keeps list, map and URL in step, without a framework: a filter,
// "search this area", a selected place or the back button fetch the page's HTML for the new URL
// and swap in its list, so the map stays where it is.
import { importPlacesMap } from './map-loader.ts';
import type { MapLabels, MapView, PlacesMapHandle } from './places-map.ts';

export type ExploreConfig = {
  styleUrl: string | null;
  /** The GeoJSON URL for the current filter. */
  places: string;
  view: MapView;
  selected: string | null;
  track: [number, number][] | null;
  labels: MapLabels;
};

const readConfig = (doc: Document): ExploreConfig | null => {
  const text = doc.getElementById('explore-config')?.textContent;
  return text ? (JSON.parse(text) as ExploreConfig) : null;
};

const $ = <T extends Element>(selector: string, root: ParentNode = document) => root.querySelector<T>(selector);
const round = (n: number, digits: number) => String(Math.round(n * 10 ** digits) / 10 ** digits);

let config = readConfig(document);
const form = $<HTMLFormElement>('form.kind-filter');
const list = $<HTMLElement>('.explore-list');
const frame = $<HTMLElement>('.explore-map .map-frame');
const searchArea = $<HTMLButtonElement>('.search-area');
const status = $<HTMLElement>('[data-explore-status]');

let handle: PlacesMapHandle | null = null;
let hovered: string | null = null;
let moved: number[] | null = null;
let pending: AbortController | null = null;

if (config && form && list && frame) enhance(config, form, list, frame);

function enhance(first: ExploreConfig, form: HTMLFormElement, list: HTMLElement, frame: HTMLElement) {
  // Filters apply as they change; the form's button is for pages without this script.
  const apply = $<HTMLButtonElement>('button[type="submit"]', form);
  if (apply) apply.hidden = true;
  const filter = (event: Event) => {
    event.preventDefault();
    const url = new URL(location.href);
    const kinds = new FormData(form).getAll('kind').join(',');
    if (kinds) url.searchParams.set('kind', kinds);
    else url.searchParams.delete('kind');
    url.searchParams.delete('place'); // the area searched and the view stay
    void go(url, true);
  };
  form.addEventListener('change', filter);
  form.addEventListener('submit', filter);

  // The list is replaced on every change, so its events are caught on the section around it.
  list.addEventListener('click', (event) => {
    const link = (event.target as Element).closest<HTMLAnchorElement>('a[data-explore-link]');
    if (!link || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    if (link.dataset.select) choose(link.dataset.select);
    else void go(new URL(link.href), true);
  });
  const hoverFrom = (event: Event) => hover((event.target as Element).closest<HTMLElement>('[data-place-id]')?.dataset.placeId ?? null);
  list.addEventListener('mouseover', hoverFrom);
  list.addEventListener('focusin', hoverFrom);
  list.addEventListener('mouseleave', () => hover(null));
  list.addEventListener('focusout', () => hover(null));

  searchArea?.addEventListener('click', () => {
    if (!moved) return;
    const url = new URL(location.href);
    url.searchParams.set('bbox', moved.map((n) => round(n, 4)).join(','));
    url.searchParams.delete('place');
    // The button goes away with the search: the list's heading takes the focus.
    void go(url, true, false, true);
  });

  // Back and forward: the page for that URL, and the map goes back to its view.
  window.addEventListener('popstate', () => void go(new URL(location.href), false, true));

  afterFirstPaint(() => void startMap(first, frame));
}

/** Runs `start` once the page (the list) is on screen, so no map code competes with it. */
function afterFirstPaint(start: () => void) {
  let started = false;
  const once = () => {
    if (started) return;
    started = true;
    start();
  };
  const painted = () => performance.getEntriesByName('first-contentful-paint').length > 0;
  try {
    if (painted()) return void setTimeout(once, 0);
    const observer = new PerformanceObserver(() => {
      if (!painted()) return;
      observer.disconnect();
      setTimeout(once, 0);
    });
    observer.observe({ type: 'paint', buffered: true });
    // A page opened in the background reports no paint until it is shown: do not wait forever.
    setTimeout(once, 3000);
  } catch {
    // No paint timing in this browser: after the next frame has been drawn.
    requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(once, 0)));
  }
}

async function startMap(first: ExploreConfig, frame: HTMLElement) {
  // Lost to the network: the list still says everything, and the map comes when the phone is back online.
  const module = await importPlacesMap(() => void startMap(config ?? first, frame));
  if (!module) return;
  const now = config ?? first;
  handle = module.createPlacesMap(frame, {
    styleUrl: now.styleUrl,
    places: now.places,
    view: viewOf(new URL(location.href)) ?? now.view,
    selectedId: now.selected,
    track: now.track,
    labels: now.labels,
    onMoveEnd(view, bounds) {
      // The view lives in the URL (a shared link opens the same map), without a history entry per drag.
      const url = new URL(location.href);
      url.searchParams.set('lat', String(view.lat));
      url.searchParams.set('lon', String(view.lon));
      url.searchParams.set('z', String(view.zoom));
      history.replaceState(history.state, '', url);
      followLanguageLinks();
      moved = bounds;
      if (searchArea) searchArea.hidden = false;
    },
    onSelect: choose,
    onHover: hover,
  });
}

/**
 * A place chosen (on the map or in the list) or let go. The list stays as it is, so only the
 * URL, the map and the list's marks change, without asking the server.
 */
function choose(id: string | null) {
  const url = new URL(location.href);
  if (id) url.searchParams.set('place', id);
  else url.searchParams.delete('place');
  const item = id ? list?.querySelector<HTMLElement>(`[data-place-id="${CSS.escape(id)}"]`) : null;
  // The page is needed for a trail's track (to draw it, or to take it away) and for a place the list does not show.
  if (config?.track || (id !== null && (!item || item.dataset.kind === 'trail'))) {
    void go(url, true);
    return;
  }
  history.pushState(null, '', url);
  followLanguageLinks();
  if (config) config = { ...config, selected: id };
  handle?.select(id);
  markActive(id);
  item?.scrollIntoView({ block: 'nearest' });
}

/** Show the page for `url`: its list here, its places and selection on the map. */
async function go(url: URL, push: boolean, restoreView = false, focusList = false) {
  if (push) history.pushState(null, '', url);
  followLanguageLinks();
  pending?.abort();
  const controller = new AbortController();
  pending = controller;
  let doc: Document;
  try {
    const response = await fetch(url, { signal: controller.signal, headers: { Accept: 'text/html' } });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    doc = new DOMParser().parseFromString(await response.text(), 'text/html');
  } catch (error) {
    if (controller.signal.aborted) return;
    // Whatever went wrong, a full page load of the same URL shows it (or the browser's own error).
    location.assign(url);
    return;
  }
  if (controller.signal.aborted) return;
  pending = null;
  const next = readConfig(doc);
  const nextList = $<HTMLElement>('.explore-list', doc);
  if (!next || !nextList || !list || !form) {
    location.assign(url);
    return;
  }
  document.title = doc.title;
  list.replaceChildren(...nextList.childNodes);
  const heading = $<HTMLElement>('h2', list);
  if (status && heading) status.textContent = heading.textContent;
  if (focusList) heading?.focus();
  // The filter shows what the page shows (after back and forward too).
  const chosen = new Set([...doc.querySelectorAll<HTMLInputElement>('form.kind-filter input[name="kind"][checked]')].map((box) => box.value));
  for (const box of form.querySelectorAll<HTMLInputElement>('input[name="kind"]')) box.checked = chosen.has(box.value);
  if (searchArea) searchArea.hidden = true;
  moved = null;
  config = next;
  if (handle) {
    handle.setPlaces(next.places);
    handle.setTrack(next.track);
    handle.select(next.selected);
    if (restoreView) handle.goTo(viewOf(url) ?? next.view);
  }
  markActive(next.selected);
}

/** The header's language links open this same view (they were written for the URL the page loaded with). */
function followLanguageLinks() {
  for (const link of document.querySelectorAll<HTMLAnchorElement>('a[hreflang]')) {
    const url = new URL(location.href);
    url.searchParams.set('lng', link.hreflang);
    link.href = url.pathname + url.search;
  }
}

function viewOf(url: URL): MapView | null {
  const get = (key: string) => {
    const value = url.searchParams.get(key);
    return value === null || value === '' ? NaN : Number(value);
  };
  const lat = get('lat');
  const lon = get('lon');
  const zoom = get('z');
  if (!(Math.abs(lat) <= 90 && Math.abs(lon) <= 180)) return null;
  return { lat, lon, zoom: zoom >= 0 && zoom <= 22 ? zoom : 12 };
}

function hover(id: string | null) {
  if (id === hovered) return;
  hovered = id;
  handle?.highlight(id);
  markActive(config?.selected ?? null);
}

/** The selected and the hovered place stand out in the list. */
function markActive(selected: string | null) {
  for (const item of list?.querySelectorAll<HTMLElement>('[data-place-id]') ?? []) {
    const id = item.dataset.placeId;
    item.classList.toggle('is-active', id === selected || id === hovered);
    const link = item.querySelector('a[data-select]');
    if (id === selected) link?.setAttribute('aria-current', 'true');
    else link?.removeAttribute('aria-current');
  }
}
