import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseFeed } from '@rowanmanning/feed-parser';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { announcements, feedRuns, newsItems } from '#db/schema/index.ts';
import { feedEntries, toAtom, toRss } from '~/handbook/feed-output.server.ts';
import {
  addAnnouncement,
  addContact,
  addFeed,
  decodeFeed,
  deleteContact,
  updateContact,
  deleteFeed,
  importDueFeeds,
  importFeed,
  listAnnouncements,
  listContacts,
  listFeeds,
  listNews,
} from '~/handbook/news.server.ts';
import { makeCommuneWithMember } from '#tests/factories/index.ts';
import { permitted } from '#tests/support/permissions.ts';
import { createTestDatabase, scopeFor, type TestDatabase } from '#tests/support/db.ts';

const RSS = (items: { guid: string; title: string; link: string }[]) => `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Báo Lào Cai</title><link>https://baolaocai.example.vn/</link><description>Tin tỉnh</description>
${items.map((i) => `<item><title>${i.title}</title><link>${i.link}</link><guid>${i.guid}</guid><pubDate>Thu, 26 Nov 2026 08:00:00 +0700</pubDate><description><![CDATA[<p>Tóm tắt <b>${i.title}</b></p><img src="x.jpg">]]></description></item>`).join('\n')}
</channel></rss>`;

let server: Server;
let base: string;
const routes = new Map<string, string>();
let database: TestDatabase;
let a: { id: string; slug: string };
let b: { id: string; slug: string };
let officialA: { id: string };
let officialB: { id: string };
const allow = { allowHosts: ['127.0.0.1'], timeoutMs: 2000 };

