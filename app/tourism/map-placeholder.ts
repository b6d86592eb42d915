import type { CSSProperties } from 'react';

/**
 * The map's box before MapLibre and map.css arrive: the server draws it with this inline style
 * so nothing moves when the map comes. Keep it in step with `.map-box` in map.css; a page can
 * change both with --map-height.
 */
export const MAP_PLACEHOLDER: CSSProperties = {
  height: 'var(--map-height, min(55vh, 28rem))',
  border: '1px solid var(--line)',
  borderRadius: 'var(--radius)',
  background: '#cfe2ec',
};
