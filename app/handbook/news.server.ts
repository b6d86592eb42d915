import { and, asc, desc, eq, gt, isNull, lt, or, sql } from 'drizzle-orm';
import type { Db } from '#db/client.ts';
import { announcements, communes, contacts, feedRuns, feeds, newsItems } from '#db/schema/index.ts';
import { platformScope, withTenant, type CommuneScope } from '#db/scope.ts';
import type { PermittedScope } from '~/auth/permissions.ts';
import type { Locale } from '~/i18n/config.ts';
import { AppError } from '~/lib/errors.ts';
import { recordEvent } from '~/outbox/outbox.server.ts';
import { fetchLimited, type FetchLimits } from '~/lib/outbound-http.server.ts';
import { langOf, localized } from '~/tenancy/commune.ts';
import { parseFeedText } from './feed-parse.server.ts';
import type { AnnouncementInput, ContactInput } from './news-schemas.ts';

// ——— Contacts ———

export type ContactView = { id: string; team: 'officials' | 'tech_team'; name: string; role: string; phone: string | null; zalo: string | null; hours: string };

export async function listContacts(scope: CommuneScope, locale: Locale, fallback: Locale): Promise<ContactView[]> {
  return (await listContactsForEditing(scope)).map((c) => contactView(c, locale, fallback));
}

/** A stored contact in the reader's language. */
export function contactView(c: typeof contacts.$inferSelect, locale: Locale, fallback: Locale): ContactView {
  return {
    id: c.id,
    team: c.team,
    name: c.name,
    role: localized(c.role, locale, fallback).text,
    phone: c.phone,
    zalo: c.zalo,
    hours: localized(c.hours, locale, fallback).text,
  };
}

export async function addContact(scope: PermittedScope<'contact.manage'>, input: ContactInput): Promise<void> {
  await withTenant(scope, (tx) => tx.insert(contacts).values({ tenantId: scope.tenantId, ...input }));
}

/** A contact as stored, every language, for editing in place. */
export async function listContactsForEditing(scope: CommuneScope) {
  return withTenant(scope, (tx) =>
    tx.select().from(contacts).where(eq(contacts.tenantId, scope.tenantId)).orderBy(asc(contacts.team), asc(contacts.position), asc(contacts.name)),
  );
}

export async function updateContact(scope: PermittedScope<'contact.manage'>, id: string, input: ContactInput): Promise<void> {
  const rows = await withTenant(scope, (tx) =>
    tx
      .update(contacts)
      .set(input)
      .where(and(eq(contacts.tenantId, scope.tenantId), eq(contacts.id, id)))
      .returning({ id: contacts.id }),
  );
  if (!rows.length) throw new AppError('not_found', 'common:errors.notFound');
}

export async function deleteContact(scope: PermittedScope<'contact.manage'>, id: string): Promise<void> {
  const rows = await withTenant(scope, (tx) =>
    tx
      .delete(contacts)
      .where(and(eq(contacts.tenantId, scope.tenantId), eq(contacts.id, id)))
      .returning({ id: contacts.id }),
  );
  if (!rows.length) throw new AppError('not_found', 'common:errors.notFound');
}

// ——— Announcements and news ———

export type AnnouncementView = {
  id: string;
  title: string;
  body: string;
  /** Each text's language where it is not the reader's (for the element's `lang`). */
  lang: { title: Locale | undefined; body: Locale | undefined };
  pinned: boolean;
  publishedAt: Date;
  expiresAt: Date | null;
  fellBack: boolean;
};
export type NewsItemView = { id: string; title: string; summary: string; link: string | null; source: string; publishedAt: Date | null };

/** Live announcements (not expired), pinned first, then newest; `pinnedOnly` (the commune's home page) with a smaller `limit`. */
export async function listAnnouncements(
  scope: CommuneScope,
  locale: Locale,
  fallback: Locale,
  now = new Date(),
  options: { pinnedOnly?: boolean; limit?: number } = {},
): Promise<AnnouncementView[]> {
  const rows = await withTenant(scope, (tx) =>
    tx
      .select()
      .from(announcements)
      .where(
        and(
          eq(announcements.tenantId, scope.tenantId),
          lt(announcements.publishedAt, sql`${now.toISOString()}::timestamptz + interval '1 second'`),
          or(isNull(announcements.expiresAt), gt(announcements.expiresAt, sql`${now.toISOString()}::timestamptz`)),
          options.pinnedOnly ? eq(announcements.pinned, true) : undefined,
        ),
      )
      .orderBy(desc(announcements.pinned), desc(announcements.publishedAt))
      .limit(options.limit ?? 50),
  );
  return rows.map((a) => {
    const title = localized(a.title, locale, fallback);
    const body = localized(a.body, locale, fallback);
    return {
      id: a.id,
      title: title.text,
      body: body.text,
      lang: { title: langOf(title, locale), body: langOf(body, locale) },
      pinned: a.pinned,
      publishedAt: a.publishedAt,
      expiresAt: a.expiresAt,
      fellBack: title.fellBack,
    };
  });
}

