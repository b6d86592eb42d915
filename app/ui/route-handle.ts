import { useMatches } from 'react-router';

/**
 * Reading pages ship no JavaScript: a route whose `handle` says `{ hydrate: false }` is plain
 * HTML and CSS (links and forms work as they are). Interactive pages hydrate as usual.
 */
export type RouteHandle = { hydrate?: boolean };

export function useHydrate(): boolean {
  return !useMatches().some((match) => (match.handle as RouteHandle | undefined)?.hydrate === false);
}
