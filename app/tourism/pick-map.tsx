// The place editor's map: a tap chooses the location, typed coordinates move the pin. MapLibre
// comes after hydration (map-loader.ts), so the form is usable before and without it; a phone
// that cannot draw maps just does not show the box.
import { useEffect, useRef, useState } from 'react';
import { importPlacesMap } from './map-loader.ts';
import type { MapLabels, MapView, PlacesMapHandle } from './places-map.ts';

type Point = { lat: number; lon: number };

export function PickMap({
  styleUrl,
  view,
  pick,
  labels,
  onPick,
}: {
  styleUrl: string | null;
  view: MapView;
  pick: Point | null;
  labels: MapLabels;
  onPick: (lat: number, lon: number) => void;
}) {
  const frame = useRef<HTMLDivElement>(null);
  const handle = useRef<PlacesMapHandle | null>(null);
  const [unavailable, setUnavailable] = useState(false);
  // The map is made once; it reads the current props from here.
  const latest = useRef({ view, pick, onPick });
  useEffect(() => {
    latest.current = { view, pick, onPick };
  });

  useEffect(() => {
    let disposed = false;
    const start = async () => {
      const module = await importPlacesMap(() => void start());
      const element = frame.current;
      if (!module || disposed || !element) return;
      const { view: first, pick: at } = latest.current;
      handle.current = module.createPlacesMap(element, {
        styleUrl,
        places: { type: 'FeatureCollection', features: [] },
        view: first,
        labels,
        pick: at,
        showLegend: false,
        onPick: (lat, lon) => latest.current.onPick(lat, lon),
      });
      if (!handle.current) setUnavailable(true);
    };
    void start();
    return () => {
      disposed = true;
      handle.current?.destroy();
      handle.current = null;
    };
    // Made once for the page: the style and the words do not change while it is open.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const { lat, lon, zoom } = view;
  useEffect(() => handle.current?.goTo({ lat, lon, zoom }), [lat, lon, zoom]);
  useEffect(() => handle.current?.setPick(pick), [pick?.lat, pick?.lon]); // eslint-disable-line react-hooks/exhaustive-deps -- the pin moves when its coordinates change, not when a new object carries the same ones

  return (
    <div ref={frame} className="map-frame" hidden={unavailable}>
      <div className="map-box" aria-hidden="true" />
    </div>
  );
}