export async function listNews(scope: CommuneScope, limit = 50): Promise<NewsItemView[]> {
  return withTenant(scope, (tx) =>
    tx
      .select({
        id: newsItems.id,
        title: newsItems.title,
        summary: newsItems.summary,
        link: newsItems.link,
        source: newsItems.source,
        publishedAt: newsItems.publishedAt,
      })
      .from(newsItems)
      .where(eq(newsItems.tenantId, scope.tenantId))
      .orderBy(desc(sql`coalesce(${newsItems.publishedAt}, ${newsItems.importedAt})`))
      .limit(limit),
  );
}

export async function addAnnouncement(scope: PermittedScope<'news.manage'>, input: AnnouncementInput): Promise<void> {
  await withTenant(scope, (tx) => tx.insert(announcements).values({ tenantId: scope.tenantId, ...input, createdBy: scope.userId }));
}

export async function deleteAnnouncement(scope: PermittedScope<'news.manage'>, id: string): Promise<void> {
  const rows = await withTenant(scope, (tx) =>
    tx
      .delete(announcements)
      .where(and(eq(announcements.tenantId, scope.tenantId), eq(announcements.id, id)))
      .returning({ id: announcements.id }),
  );
  if (!rows.length) throw new AppError('not_found', 'common:errors.notFound');
}

// ——— Feeds and the import log ———

export type FeedView = {
  id: string;
  url: string;
  title: string;
  active: boolean;
  lastRunAt: Date | null;
  runs: { startedAt: Date; status: 'ok' | 'failed'; itemsSeen: number; itemsNew: number; error: string | null }[];
};

export async function listFeeds(scope: PermittedScope<'news.manage'>): Promise<FeedView[]> {
  return withTenant(scope, async (tx) => {
    const rows = await tx.select().from(feeds).where(eq(feeds.tenantId, scope.tenantId)).orderBy(asc(feeds.createdAt));
    const runs = await tx.select().from(feedRuns).where(eq(feedRuns.tenantId, scope.tenantId)).orderBy(desc(feedRuns.startedAt)).limit(200);
    return rows.map((f) => ({
      id: f.id,
      url: f.url,
      title: f.title,
      active: f.active,
      lastRunAt: f.lastRunAt,
      runs: runs
        .filter((r) => r.feedId === f.id)
        .slice(0, 10)
        .map((r) => ({ startedAt: r.startedAt, status: r.status, itemsSeen: r.itemsSeen, itemsNew: r.itemsNew, error: r.error })),
    }));
  });
}

export async function addFeed(scope: PermittedScope<'news.manage'>, url: string): Promise<string> {
  return withTenant(scope, async (tx) => {
    const [row] = await tx.insert(feeds).values({ tenantId: scope.tenantId, url, createdBy: scope.userId }).onConflictDoNothing().returning({ id: feeds.id });
    if (!row) throw new AppError('conflict', 'handbook:feeds.errors.duplicate', { field: 'url' });
    return row.id;
  });
}

export async function deleteFeed(scope: PermittedScope<'news.manage'>, id: string): Promise<void> {
  const rows = await withTenant(scope, (tx) =>
    tx
      .delete(feeds)
      .where(and(eq(feeds.tenantId, scope.tenantId), eq(feeds.id, id)))
      .returning({ id: feeds.id }),
  );
  if (!rows.length) throw new AppError('not_found', 'common:errors.notFound');
}

/** Consecutive failed imports of a feed after which its officials and editors are told. */
export const FEED_FAILURES_TO_TELL = 3;

export type ImportResult = { status: 'ok' | 'failed'; itemsSeen: number; itemsNew: number; error: string | null };

/**
 * Imports one feed: fetch (outside any transaction, through the guarded outbound helper),
 * parse, then store new items (deduplicated by guid and by link) and one import-log row.
 * A failure is logged, never thrown: other feeds are unaffected.
 */
