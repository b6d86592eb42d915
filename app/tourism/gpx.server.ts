import { gpx } from '@tmcw/togeojson';
import { DOMParser } from '@xmldom/xmldom';
import simplify from 'simplify-js';
import { AppError } from '~/lib/errors.ts';
import { trackStats } from './geo.ts';

/** The largest GPX file accepted, and the most track points read from it. */
export const MAX_GPX_BYTES = 5 * 1024 * 1024;
export const MAX_GPX_POINTS = 50_000;
/** Points kept after simplification: enough to draw a trail, small enough for a phone. */
export const MAX_TRACK_POINTS = 1500;

export type Track = { points: [number, number, number?][]; lengthM: number; gainM: number; start: { lat: number; lon: number } };

/**
 * Reads a GPX file into a trail: every track and route line joined in order, its length and
 * elevation gain measured on all points, then simplified for drawing. Anything that is not GPX,
 * is malformed, too big or has too many points is refused with a message for the editor.
 */
export function parseGpx(bytes: Uint8Array): Track {
  if (bytes.byteLength === 0) throw new AppError('invalid', 'tourism:errors.gpxEmpty');
  if (bytes.byteLength > MAX_GPX_BYTES) throw new AppError('payload_too_large', 'tourism:errors.gpxTooBig');
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  let doc: ReturnType<DOMParser['parseFromString']>;
  try {
    doc = new DOMParser({
      onError: (level) => {
        if (level !== 'warning') throw new Error('malformed');
      },
    }).parseFromString(text, 'application/xml');
  } catch {
    throw new AppError('invalid', 'tourism:errors.gpxMalformed');
  }
  if (doc.documentElement?.localName !== 'gpx') throw new AppError('invalid', 'tourism:errors.gpxNotGpx');
  const points: number[][] = [];
  // Count before converting: a file with millions of points is refused without building them all.
  const count = doc.getElementsByTagName('trkpt').length + doc.getElementsByTagName('rtept').length;
  if (count > MAX_GPX_POINTS) throw new AppError('invalid', 'tourism:errors.gpxTooManyPoints');
  const collection = gpx(doc as unknown as Parameters<typeof gpx>[0]);
  for (const feature of collection.features) {
    const g = feature.geometry;
    if (g?.type === 'LineString') points.push(...(g.coordinates as number[][]));
    else if (g?.type === 'MultiLineString') for (const line of g.coordinates as number[][][]) points.push(...line);
  }
  const valid = points.filter((p) => Number.isFinite(p[0]) && Number.isFinite(p[1]) && Math.abs(p[1]!) <= 90 && Math.abs(p[0]!) <= 180);
  if (valid.length < 2) throw new AppError('invalid', 'tourism:errors.gpxNoTrack');
  const { lengthM, gainM } = trackStats(valid);
  // Douglas–Peucker in degrees, tightened until the line fits the point budget.
  let tolerance = 0.00002;
  let kept = valid;
  do {
    const simplified = simplify(
      valid.map((p, i) => ({ x: p[0]!, y: p[1]!, i }) as { x: number; y: number }),
      tolerance,
      true,
    ) as unknown as { x: number; y: number; i: number }[];
    kept = simplified.map((s) => valid[s.i]!);
    tolerance *= 2;
  } while (kept.length > MAX_TRACK_POINTS);
  const round = (n: number, d: number) => Math.round(n * 10 ** d) / 10 ** d;
  return {
    points: kept.map(
      (p) =>
        (typeof p[2] === 'number' ? [round(p[0]!, 6), round(p[1]!, 6), Math.round(p[2])] : [round(p[0]!, 6), round(p[1]!, 6)]) as [number, number, number?],
    ),
    lengthM,
    gainM,
    start: { lat: valid[0]![1]!, lon: valid[0]![0]! },
  };
}
