import { createHash } from 'node:crypto';
import { parseFeed } from '@rowanmanning/feed-parser';
import sanitizeHtml from 'sanitize-html';
import { AppError } from '~/lib/errors.ts';

// A commune shows headlines from outside news sites, never their articles: only a title, a short
// plain-text summary and a link back are kept, so no foreign HTML ever reaches a page and the
// publisher keeps its readers.

export type ParsedFeedItem = { guid: string; title: string; summary: string; link: string | null; publishedAt: Date | null };
export type ParsedFeed = { title: string; link: string | null; items: ParsedFeedItem[] };

const MAX_TITLE = 300;
const MAX_SUMMARY = 500;
// A guid is a lookup key for "already imported"; an absurdly long one is replaced by its hash.
const MAX_GUID = 500;

// Block elements end a line of text; without a space "<p>a</p><p>b</p>" would read "ab".
const BLOCK_TAG = /<\/?(?:p|div|br|hr|li|ul|ol|h[1-6]|tr|td|th|table|blockquote|figure|figcaption|section|article|header|footer|pre)\b[^>]*>/gi;
// sanitize-html decodes every entity in the input and escapes only these in its text output.
const ESCAPED = /&(amp|lt|gt|quot);/g;
const UNESCAPE: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"' };

/** Plain text of a piece of feed HTML: no tags, no entities, whitespace collapsed. */
function toPlainText(html: string): string {
  const stripped = sanitizeHtml(html.replace(BLOCK_TAG, ' $&'), {
    allowedTags: [],
    allowedAttributes: {},
    // script, style and the like lose their content too, not just their tags.
    nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'iframe', 'template', 'head', 'title'],
  });
  return stripped
    .replace(ESCAPED, (_, name: string) => UNESCAPE[name]!)
    .replace(/[\u0000-\u001f\u007f\u200b\u2028\u2029\ufeff]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Cuts at the last word boundary that fits, ellipsis included. */
function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  const room = text.slice(0, max - 1);
  const lastSpace = room.lastIndexOf(' ');
  // A single very long "word" (a URL, or text without spaces) is cut mid-word instead.
  const head = lastSpace > max / 2 ? room.slice(0, lastSpace) : room;
  return `${head.replace(/[\s,;:.\-–—]+$/u, '')}…`;
}

function httpUrl(raw: string | null | undefined, base: string | null): string | null {
  if (!raw) return null;
  try {
    const url = new URL(raw.trim(), base ?? undefined);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

type Candidate = { guid: string; title: string; link: string | null; publishedAt: Date | null; raw: { description: string | null; content: string | null } };

/**
 * Reads RSS 2.0, RSS 1.0 (RDF) or Atom text into headlines: plain-text title and summary,
 * absolute http(s) link, a stable guid and a date. Keeps the newest `maxItems` items.
 */
export function parseFeedText(xml: string, maxItems = 200): ParsedFeed {
  let feed: ReturnType<typeof parseFeed>;
  let entries: ReturnType<typeof parseFeed>['items'];
  try {
    feed = parseFeed(xml);
    // `items` is a getter that rebuilds the list on every read: read it once.
    entries = feed.items;
  } catch {
    throw new AppError('invalid', 'handbook:feeds.errors.notAFeed');
  }

  // Every item resolves its link against `feed.url`, a getter that walks all the children of
  // the channel: over thousands of items that is quadratic (seconds of CPU for one 2 MB feed).
  // Reading it once and pinning the value on the instance makes each item's link cheap.
  const rawFeedUrl = feed.url;
  Object.defineProperty(feed, 'url', { value: rawFeedUrl });
  const feedLink = httpUrl(rawFeedUrl, null);
  const candidates: Candidate[] = [];
  for (const entry of entries) {
    const title = cut(toPlainText(entry.title ?? ''), MAX_TITLE);
    const link = httpUrl(entry.url, feedLink);
    if (!title && !link) continue;
    const date = entry.published ?? entry.updated;
    const publishedAt = date && !Number.isNaN(date.getTime()) ? date : null;
    let guid = (entry.id ?? '').trim() || link || sha256(`${title}\n${publishedAt?.toISOString() ?? ''}`);
    if (guid.length > MAX_GUID) guid = sha256(guid);
    candidates.push({ guid, title, link, publishedAt, raw: { description: entry.description, content: entry.content } });
  }

  // Newest first when dates exist; undated items keep feed order after the dated ones.
  const ordered = candidates
    .map((c, index) => ({ c, index }))
    .sort((a, b) => {
      const ta = a.c.publishedAt?.getTime();
      const tb = b.c.publishedAt?.getTime();
      if (ta !== undefined && tb !== undefined && ta !== tb) return tb - ta;
      if (ta === undefined && tb !== undefined) return 1;
      if (ta !== undefined && tb === undefined) return -1;
      return a.index - b.index;
    })
    .slice(0, Math.max(0, maxItems))
    .map(({ c }) => c);

  // Summaries are made only for the items kept; a full article in <content> is cut down as well.
  const items = ordered.map(({ raw, ...item }) => ({
    ...item,
    summary: cut(toPlainText(raw.description || raw.content || ''), MAX_SUMMARY),
  }));

  return { title: cut(toPlainText(feed.title ?? ''), MAX_TITLE), link: feedLink, items };
}
