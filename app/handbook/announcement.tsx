import type { ReactNode } from 'react';
import type { Locale } from '~/i18n/config.ts';

/** What an announcement card shows: its texts, each with its language where it is not the page's. */
export type AnnouncementCardData = { id: string; title: string; body: string; lang: { title: Locale | undefined; body: Locale | undefined } };

/**
 * One announcement of the commune, as the news page and the commune's home page show it. `badge`
 * goes before the title (the news page's "Pinned"), `meta` under it (its dates).
 */
export function AnnouncementCard({
  announcement: a,
  pinned,
  badge,
  meta,
}: {
  announcement: AnnouncementCardData;
  pinned: boolean;
  badge?: ReactNode;
  meta?: ReactNode;
}) {
  return (
    <article id={`announcement-${a.id}`} className={`card announcement${pinned ? ' pinned' : ''}`}>
      <h3>
        {badge} <span lang={a.lang.title}>{a.title}</span>
      </h3>
      {meta}
      {a.body ? (
        <p className="pre-line" lang={a.lang.body}>
          {a.body}
        </p>
      ) : null}
    </article>
  );
}
