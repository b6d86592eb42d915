import type { AnnouncementView, NewsItemView } from './news.server.ts';

export type FeedEntry = { id: string; title: string; summary: string; link: string; date: Date; source?: { name: string } };

const escapeXml = (text: string) =>
  text
    // Characters XML 1.0 forbids, which a pasted text may carry.
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');

/** Announcements and imported news of a commune, newest first, as feed entries. */
export function feedEntries(origin: string, communeSlug: string, announcements: AnnouncementView[], news: NewsItemView[]): FeedEntry[] {
  const page = `${origin}/${communeSlug}/news`;
  return [
    ...announcements.map((a) => ({
      id: `${page}#announcement-${a.id}`,
      title: a.title,
      summary: a.body,
      link: `${page}#announcement-${a.id}`,
      date: a.publishedAt,
    })),
    ...news.map((n) => ({
      id: `${page}#news-${n.id}`,
      title: n.title,
      summary: n.summary,
      link: n.link ?? page,
      date: n.publishedAt ?? new Date(0),
      source: { name: n.source },
    })),
  ].sort((x, y) => y.date.getTime() - x.date.getTime());
}

type Channel = { title: string; description: string; link: string; self: string; language: string; updated: Date };

/** RSS 2.0, with an atom:link to itself as the RSS Advisory Board recommends. */
export function toRss(channel: Channel, entries: FeedEntry[]): string {
  const items = entries
    .map(
      (e) => `    <item>
      <title>${escapeXml(e.title)}</title>
      <link>${escapeXml(e.link)}</link>
      <guid isPermaLink="false">${escapeXml(e.id)}</guid>
      <pubDate>${e.date.toUTCString()}</pubDate>
      <description>${escapeXml(e.source ? `${e.summary} — ${e.source.name}` : e.summary)}</description>
    </item>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">
  <channel>
    <title>${escapeXml(channel.title)}</title>
    <link>${escapeXml(channel.link)}</link>
    <description>${escapeXml(channel.description)}</description>
    <language>${escapeXml(channel.language)}</language>
    <lastBuildDate>${channel.updated.toUTCString()}</lastBuildDate>
    <atom:link href="${escapeXml(channel.self)}" rel="self" type="application/rss+xml"/>
${items}
  </channel>
</rss>
`;
}

/** Atom 1.0 (RFC 4287). */
export function toAtom(channel: Channel, entries: FeedEntry[]): string {
  const items = entries
    .map(
      (e) => `  <entry>
    <id>${escapeXml(e.id)}</id>
    <title>${escapeXml(e.title)}</title>
    <link rel="alternate" href="${escapeXml(e.link)}"/>
    <updated>${e.date.toISOString()}</updated>
    <summary>${escapeXml(e.summary)}</summary>${e.source ? `\n    <source><title>${escapeXml(e.source.name)}</title></source>` : ''}
  </entry>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${escapeXml(channel.language)}">
  <id>${escapeXml(channel.link)}</id>
  <title>${escapeXml(channel.title)}</title>
  <subtitle>${escapeXml(channel.description)}</subtitle>
  <link rel="alternate" href="${escapeXml(channel.link)}"/>
  <link rel="self" href="${escapeXml(channel.self)}"/>
  <updated>${channel.updated.toISOString()}</updated>
  <author><name>${escapeXml(channel.title)}</name></author>
${items}
</feed>
`;
}
