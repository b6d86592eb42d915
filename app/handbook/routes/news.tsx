import { useT } from '~/i18n/use-t.ts';
import { Link } from 'react-router';
import { viewerCan, requireCommune, scopeOf } from '~/auth/guards.server.ts';
import { formatDate } from '~/i18n/format.ts';
import { getI18n, getLocale } from '~/i18n/translator.server.ts';
import type { RouteHandle } from '~/ui/route-handle.ts';
import { OfflinePage } from '../offline-page.tsx';
import { AnnouncementCard } from '../announcement.tsx';
import { listAnnouncements, listNews } from '../news.server.ts';
import type { Route } from './+types/news';
import { pageMeta } from '~/ui/meta.ts';

export const handle: RouteHandle = { hydrate: false };

export async function loader({ context }: Route.LoaderArgs) {
  const commune = requireCommune(context);
  const locale = getLocale(context);
  const scope = { ...scopeOf(context), tenantId: commune.id };
  const [announcements, news] = await Promise.all([listAnnouncements(scope, locale, commune.defaultLocale), listNews(scope)]);
  const date = (d: Date | null) => (d ? formatDate(d, locale, commune.timeZone) : '');
  return {
    slug: commune.slug,
    title: getI18n(context).t('handbook:news.title'),
    announcements: announcements.map((a) => ({
      id: a.id,
      title: a.title,
      body: a.body,
      lang: a.lang,
      pinned: a.pinned,
      date: date(a.publishedAt),
      expires: a.expiresAt ? date(a.expiresAt) : null,
    })),
    news: news.map((n) => ({ ...n, publishedAt: undefined, date: date(n.publishedAt) })),
    canManage: await viewerCan(context, 'news.manage'),
  };
}

export const meta: Route.MetaFunction = (args) => pageMeta(args);

export default function News({ loaderData }: Route.ComponentProps) {
  const { t } = useT();
  const d = loaderData;
  return (
    <div className="stack">
      <link rel="alternate" type="application/rss+xml" href={`/${d.slug}/news.rss`} title="RSS" />
      <link rel="alternate" type="application/atom+xml" href={`/${d.slug}/news.atom`} title="Atom" />
      <h1>{t('handbook:news.title')}</h1>
      <section aria-labelledby="announcements-title">
        <h2 id="announcements-title">{t('handbook:news.announcements')}</h2>
        {d.announcements.length === 0 ? <p className="muted">{t('handbook:news.noAnnouncements')}</p> : null}
        {d.announcements.map((a) => (
          <AnnouncementCard
            key={a.id}
            announcement={a}
            pinned={a.pinned}
            badge={a.pinned ? <span className="badge">{t('handbook:news.pinned')}</span> : null}
            meta={
              <p className="muted">
                {a.date}
                {a.expires ? ` · ${t('handbook:news.until', { date: a.expires })}` : ''}
              </p>
            }
          />
        ))}
      </section>
      <section aria-labelledby="news-title">
        <h2 id="news-title">{t('handbook:news.fromPress')}</h2>
        {d.news.length === 0 ? <p className="muted">{t('handbook:news.noNews')}</p> : null}
        <ul className="news-list">
          {d.news.map((n) => (
            <li key={n.id}>
              {n.link ? (
                <a href={n.link} rel="noopener nofollow" target="_blank">
                  {n.title}
                </a>
              ) : (
                <strong>{n.title}</strong>
              )}
              <p className="muted">{t('handbook:news.source', { source: n.source, date: n.date })}</p>
              {n.summary ? <p>{n.summary}</p> : null}
            </li>
          ))}
        </ul>
      </section>
      <p>
        {t('handbook:news.subscribe')} <a href={`/${d.slug}/news.rss`}>RSS</a> · <a href={`/${d.slug}/news.atom`}>Atom</a>
        {d.canManage ? (
          <>
            {' · '}
            <Link to={`/${d.slug}/news/manage`}>{t('handbook:news.manage')}</Link>
          </>
        ) : null}
      </p>
      <OfflinePage />
    </div>
  );
}
