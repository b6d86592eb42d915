import type { MetaDescriptor } from 'react-router';

/** What a page's loader may say about itself; both optional. */
type PageFacts = { title?: unknown; description?: unknown };

/** The part of React Router's meta arguments this reads (any route's `Route.MetaArgs` fits). */
type PageMetaArgs = {
  loaderData: unknown;
  matches: ReadonlyArray<{ id: string; loaderData: unknown } | undefined>;
};

const text = (value: unknown): string | null => (typeof value === 'string' && value.trim() !== '' ? value : null);

/**
 * A page's `<title>` and `<meta name="description">`. The title is the loader's `title` with the
 * site's name; the description is the loader's own `description`, else the root's (the commune's
 * or the site's, in the reader's language), so every page says what it is in search results and
 * link previews. A page whose words live elsewhere in its data passes `title` and `description`
 * (an empty one falls back too). Pages nobody should find through a search engine (a one-time
 * link, an editor) pass `noindex`.
 */
export function pageMeta(args: PageMetaArgs, options: { noindex?: boolean; title?: string; description?: string | null } = {}): MetaDescriptor[] {
  const own = (args.loaderData ?? {}) as PageFacts;
  const root = (args.matches.find((m) => m?.id === 'root')?.loaderData ?? {}) as PageFacts;
  const title = options.title ?? `${text(own.title) ?? ''} · Baan`;
  const description = text(options.description) ?? text(own.description) ?? text(root.description);
  return [
    { title },
    ...(description ? [{ name: 'description', content: description }] : []),
    ...(options.noindex ? [{ name: 'robots', content: 'noindex' }] : []),
  ];
}
