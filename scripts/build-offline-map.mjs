// Builds Baan's bundled offline basemap: the map tourists see when the tile server cannot be reached.
//
// Regenerate (after a world-atlas upgrade, or a change to the region or colours below):
//   node scripts/build-offline-map.mjs
// and commit the three files it writes:
//   public/map/land.geojson         land polygons
//   public/map/borders.geojson      country borders as lines
//   public/map/offline-style.json   a MapLibre style (version 8) drawing them
//
// Data: Natural Earth (public domain) as packaged by the `world-atlas` npm package.
// Two levels of detail keep the files small:
//   - "world":  1:110m land and borders for the whole globe, drawn below zoom 5;
//   - "region": 1:50m land and borders cut to mainland South-East Asia (Vietnam, Thailand and
//               neighbours), drawn from zoom 5, where every Baan commune lies.
// Coordinates are rounded to 3 decimals (about 100 m), finer than either scale's accuracy.
// The style has no glyphs or sprite, so it needs no network and has no text labels.

import { mkdir, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { feature, mesh } from 'topojson-client';

const require = createRequire(import.meta.url);
const OUT = new URL('../public/map/', import.meta.url);

/** Where the detailed data is kept: [west, south, east, north]. Far enough from VN/TH that its edges stay off-screen at zoom 5. */
const REGION = [88, -2, 120, 30];
/** Zoom at which the world layers hand over to the region layers. */
const DETAIL_ZOOM = 5;
const DECIMALS = 3;

const COLORS = {
  water: '#cfe2ec',
  land: '#f3f1e8',
  border: '#8a7f99',
};

// ---------- geometry helpers ----------

const factor = 10 ** DECIMALS;
const round = (value) => Math.round(value * factor) / factor;

/** Rounds a line's positions and drops repeats that rounding creates. */
function roundLine(positions) {
  const out = [];
  for (const [lon, lat] of positions) {
    const point = [round(lon), round(lat)];
    const last = out[out.length - 1];
    if (!last || last[0] !== point[0] || last[1] !== point[1]) out.push(point);
  }
  return out;
}

/** Rounds a ring; returns a closed ring of at least 4 positions, or null when it collapsed. */
function roundRing(ring) {
  const open = roundLine(ring);
  const first = open[0];
  const last = open[open.length - 1];
  if (open.length > 1 && first[0] === last[0] && first[1] === last[1]) open.pop();
  if (open.length < 3) return null;
  return [...open, [...open[0]]];
}

/** Twice the signed planar area: positive when counter-clockwise. */
function signedArea(ring) {
  let sum = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    sum += (ring[j][0] - ring[i][0]) * (ring[j][1] + ring[i][1]);
  }
  return sum;
}

/** RFC 7946 winding: exterior rings counter-clockwise, holes clockwise. */
function wind(ring, exterior) {
  const ccw = signedArea(ring) > 0;
  return ccw === exterior ? ring : [...ring].reverse();
}

/** Sutherland–Hodgman clipping of one ring to a rectangle (the rectangle is convex, so this is exact for fills). */
function clipRing(ring, [west, south, east, north]) {
  const edges = [
    { inside: (p) => p[0] >= west, cut: (a, b) => atX(a, b, west) },
    { inside: (p) => p[0] <= east, cut: (a, b) => atX(a, b, east) },
    { inside: (p) => p[1] >= south, cut: (a, b) => atY(a, b, south) },
    { inside: (p) => p[1] <= north, cut: (a, b) => atY(a, b, north) },
  ];
  let points = ring.slice(0, -1);
  for (const edge of edges) {
    if (points.length === 0) break;
    const input = points;
    points = [];
    for (let i = 0; i < input.length; i++) {
      const current = input[i];
      const previous = input[(i + input.length - 1) % input.length];
      if (edge.inside(current)) {
        if (!edge.inside(previous)) points.push(edge.cut(previous, current));
        points.push(current);
      } else if (edge.inside(previous)) {
        points.push(edge.cut(previous, current));
      }
    }
  }
  return points.length >= 3 ? [...points, points[0]] : null;
}

function atX(a, b, x) {
  return [x, a[1] + ((b[1] - a[1]) * (x - a[0])) / (b[0] - a[0])];
}
function atY(a, b, y) {
  return [a[0] + ((b[0] - a[0]) * (y - a[1])) / (b[1] - a[1]), y];
}

/** Cuts a line to a rectangle; a line that leaves and comes back becomes several lines. */
function clipLine(line, [west, south, east, north]) {
  const inside = (p) => p[0] >= west && p[0] <= east && p[1] >= south && p[1] <= north;
  const pieces = [];
  let piece = [];
  for (let i = 1; i < line.length; i++) {
    const segment = clipSegment(line[i - 1], line[i], [west, south, east, north]);
    if (!segment) {
      if (piece.length > 1) pieces.push(piece);
      piece = [];
      continue;
    }
    const [a, b] = segment;
    if (piece.length === 0) piece.push(a);
    piece.push(b);
    if (!inside(line[i])) {
      pieces.push(piece);
      piece = [];
    }
  }
  if (piece.length > 1) pieces.push(piece);
  return pieces;
}

