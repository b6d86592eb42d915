/** What a tourism place is. The order is the legend's order. */
export const PLACE_KINDS = ['homestay', 'sight', 'food', 'craft_village', 'market', 'viewpoint', 'trail'] as const;
export type PlaceKind = (typeof PLACE_KINDS)[number];

/** Marker colours by kind: distinct for common colour-vision differences, readable on the basemap. */
export const KIND_COLORS: Record<PlaceKind, string> = {
  homestay: '#c2410c',
  sight: '#1d4ed8',
  food: '#b91c1c',
  craft_village: '#7e22ce',
  market: '#a16207',
  viewpoint: '#0f766e',
  trail: '#15803d',
};

export function isPlaceKind(value: unknown): value is PlaceKind {
  return typeof value === 'string' && (PLACE_KINDS as readonly string[]).includes(value);
}

/** A GeoJSON feature as the map endpoints serve it (RFC 7946: longitude first). */
export type PlaceFeature = {
  type: 'Feature';
  geometry: { type: 'Point'; coordinates: [number, number] };
  properties: { id: string; kind: PlaceKind; name: string; url: string };
};
export type PlaceCollection = { type: 'FeatureCollection'; features: PlaceFeature[] };
