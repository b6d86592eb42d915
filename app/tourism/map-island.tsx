// Where a route puts a map. The server (and the first client render) draw an empty box of the
// map's size; MapLibre, its worker and its CSS are downloaded only after the page is on screen,
// so the list of places paints first and a slow or failed map download never blocks it.
import { useEffect, useRef, useState, type ComponentType } from 'react';
import type { PlacesMapProps } from '~/tourism/map.client.tsx';
import { MAP_PLACEHOLDER } from '~/tourism/map-placeholder.ts';

export type { Bounds, MapView, PlacesMapProps } from '~/tourism/map.client.tsx';

export type MapIslandProps = PlacesMapProps & {
  /** 'mount' (default): load once the page is interactive. 'visible': wait until the box scrolls near the screen. */
  lazy?: 'mount' | 'visible';
};

type PlacesMapComponent = ComponentType<PlacesMapProps>;


let download: Promise<PlacesMapComponent> | null = null;

/** One download for every map on the page; after a failure the next call tries again. */
function loadPlacesMap(): Promise<PlacesMapComponent> {
  if (!download) {
    const attempt = import('~/tourism/map.client.tsx').then((module) => module.default);
    attempt.catch(() => {
      if (download === attempt) download = null;
    });
    download = attempt;
  }
  return download;
}

export function MapIsland({ lazy = 'mount', ...props }: MapIslandProps) {
  const [PlacesMap, setPlacesMap] = useState<PlacesMapComponent | null>(null);
  const [failed, setFailed] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const box = useRef<HTMLDivElement>(null);

  useEffect(() => {
    let cancelled = false;
    const load = () => {
      loadPlacesMap().then(
        (component) => {
          if (cancelled) return;
          setFailed(false);
          setPlacesMap(() => component);
        },
        () => {
          if (!cancelled) setFailed(true);
        },
      );
    };
    const element = box.current;
    if (lazy === 'visible' && element && 'IntersectionObserver' in window) {
      const observer = new IntersectionObserver(
        (entries) => {
          if (!entries.some((entry) => entry.isIntersecting)) return;
          observer.disconnect();
          load();
        },
        { rootMargin: '200px' },
      );
      observer.observe(element);
      return () => {
        cancelled = true;
        observer.disconnect();
      };
    }
    load();
    return () => {
      cancelled = true;
    };
  }, [lazy, attempt]);

  // A download lost to the network is tried again when the phone is back online.
  useEffect(() => {
    if (!failed) return;
    const retry = () => {
      setFailed(false); // shown again, so a 'visible' island can be observed again
      setAttempt((n) => n + 1);
    };
    window.addEventListener('online', retry);
    return () => window.removeEventListener('online', retry);
  }, [failed]);

  if (PlacesMap) return <PlacesMap {...props} />;
  return (
    // Without the map the list still says everything; a failed download leaves no empty box behind.
    <div className={['map-frame', props.className].filter(Boolean).join(' ')} hidden={failed}>
      <div ref={box} className="map-box" style={MAP_PLACEHOLDER} aria-hidden="true" />
    </div>
  );
}

export default MapIsland;