/** Liang–Barsky: the part of segment a→b inside the rectangle, or null. */
function clipSegment(a, b, [west, south, east, north]) {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  let t0 = 0;
  let t1 = 1;
  const checks = [
    [-dx, a[0] - west],
    [dx, east - a[0]],
    [-dy, a[1] - south],
    [dy, north - a[1]],
  ];
  for (const [p, q] of checks) {
    if (p === 0) {
      if (q < 0) return null;
      continue;
    }
    const t = q / p;
    if (p < 0) {
      if (t > t1) return null;
      if (t > t0) t0 = t;
    } else {
      if (t < t0) return null;
      if (t < t1) t1 = t;
    }
  }
  return [
    [a[0] + t0 * dx, a[1] + t0 * dy],
    [a[0] + t1 * dx, a[1] + t1 * dy],
  ];
}

/** Polygons of a (Multi)Polygon geometry as arrays of rings. */
function polygonsOf(geometry) {
  if (geometry.type === 'Polygon') return [geometry.coordinates];
  if (geometry.type === 'MultiPolygon') return geometry.coordinates;
  throw new Error(`Expected polygons, got ${geometry.type}`);
}

/** Land polygons, optionally clipped, rounded and wound; collapsed rings are dropped. */
function landPolygons(collection, clip) {
  const out = [];
  for (const { geometry } of collection.features) {
    for (const polygon of polygonsOf(geometry)) {
      const rings = [];
      for (const [index, ring] of polygon.entries()) {
        const clipped = clip ? clipRing(ring, clip) : ring;
        const rounded = clipped && roundRing(clipped);
        if (!rounded) {
          if (index === 0) break; // no exterior ring left: the holes go with it
          continue;
        }
        rings.push(wind(rounded, index === 0));
      }
      if (rings.length > 0) out.push(rings);
    }
  }
  return out;
}

function borderLines(geometry, clip) {
  const lines = geometry.type === 'LineString' ? [geometry.coordinates] : geometry.coordinates;
  const cut = clip ? lines.flatMap((line) => clipLine(line, clip)) : lines;
  return cut.map(roundLine).filter((line) => line.length >= 2);
}

// ---------- build ----------

function readAtlas(name) {
  return require(`world-atlas/${name}`);
}

function landFeature(detail, polygons) {
  return { type: 'Feature', properties: { detail }, geometry: { type: 'MultiPolygon', coordinates: polygons } };
}

function borderFeature(detail, lines) {
  return { type: 'Feature', properties: { detail }, geometry: { type: 'MultiLineString', coordinates: lines } };
}

function countryBorders(topology) {
  return mesh(topology, topology.objects.countries, (a, b) => a !== b);
}

function buildOfflineMap() {
  const land110 = readAtlas('land-110m.json');
  const land50 = readAtlas('land-50m.json');
  const countries110 = readAtlas('countries-110m.json');
  const countries50 = readAtlas('countries-50m.json');

  const land = {
    type: 'FeatureCollection',
    features: [
      landFeature('world', landPolygons(feature(land110, land110.objects.land))),
      landFeature('region', landPolygons(feature(land50, land50.objects.land), REGION)),
    ],
  };
  const borders = {
    type: 'FeatureCollection',
    features: [borderFeature('world', borderLines(countryBorders(countries110))), borderFeature('region', borderLines(countryBorders(countries50), REGION))],
  };

  const source = (data) => ({
    type: 'geojson',
    data,
    // The data is coarse: tiles past zoom 10 would only cost a cheap phone time; they are overscaled instead.
    maxzoom: 10,
    attribution: 'Natural Earth',
  });
  const byDetail = (detail) => ['==', ['get', 'detail'], detail];
  const world = { maxzoom: DETAIL_ZOOM, filter: byDetail('world') };
  const region = { minzoom: DETAIL_ZOOM, filter: byDetail('region') };
  const borderPaint = {
    'line-color': COLORS.border,
    'line-width': ['interpolate', ['linear'], ['zoom'], 3, 0.8, 10, 2],
    'line-dasharray': [3, 2],
  };

  const style = {
    version: 8,
    name: 'Baan offline basemap',
    metadata: { 'baan:source': 'Natural Earth via world-atlas; regenerate with node scripts/build-offline-map.mjs' },
    center: [104, 16],
    zoom: 4,
    sources: {
      land: source('/map/land.geojson'),
      borders: source('/map/borders.geojson'),
    },
    layers: [
      { id: 'water', type: 'background', paint: { 'background-color': COLORS.water } },
      { id: 'land-world', type: 'fill', source: 'land', ...world, paint: { 'fill-color': COLORS.land } },
      { id: 'land-region', type: 'fill', source: 'land', ...region, paint: { 'fill-color': COLORS.land } },
      { id: 'borders-world', type: 'line', source: 'borders', ...world, paint: borderPaint },
      { id: 'borders-region', type: 'line', source: 'borders', ...region, paint: borderPaint },
    ],
  };

  return { land, borders, style };
}

async function main() {
  const { land, borders, style } = buildOfflineMap();
  await mkdir(OUT, { recursive: true });
  const files = [
    ['land.geojson', JSON.stringify(land)],
    ['borders.geojson', JSON.stringify(borders)],
    ['offline-style.json', `${JSON.stringify(style, null, 2)}\n`],
  ];
  for (const [name, text] of files) {
    await writeFile(new URL(name, OUT), text);
    console.log(`public/map/${name}: ${(Buffer.byteLength(text) / 1024).toFixed(1)} KB`);
  }
}

await main();
