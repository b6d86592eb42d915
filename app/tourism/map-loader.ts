// How the map pages' scripts fetch the map: MapLibre's chunk (places-map.ts) and its stylesheets.

export type PlacesMapModule = typeof import('./places-map.ts');

/** The map module once it and its stylesheets are here; null when the network lost it, and then `retry` runs when the phone is back online. */
export async function importPlacesMap(retry: () => void): Promise<PlacesMapModule | null> {
  try {
    const module = await import('./places-map.ts');
    await module.loadMapStyles();
    return module;
  } catch {
    window.addEventListener('online', retry, { once: true });
    return null;
  }
}
