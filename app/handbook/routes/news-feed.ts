import { requireCommune, scopeOf } from '~/auth/guards.server.ts';
import { getI18n } from '~/i18n/translator.server.ts';
import { publicOrigin } from '~/lib/env.server.ts';
import { localized } from '~/tenancy/commune.ts';
import { feedEntries, toAtom, toRss } from '../feed-output.server.ts';
import { listAnnouncements, listNews } from '../news.server.ts';
import type { Route } from './+types/news-feed';

/** `/{commune}/news.rss` and `/{commune}/news.atom`: announcements and news, in the commune's language. */
export async function loader({ context, request }: Route.LoaderArgs) {
  const commune = requireCommune(context);
  const scope = { ...scopeOf(context), tenantId: commune.id };
  const locale = commune.defaultLocale;
  const url = new URL(request.url);
  // Links name the configured site, never the Host header the client sent.
  const origin = publicOrigin(request);
  const atom = url.pathname.endsWith('.atom');
  const [announcements, news] = await Promise.all([listAnnouncements(scope, locale, locale), listNews(scope, 50)]);
  const entries = feedEntries(origin, commune.slug, announcements, news).slice(0, 50);
  const name = localized(commune.name, locale, locale).text;
  const channel = {
    title: `${name} — ${getI18n(context).t('handbook:news.title', { lng: locale })}`,
    description: localized(commune.tagline, locale, locale).text || name,
    link: `${origin}/${commune.slug}/news`,
    self: `${origin}${url.pathname}`,
    language: locale,
    updated: entries[0]?.date ?? new Date(0),
  };
  return new Response(atom ? toAtom(channel, entries) : toRss(channel, entries), {
    headers: {
      'Content-Type': atom ? 'application/atom+xml; charset=utf-8' : 'application/rss+xml; charset=utf-8',
      'Cache-Control': 'public, max-age=300',
    },
  });
}
