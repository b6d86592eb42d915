import { KIND_COLORS } from './kinds.ts';

/**
 * A trail drawn as plain SVG on the server: no map library, no network, readable on any phone.
 * Longitude is scaled by the cosine of the latitude so the shape is true to the ground.
 */
export function TrackSvg({ track, label, width = 320, height = 200 }: { track: [number, number, number?][]; label: string; width?: number; height?: number }) {
  if (track.length < 2) return null;
  const midLat = (track.reduce((s, p) => s + p[1], 0) / track.length) * (Math.PI / 180);
  const xs = track.map((p) => p[0] * Math.cos(midLat));
  const ys = track.map((p) => p[1]);
  const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const pad = 12;
  const scale = Math.min((width - 2 * pad) / (maxX - minX || 1e-9), (height - 2 * pad) / (maxY - minY || 1e-9));
  const offsetX = (width - (maxX - minX) * scale) / 2;
  const offsetY = (height - (maxY - minY) * scale) / 2;
  const points = xs.map((x, i) => `${((x - minX) * scale + offsetX).toFixed(1)},${(height - ((ys[i]! - minY) * scale + offsetY)).toFixed(1)}`);
  const [sx, sy] = points[0]!.split(',');
  const [ex, ey] = points[points.length - 1]!.split(',');
  return (
    <svg className="track-svg" viewBox={`0 0 ${width} ${height}`} role="img" aria-label={label}>
      <rect width={width} height={height} fill="#eef3ee" rx="8" />
      <polyline points={points.join(' ')} fill="none" stroke={KIND_COLORS.trail} strokeWidth="3" strokeLinejoin="round" strokeLinecap="round" />
      <circle cx={sx} cy={sy} r="5" fill="#fff" stroke={KIND_COLORS.trail} strokeWidth="3" />
      <circle cx={ex} cy={ey} r="5" fill={KIND_COLORS.trail} />
    </svg>
  );
}
