import { notFound } from '~/lib/errors.ts';

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
