// The small map of a place page: the place and its neighbours. The page ships only this script;
// MapLibre is fetched when the map's box comes near the screen, so a reader who never scrolls
// down to it downloads none of it. Without JavaScript (or IntersectionObserver) the section
// stays hidden: the page's directions and "see on the map" links say the same.
import type { PlaceCollection } from './kinds.ts';
import { importPlacesMap } from './map-loader.ts';
import type { MapLabels, MapView } from './places-map.ts';

export type PlaceMapConfig = {
  styleUrl: string | null;
  view: MapView;
  /** This place's feature id, ringed on the map. */
  id: string;
  places: PlaceCollection;
  track: [number, number][] | null;
  labels: MapLabels;
};

const frame = document.querySelector<HTMLElement>('[data-place-map]');
const text = document.getElementById('place-map-config')?.textContent;

if (frame && text && 'IntersectionObserver' in window) {
  const config = JSON.parse(text) as PlaceMapConfig;
  const section = frame.closest<HTMLElement>('[data-place-map-section]');
  if (section) section.hidden = false;
  const observer = new IntersectionObserver(
    (entries) => {
      if (!entries.some((entry) => entry.isIntersecting)) return;
      observer.disconnect();
      void start(frame, config);
    },
    { rootMargin: '200px' },
  );
  observer.observe(frame);
}

async function start(frame: HTMLElement, config: PlaceMapConfig) {
  const module = await importPlacesMap(() => void start(frame, config));
  if (!module) return;
  const map = module.createPlacesMap(frame, {
    styleUrl: config.styleUrl,
    places: config.places,
    view: config.view,
    track: config.track,
    labels: config.labels,
    showLegend: false,
  });
  map?.highlight(config.id);
}
