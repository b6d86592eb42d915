const R = 6_371_008.8;
const rad = (d: number) => (d * Math.PI) / 180;

/** Great-circle distance in metres between two [lon, lat] points. */
export function haversine(a: readonly number[], b: readonly number[]): number {
  const dLat = rad(b[1]! - a[1]!);
  const dLon = rad(b[0]! - a[0]!);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a[1]!)) * Math.cos(rad(b[1]!)) * Math.sin(dLon / 2) ** 2;
  return 2 * R * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * Climb in metres, counting a rise only once it passes `threshold` above the last low point, so
 * GPS elevation noise on a flat path does not add up to a mountain.
 */
export function elevationGain(elevations: number[], threshold = 3): number {
  let gain = 0;
  let low = elevations[0];
  let high = elevations[0];
  for (const e of elevations) {
    if (low === undefined || high === undefined) {
      low = high = e;
      continue;
    }
    if (e > high) high = e;
    if (e < high - threshold) {
      if (high - low >= threshold) gain += high - low;
      low = high = e;
    } else if (e < low) {
      low = high = e;
    }
  }
  if (low !== undefined && high !== undefined && high - low >= threshold) gain += high - low;
  return Math.round(gain);
}

/** A track's length (metres, along every point) and climb (0 unless every point has an elevation). */
export function trackStats(points: readonly (readonly number[])[]): { lengthM: number; gainM: number } {
  let length = 0;
  for (let i = 1; i < points.length; i++) length += haversine(points[i - 1]!, points[i]!);
  const elevations = points.map((p) => p[2]).filter((e): e is number => typeof e === 'number' && Number.isFinite(e));
  return { lengthM: Math.round(length), gainM: elevations.length === points.length ? elevationGain(elevations) : 0 };
}
