import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { validateStyleMin, type StyleSpecification } from '@maplibre/maplibre-gl-style-spec';
import { getIssues } from '@placemarkio/check-geojson';
import { describe, expect, it } from 'vitest';

// The offline basemap is the map tourists get when the tile server is unreachable, so it must
// load with no network at all: every file it names is ours and sits in public/.

const publicDir = fileURLToPath(new URL('../../public/', import.meta.url));
const readPublic = (path: string) => readFileSync(`${publicDir}${path.replace(/^\//, '')}`, 'utf8');

const style = JSON.parse(readPublic('/map/offline-style.json')) as StyleSpecification;
const landText = readPublic('/map/land.geojson');
const bordersText = readPublic('/map/borders.geojson');

type Position = [number, number];
type Collection<G> = { type: 'FeatureCollection'; features: { properties: { detail: string }; geometry: G }[] };
type Land = Collection<{ type: 'MultiPolygon'; coordinates: Position[][][] }>;
type Borders = Collection<{ type: 'MultiLineString'; coordinates: Position[][] }>;
const land = JSON.parse(landText) as Land;
const borders = JSON.parse(bordersText) as Borders;

function allStrings(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const item of value) allStrings(item, out);
  else if (value && typeof value === 'object') for (const item of Object.values(value)) allStrings(item, out);
  return out;
}

function positions(value: unknown, out: Position[] = []): Position[] {
  if (Array.isArray(value) && typeof value[0] === 'number') out.push(value as Position);
  else if (Array.isArray(value)) for (const item of value) positions(item, out);
  return out;
}

/** Even-odd rule over every ring (holes included). */
function onLand(detail: string, [x, y]: Position): boolean {
  const polygons = land.features.find((f) => f.properties.detail === detail)?.geometry.coordinates ?? [];
  let inside = false;
  for (const ring of polygons.flat()) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i]!;
      const [xj, yj] = ring[j]!;
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
    }
  }
  return inside;
}

function distanceToBorder(detail: string, [x, y]: Position): number {
  const lines = borders.features.find((f) => f.properties.detail === detail)?.geometry.coordinates ?? [];
  let best = Infinity;
  for (const line of lines) {
    for (let i = 1; i < line.length; i++) {
      const [ax, ay] = line[i - 1]!;
      const [bx, by] = line[i]!;
      const length2 = (bx - ax) ** 2 + (by - ay) ** 2;
      const t = length2 === 0 ? 0 : Math.max(0, Math.min(1, ((x - ax) * (bx - ax) + (y - ay) * (by - ay)) / length2));
      best = Math.min(best, Math.hypot(x - (ax + t * (bx - ax)), y - (ay + t * (by - ay))));
    }
  }
  return best;
}

describe('offline basemap style', () => {
  it('is a valid MapLibre style, version 8', () => {
    expect(style.version).toBe(8);
    expect(validateStyleMin(style)).toEqual([]);
  });

  it('needs no network: no glyphs, no sprite, no text, only our own files', () => {
    expect(style).not.toHaveProperty('glyphs');
    expect(style).not.toHaveProperty('sprite');
    expect(style.layers.filter((layer) => layer.type === 'symbol')).toEqual([]);
    for (const text of allStrings(style)) {
      expect(text, 'no absolute or protocol-relative URL').not.toMatch(/^([a-z][a-z0-9+.-]*:|\/\/)/i);
    }
    const sources = Object.values(style.sources);
    expect(sources.length).toBeGreaterThan(0);
    for (const source of sources) {
      expect(source.type).toBe('geojson');
      const data = (source as { data: unknown }).data;
      expect(typeof data).toBe('string');
      expect(data).toMatch(/^\/map\/[a-z-]+\.geojson$/);
      expect(existsSync(`${publicDir}${(data as string).slice(1)}`)).toBe(true);
    }
  });

  it('draws water, land and borders', () => {
    const types = style.layers.map((layer) => layer.type);
    expect(style.layers[0]?.type).toBe('background');
    expect(types).toContain('fill');
    expect(types).toContain('line');
  });

  it('stays small enough for a weak network', () => {
    expect(landText.length + bordersText.length).toBeLessThan(400 * 1024);
  });
});

describe('offline basemap data', () => {
  it('is valid GeoJSON', () => {
    expect(getIssues(landText)).toEqual([]);
    expect(getIssues(bordersText)).toEqual([]);
    expect(land.features.map((f) => f.geometry.type)).toEqual(['MultiPolygon', 'MultiPolygon']);
    expect(borders.features.map((f) => f.geometry.type)).toEqual(['MultiLineString', 'MultiLineString']);
  });

  it('has every position longitude first and in range', () => {
    const all = [...positions(land.features.map((f) => f.geometry.coordinates)), ...positions(borders.features.map((f) => f.geometry.coordinates))];
    expect(all.length).toBeGreaterThan(1000);
    for (const position of all) {
      expect(position).toHaveLength(2);
      const [lon, lat] = position;
      if (!(lon >= -180 && lon <= 180 && lat >= -90 && lat <= 90)) throw new Error(`Position out of range: ${position}`);
    }
  });

  it('puts Vietnamese and Thai places on land and the seas in water', () => {
    const hanoi: Position = [105.854, 21.029];
    const saPa: Position = [103.844, 22.336];
    const chiangMai: Position = [98.985, 18.788];
    const gulfOfThailand: Position = [101.5, 10];
    for (const place of [hanoi, saPa, chiangMai]) {
      expect(onLand('region', place)).toBe(true);
      expect(onLand('world', place)).toBe(true);
    }
    expect(onLand('region', gulfOfThailand)).toBe(false);
    expect(onLand('world', [2.35, 48.857])).toBe(true); // Paris: the world layer covers the globe
    expect(onLand('world', [-30, 30])).toBe(false); // the Atlantic
  });

  it('draws the border between Vietnam and China at Lào Cai', () => {
    expect(distanceToBorder('region', [103.97, 22.5])).toBeLessThan(0.1);
    expect(distanceToBorder('region', [105.854, 21.029])).toBeGreaterThan(0.5); // Hanoi is far from any border
  });
});