export async function importFeed(scope: CommuneScope, feedId: string, limits?: FetchLimits): Promise<ImportResult> {
  const [feed] = await withTenant(scope, (tx) =>
    tx
      .select()
      .from(feeds)
      .where(and(eq(feeds.tenantId, scope.tenantId), eq(feeds.id, feedId))),
  );
  if (!feed) throw new AppError('not_found', 'common:errors.notFound');
  const startedAt = new Date();
  let result: ImportResult;
  let parsedTitle = '';
  let items: ReturnType<typeof parseFeedText>['items'] = [];
  try {
    const response = await fetchLimited(
      feed.url,
      { headers: { Accept: 'application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.8' } },
      limits,
    );
    if (response.status >= 400) throw new AppError('invalid', 'handbook:feeds.errors.httpStatus', { status: response.status });
    const parsed = parseFeedText(decodeFeed(response.body, response.contentType));
    parsedTitle = parsed.title;
    items = parsed.items;
    result = { status: 'ok', itemsSeen: items.length, itemsNew: 0, error: null };
  } catch (error) {
    const message =
      error instanceof AppError ? error.messageKey + (error.details?.status ? ` (${String(error.details.status)})` : '') : 'handbook:feeds.errors.unexpected';
    result = { status: 'failed', itemsSeen: 0, itemsNew: 0, error: message };
  }
  await withTenant(scope, async (tx) => {
    const source = feed.title || parsedTitle || new URL(feed.url).hostname;
    if (items.length) {
      // One statement; a guid or link already stored (or repeated in the feed) is skipped.
      const inserted = await tx
        .insert(newsItems)
        .values(
          items.map((item) => ({
            tenantId: scope.tenantId,
            feedId,
            guid: item.guid.slice(0, 1000),
            title: item.title,
            summary: item.summary,
            link: item.link,
            source,
            publishedAt: item.publishedAt,
          })),
        )
        .onConflictDoNothing()
        .returning({ id: newsItems.id });
      result.itemsNew = inserted.length;
    }
    await tx.insert(feedRuns).values({ tenantId: scope.tenantId, feedId, startedAt, finishedAt: new Date(), ...result });
    if (result.status === 'failed') {
      // The officials hear once per run of failures: when the latest FEED_FAILURES_TO_TELL runs all
      // failed and the one before them did not.
      const recent = await tx
        .select({ status: feedRuns.status })
        .from(feedRuns)
        .where(and(eq(feedRuns.tenantId, scope.tenantId), eq(feedRuns.feedId, feedId)))
        .orderBy(desc(feedRuns.startedAt))
        .limit(FEED_FAILURES_TO_TELL + 1);
      const streak = recent.findIndex((run) => run.status !== 'failed');
      if ((streak === -1 ? recent.length : streak) === FEED_FAILURES_TO_TELL)
        await recordEvent(tx, scope.tenantId, 'news.feed_failing', { feedId, failures: FEED_FAILURES_TO_TELL }, null);
    }
    await tx
      .update(feeds)
      .set({ lastRunAt: startedAt, ...(!feed.title && parsedTitle ? { title: parsedTitle.slice(0, 200) } : {}) })
      .where(and(eq(feeds.tenantId, scope.tenantId), eq(feeds.id, feedId)));
  });
  return result;
}

/**
 * The schedule: every active feed of every commune not imported within `everyMs`. Runs as the
 * app role, one commune at a time, like a request would.
 */
export async function importDueFeeds(db: Db, everyMs: number, limits?: FetchLimits): Promise<number> {
  const list = await withTenant(platformScope(db), (tx) => tx.select({ id: communes.id }).from(communes));
  const dueBefore = new Date(Date.now() - everyMs);
  let runs = 0;
  for (const commune of list) {
    const scope = { db, tenantId: commune.id, userId: null };
    const due = await withTenant(scope, (tx) =>
      tx
        .select({ id: feeds.id })
        .from(feeds)
        .where(
          and(
            eq(feeds.tenantId, commune.id),
            eq(feeds.active, true),
            or(isNull(feeds.lastRunAt), lt(feeds.lastRunAt, sql`${dueBefore.toISOString()}::timestamptz`)),
          ),
        ),
    );
    for (const feed of due) {
      await importFeed(scope, feed.id, limits);
      runs++;
    }
  }
  return runs;
}

/** Feeds say their character set in the Content-Type or the XML declaration; UTF-8 otherwise. */
export function decodeFeed(body: Buffer, contentType: string): string {
  const declared =
    /charset=["']?([\w-]+)/i.exec(contentType)?.[1] ?? /^<\?xml[^>]*encoding=["']([\w-]+)["']/i.exec(body.subarray(0, 200).toString('latin1'))?.[1] ?? 'utf-8';
  try {
    return new TextDecoder(declared.toLowerCase()).decode(body);
  } catch {
    return new TextDecoder('utf-8').decode(body);
  }
}
