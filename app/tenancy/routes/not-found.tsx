import type { RouteHandle } from '~/ui/route-handle.ts';
import { notFound } from '~/lib/errors.ts';

/** A reading page: plain HTML, no JavaScript to download (see root.tsx). */
export const handle: RouteHandle = { hydrate: false };

/** Any unknown URL: the root ErrorBoundary shows a translated 404 page. */
export function loader(): never {
  notFound();
}

export function action(): never {
  notFound();
}

export default function NotFound() {
  return null;
}