beforeAll(async () => {
  server = createServer((req, res) => {
    const body = routes.get(req.url ?? '');
    if (body === undefined) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, { 'Content-Type': 'application/rss+xml; charset=utf-8' }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  database = await createTestDatabase();
  ({ commune: a, user: officialA } = await makeCommuneWithMember(database, 'official'));
  ({ commune: b, user: officialB } = await makeCommuneWithMember(database, 'official'));
});
afterAll(async () => {
  server.close();
  await database.close();
});

// The officials' scopes as the guards give them: news and contacts proven (importing a feed needs only the commune).
const asA = () =>
  permitted({ ...scopeFor(database, a.id, officialA.id), tenantId: a.id, userId: officialA.id }, ['news.manage', 'contact.manage'], { roles: ['official'] });
const asB = () =>
  permitted({ ...scopeFor(database, b.id, officialB.id), tenantId: b.id, userId: officialB.id }, ['news.manage', 'contact.manage'], { roles: ['official'] });

describe('feed import', () => {
  it('imports title, summary, link and source, and deduplicates by guid and link', async () => {
    routes.set(
      '/tin.rss',
      RSS([
        { guid: 'g1', title: 'Mùa chè Shan tuyết', link: 'https://baolaocai.example.vn/1' },
        { guid: 'g2', title: 'Đường mới lên bản', link: 'https://baolaocai.example.vn/2' },
      ]),
    );
    const feedId = await addFeed(asA(), `${base}/tin.rss`);
    expect(await importFeed(asA(), feedId, allow)).toEqual({ status: 'ok', itemsSeen: 2, itemsNew: 2, error: null });
    routes.set(
      '/tin.rss',
      RSS([
        { guid: 'g1', title: 'Mùa chè Shan tuyết', link: 'https://baolaocai.example.vn/1' },
        { guid: 'g3', title: 'Cùng bài, guid khác', link: 'https://baolaocai.example.vn/2' },
        { guid: 'g4', title: 'Tin mới', link: 'https://baolaocai.example.vn/4' },
      ]),
    );
    expect(await importFeed(asA(), feedId, allow)).toMatchObject({ status: 'ok', itemsSeen: 3, itemsNew: 1 });
    const news = await listNews(asA());
    expect(news.map((n) => n.title).sort()).toEqual(['Mùa chè Shan tuyết', 'Tin mới', 'Đường mới lên bản'].sort());
    expect(news[0]).toMatchObject({ source: 'Báo Lào Cai' });
    expect(news.every((n) => !/[<>]/.test(n.summary))).toBe(true);
    const runs = await database.db.select().from(feedRuns).where(eq(feedRuns.feedId, feedId));
    expect(runs).toHaveLength(2);
  });

  it('logs a malformed or unreachable feed and leaves other feeds unaffected', async () => {
    routes.set('/hong.rss', '<rss><channel><title>Broken<item></rss');
    const broken = await addFeed(asA(), `${base}/hong.rss`);
    const missing = await addFeed(asA(), `${base}/khong-co.rss`);
    const closed = await addFeed(asA(), 'http://127.0.0.1:9/feed.rss');
    routes.set('/tot.rss', RSS([{ guid: 'ok-1', title: 'Tin tốt', link: 'https://baolaocai.example.vn/ok-1' }]));
    const good = await addFeed(asA(), `${base}/tot.rss`);
    const before = (await listNews(asA())).length;
    const runs = await importDueFeeds(database.db, 0, allow);
    expect(runs).toBeGreaterThanOrEqual(4);
    const feeds = await listFeeds(asA());
    const last = (id: string) => feeds.find((f) => f.id === id)!.runs[0]!;
    expect(last(broken)).toMatchObject({ status: 'failed', error: 'handbook:feeds.errors.notAFeed' });
    expect(last(missing)).toMatchObject({ status: 'failed', error: 'handbook:feeds.errors.httpStatus (404)' });
    expect(last(closed)).toMatchObject({ status: 'failed' });
    expect(last(good)).toMatchObject({ status: 'ok', itemsNew: 1 });
    expect((await listNews(asA())).length).toBe(before + 1);
  });

  it('refuses a feed on a private address with a clear message, fetching nothing', async () => {
    const feedId = await addFeed(asA(), 'http://10.20.30.40/rss.xml');
    const result = await importFeed(asA(), feedId);
    expect(result).toMatchObject({ status: 'failed', error: 'common:outbound.privateAddress' });
    const loopback = await addFeed(asA(), `${base}/tin.rss?no-allow-list`);
    expect(await importFeed(asA(), loopback)).toMatchObject({ status: 'failed', error: 'common:outbound.privateAddress' });
  });

  it('reads feeds in other character sets', () => {
    const latin1 = Buffer.from('<?xml version="1.0" encoding="ISO-8859-1"?><rss><channel><title>Caf\u00e9</title></channel></rss>', 'latin1');
    expect(decodeFeed(latin1, 'application/xml')).toContain('<title>Café</title>');
    const thai = new Uint8Array([0xca, 0xc7, 0xd1, 0xca, 0xb4, 0xd5]); // "สวัสดี" in TIS-620 / windows-874
    expect(decodeFeed(Buffer.from(thai), 'text/xml; charset=windows-874')).toBe('สวัสดี');
    expect(decodeFeed(Buffer.from('Tin tức', 'utf8'), 'text/xml')).toBe('Tin tức');
  });

  it('refuses the same feed twice', async () => {
    await expect(addFeed(asA(), `${base}/tot.rss`)).rejects.toMatchObject({ messageKey: 'handbook:feeds.errors.duplicate' });
  });
});

describe('announcements and the commune’s own feeds', () => {
  it('shows pinned first and hides expired ones', async () => {
    await addAnnouncement(asA(), { title: { vi: 'Họp thôn' }, body: { vi: 'Tối thứ Bảy' }, pinned: false, expiresAt: null });
    await addAnnouncement(asA(), { title: { vi: 'Lịch tiêm phòng' }, body: {}, pinned: true, expiresAt: null });
    await database.db.transaction(async (tx) => {
      await tx.execute(sql`select set_config('app.tenant_id', ${a.id}, true)`);
      await tx.insert(announcements).values({
        tenantId: a.id,
        title: { vi: 'Đã hết hạn' },
        publishedAt: new Date(Date.now() - 3 * 86_400_000),
        expiresAt: new Date(Date.now() - 86_400_000),
      });
    });
    const list = await listAnnouncements(asA(), 'en', 'vi');
    expect(list.map((x) => x.title)).toEqual(['Lịch tiêm phòng', 'Họp thôn']);
    expect(list[0]!.fellBack).toBe(true);
  });

  it('writes RSS 2.0 and Atom 1.0 that a feed parser reads back', async () => {
    const entries = feedEntries('https://baan.example', a.slug, await listAnnouncements(asA(), 'vi', 'vi'), await listNews(asA()));
    const channel = {
      title: 'Xã Thử — Tin tức & <thông báo>',
      description: 'Tin của xã',
      link: `https://baan.example/${a.slug}/news`,
      self: `https://baan.example/${a.slug}/news.rss`,
      language: 'vi',
      updated: new Date(),
    };
    for (const xml of [toRss(channel, entries), toAtom(channel, entries)]) {
      const parsed = parseFeed(xml);
      expect(parsed.title).toBe('Xã Thử — Tin tức & <thông báo>');
      expect(parsed.items).toHaveLength(entries.length);
      expect(parsed.items.map((i) => i.title)).toContain('Lịch tiêm phòng');
      expect(parsed.items.every((i) => i.id)).toBe(true);
    }
    expect(toRss(channel, entries)).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<rss version="2.0"/);
    expect(toAtom(channel, entries)).toContain('<feed xmlns="http://www.w3.org/2005/Atom"');
  });
});

describe('isolation of contacts, feeds and news', () => {
  it('commune B cannot see or remove A’s contacts, feeds, news or import log', async () => {
    await addContact(asA(), { team: 'tech_team', name: 'Lò Văn Páo', role: { vi: 'Tổ trưởng' }, phone: '0900 000 111', zalo: null, hours: {} });
    const contact = (await listContacts(asA(), 'vi', 'vi'))[0]!;
    const feed = (await listFeeds(asA()))[0]!;
    expect(await listContacts(asB(), 'vi', 'vi')).toEqual([]);
    expect(await listFeeds(asB())).toEqual([]);
    expect(await listNews(asB())).toEqual([]);
    expect(await listAnnouncements(asB(), 'vi', 'vi')).toEqual([]);
    await expect(deleteContact(asB(), contact.id)).rejects.toMatchObject({ code: 'not_found' });
    const edit = {
      team: 'tech_team' as const,
      name: 'Lò Văn Páo',
      role: { vi: 'Tổ trưởng tổ công nghệ số' },
      phone: '0900 000 222',
      zalo: null,
      hours: { vi: 'Tối thứ Bảy' },
    };
    await expect(updateContact(asB(), contact.id, { ...edit, name: 'Kẻ mạo danh' })).rejects.toMatchObject({ code: 'not_found' });
    await updateContact(asA(), contact.id, edit);
    expect((await listContacts(asA(), 'vi', 'vi'))[0]).toMatchObject({
      name: 'Lò Văn Páo',
      role: 'Tổ trưởng tổ công nghệ số',
      phone: '0900 000 222',
      hours: 'Tối thứ Bảy',
    });
    await expect(deleteFeed(asB(), feed.id)).rejects.toMatchObject({ code: 'not_found' });
    await expect(importFeed(asB(), feed.id, allow)).rejects.toMatchObject({ code: 'not_found' });
    expect((await listContacts(asA(), 'vi', 'vi')).length).toBe(1);
    const items = await database.db.select().from(newsItems).where(eq(newsItems.tenantId, a.id));
    expect(items.length).toBeGreaterThan(0);
  });
});
