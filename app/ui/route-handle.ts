import { useMatches } from 'react-router';

/**
 * Reading pages ship no JavaScript: a route whose `handle` says `{ hydrate: false }` is plain
 * HTML and CSS (links and forms work as they are). Interactive pages hydrate as usual.
 */
export type RouteHandle = { hydrate?: boolean };

/** Whether a page whose matched routes have these handles loads React (the server's renderer asks too). */
export function hydratesWith(handles: readonly unknown[]): boolean {
  return !handles.some((handle) => (handle as RouteHandle | undefined)?.hydrate === false);
}

export function useHydrate(): boolean {
  return hydratesWith(useMatches().map((match) => match.handle));
}
