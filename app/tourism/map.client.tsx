// The tourism map as a React component, for pages that hydrate (the place editor). Browser
// only: map-island.tsx imports it after the page has painted. The map itself is places-map.ts.
import { useEffect, useLayoutEffect, useRef, useState, type JSX } from 'react';
import { createPlacesMap, loadMapStyles, type PlacesMapHandle, type PlacesMapOptions } from '~/tourism/places-map.ts';

export type { Bounds, MapLabels, MapView } from '~/tourism/places-map.ts';
export type PlacesMapProps = PlacesMapOptions & { className?: string };

export default function PlacesMap(props: PlacesMapProps): JSX.Element {
  const frame = useRef<HTMLDivElement>(null);
  const handle = useRef<PlacesMapHandle | null>(null);
  const [unavailable, setUnavailable] = useState(false);

  // The map is created once; its callbacks read the current props from here.
  const latest = useRef(props);
  useLayoutEffect(() => {
    latest.current = props;
  });

  useEffect(() => {
    let cancelled = false;
    void loadMapStyles().then(() => {
      const element = frame.current;
      if (cancelled || !element) return;
      const first = latest.current;
      handle.current = createPlacesMap(element, {
        ...first,
        onMoveEnd: first.onMoveEnd && ((view, bounds) => latest.current.onMoveEnd?.(view, bounds)),
        onSelect: (id) => latest.current.onSelect?.(id),
        onHover: (id) => latest.current.onHover?.(id),
        onPick: first.onPick && ((lat, lon) => latest.current.onPick?.(lat, lon)),
      });
      if (!handle.current) setUnavailable(true);
    });
    return () => {
      cancelled = true;
      handle.current?.destroy();
      handle.current = null;
    };
  }, []);

  const { places, track, selectedId } = props;
  const { lat, lon, zoom } = props.view;
  const pickLat = props.pick?.lat;
  const pickLon = props.pick?.lon;
  useEffect(() => handle.current?.setPlaces(places), [places]);
  useEffect(() => handle.current?.setTrack(track), [track]);
  useEffect(() => handle.current?.select(selectedId ?? null), [selectedId]);
  useEffect(() => handle.current?.goTo({ lat, lon, zoom }), [lat, lon, zoom]);
  useEffect(() => {
    handle.current?.setPick(pickLat !== undefined && pickLon !== undefined ? { lat: pickLat, lon: pickLon } : null);
  }, [pickLat, pickLon]);

  // places-map.ts fills the frame (box, legend, notice); React keeps out of it.
  return <div ref={frame} className={['map-frame', props.className].filter(Boolean).join(' ')} hidden={unavailable} />;
}
