import { describe, expect, it } from 'vitest';
import { parseFeedText } from '~/handbook/feed-parse.server.ts';
import { AppError } from '~/lib/errors.ts';

// Samples shaped like the feeds commune officials actually paste: a provincial newspaper's
// RSS 2.0 (CDATA HTML, Vietnamese diacritics, RFC 822 dates), an Atom 1.0 blog and an RDF feed.

const LONG_PARAGRAPH =
  'Thực hiện chương trình chuyển đổi số quốc gia, huyện đã hướng dẫn bà con đồng bào dân tộc thiểu số ' +
  'cài đặt ứng dụng VNeID, kích hoạt tài khoản định danh điện tử mức độ 2 và thanh toán không dùng tiền mặt ' +
  'bằng mã QR tại các chợ phiên vùng cao. Các tổ công nghệ số cộng đồng đã đến từng thôn, bản để hỗ trợ ' +
  'người dân sử dụng dịch vụ công trực tuyến, tra cứu thông tin và phòng tránh lừa đảo qua mạng. ' +
  'Đến nay đã có hơn 12.000 tài khoản được kích hoạt, nhiều hộ kinh doanh đã mở gian hàng trên sàn thương mại ' +
  'điện tử để bán chè, quế, mật ong và các sản phẩm OCOP của địa phương.';

const VN_RSS = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:content="http://purl.org/rss/1.0/modules/content/">
  <channel>
    <title><![CDATA[Báo Lào Cai - Xã hội]]></title>
    <link>https://baolaocai.example.vn/xa-hoi</link>
    <description>Tin tức xã hội tỉnh Lào Cai</description>
    <language>vi-VN</language>
    <atom:link href="https://baolaocai.example.vn/rss/xa-hoi.rss" rel="self" type="application/rss+xml"/>
    <item>
      <title><![CDATA[Bát Xát: Đưa dịch vụ công trực tuyến về bản]]></title>
      <link>https://baolaocai.example.vn/bat-xat-dua-dich-vu-cong-truc-tuyen-ve-ban-post401234.html</link>
      <guid isPermaLink="true">https://baolaocai.example.vn/bat-xat-dua-dich-vu-cong-truc-tuyen-ve-ban-post401234.html</guid>
      <pubDate>Sun, 05 Jan 2025 09:15:00 +0700</pubDate>
      <description><![CDATA[<a href="https://baolaocai.example.vn/bat-xat-post401234.html"><img src="https://cdn.baolaocai.example.vn/2025/01/05/anh-1.jpg" width="180" height="120" alt="Cán bộ hướng dẫn người dân" /></a><br /><p>Sáng 5/1, tổ công nghệ số cộng đồng xã Y Tý đã hướng dẫn bà con&nbsp;người Hà Nhì cài đặt VNeID &amp; thanh toán bằng mã QR.</p>]]></description>
      <content:encoded><![CDATA[<p>FULL ARTICLE BODY THAT MUST NOT BE KEPT.</p>]]></content:encoded>
    </item>
    <item>
      <title><![CDATA[Sa Pa: Mùa hoa đào nở sớm thu hút du khách]]></title>
      <link>https://baolaocai.example.vn/sa-pa-mua-hoa-dao-post401300.html</link>
      <guid isPermaLink="true">https://baolaocai.example.vn/sa-pa-mua-hoa-dao-post401300.html</guid>
      <pubDate>Tue, 07 Jan 2025 16:40:00 +0700</pubDate>
      <description><![CDATA[<p><img src="https://cdn.baolaocai.example.vn/2025/01/07/dao.jpg" /></p><p>${LONG_PARAGRAPH}</p><p>${LONG_PARAGRAPH}</p><script>alert("x")</script>]]></description>
    </item>
    <item>
      <title>Giá chè búp tươi tăng &lt;5% so với cùng kỳ</title>
      <link>/kinh-te/gia-che-bup-tuoi-post401111.html</link>
      <pubDate>Fri, 03 Jan 2025 07:00:00 +0700</pubDate>
      <description>&lt;p&gt;Giá chè &lt;strong&gt;Shan tuyết&lt;/strong&gt; ổn định.&lt;/p&gt;</description>
    </item>
    <item>
      <title>Thông báo lịch cắt điện</title>
      <link>javascript:alert(1)</link>
      <pubDate>Mon, 06 Jan 2025 08:30:00 +0700</pubDate>
      <description>Lịch cắt điện tuần này.</description>
    </item>
    <item>
      <description>Một mục không có tiêu đề và không có liên kết.</description>
    </item>
  </channel>
</rss>`;

const ATOM = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="vi">
  <title type="text">Nông nghiệp số Tây Bắc</title>
  <link rel="alternate" type="text/html" href="https://nongnghiepso.example.vn/"/>
  <link rel="self" type="application/atom+xml" href="https://nongnghiepso.example.vn/feed.atom"/>
  <id>tag:nongnghiepso.example.vn,2025:feed</id>
  <updated>2025-01-08T03:00:00Z</updated>
  <entry>
    <title type="html">Bán mật ong &lt;em&gt;bạc hà&lt;/em&gt; qua sàn điện tử</title>
    <link rel="edit" href="https://nongnghiepso.example.vn/api/entries/17"/>
    <link rel="alternate" type="text/html" href="https://nongnghiepso.example.vn/2025/01/mat-ong-bac-ha"/>
    <id>tag:nongnghiepso.example.vn,2025:entry-17</id>
    <published>2025-01-06T01:00:00Z</published>
    <updated>2025-01-08T02:00:00Z</updated>
    <summary type="html">&lt;p&gt;Hợp tác xã ở Đồng Văn đã &lt;a href="https://x.example"&gt;mở gian hàng&lt;/a&gt; trực tuyến.&lt;/p&gt;</summary>
    <content type="html">&lt;p&gt;TOÀN VĂN BÀI VIẾT KHÔNG ĐƯỢC GIỮ LẠI.&lt;/p&gt;</content>
  </entry>
  <entry>
    <title>Chỉ có nội dung đầy đủ</title>
    <link href="/2025/01/chi-co-noi-dung"/>
    <id>tag:nongnghiepso.example.vn,2025:entry-18</id>
    <updated>2025-01-05T02:00:00Z</updated>
    <content type="html">&lt;h2&gt;Mở đầu&lt;/h2&gt;&lt;p&gt;${LONG_PARAGRAPH}&lt;/p&gt;</content>
  </entry>
</feed>`;

const RDF = `<?xml version="1.0" encoding="UTF-8"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel rdf:about="https://tinhdoan.example.vn/rss">
    <title>Tỉnh đoàn - Thanh niên tình nguyện</title>
    <link>https://tinhdoan.example.vn/</link>
    <description>Hoạt động tình nguyện</description>
    <items><rdf:Seq>
      <rdf:li rdf:resource="https://tinhdoan.example.vn/tin/1"/>
      <rdf:li rdf:resource="https://tinhdoan.example.vn/tin/2"/>
    </rdf:Seq></items>
  </channel>
  <item rdf:about="https://tinhdoan.example.vn/tin/1">
    <title>Thanh niên giúp bà con đăng ký định danh điện tử</title>
    <link>https://tinhdoan.example.vn/tin/1</link>
    <description>Đoàn viên đến từng &lt;b&gt;thôn bản&lt;/b&gt;.</description>
    <dc:date>2025-01-04T08:00:00+07:00</dc:date>
  </item>
  <item rdf:about="https://tinhdoan.example.vn/tin/2">
    <title>Chợ phiên không dùng tiền mặt</title>
    <link>https://tinhdoan.example.vn/tin/2</link>
    <description>Người dân quét mã QR khi mua bán.</description>
    <dc:date>2025-01-06T08:00:00+07:00</dc:date>
  </item>
</rdf:RDF>`;

function notAFeed(input: string) {
  try {
    parseFeedText(input);
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('invalid');
    expect((error as AppError).messageKey).toBe('handbook:feeds.errors.notAFeed');
    return;
  }
  throw new Error('expected notAFeed');
}

function expectPlain(text: string) {
  expect(text).not.toMatch(/[<>]/);
  expect(text).not.toMatch(/&[a-z#0-9]+;/i);
  expect(text).not.toMatch(/\s{2,}/);
  expect(text).toBe(text.trim());
  expect(text.length).toBeLessThanOrEqual(500);
}

describe('parseFeedText: RSS 2.0 from a provincial newspaper', () => {
  const feed = parseFeedText(VN_RSS);

  it('reads the channel', () => {
    expect(feed.title).toBe('Báo Lào Cai - Xã hội');
    expect(feed.link).toBe('https://baolaocai.example.vn/xa-hoi');
  });

  it('keeps items with a title or a link, newest first', () => {
    expect(feed.items.map((i) => i.title)).toEqual([
      'Sa Pa: Mùa hoa đào nở sớm thu hút du khách',
      'Thông báo lịch cắt điện',
      'Bát Xát: Đưa dịch vụ công trực tuyến về bản',
      'Giá chè búp tươi tăng <5% so với cùng kỳ',
    ]);
  });

  it('reads guid, link and RFC 822 date', () => {
    const item = feed.items[2]!;
    expect(item.guid).toBe('https://baolaocai.example.vn/bat-xat-dua-dich-vu-cong-truc-tuyen-ve-ban-post401234.html');
    expect(item.link).toBe(item.guid);
    expect(item.publishedAt?.toISOString()).toBe('2025-01-05T02:15:00.000Z');
  });

  it('turns CDATA HTML into a plain-text summary and drops the full article', () => {
    const item = feed.items[2]!;
    expect(item.summary).toBe('Sáng 5/1, tổ công nghệ số cộng đồng xã Y Tý đã hướng dẫn bà con người Hà Nhì cài đặt VNeID & thanh toán bằng mã QR.');
    expect(JSON.stringify(feed)).not.toContain('FULL ARTICLE');
    expect(JSON.stringify(feed)).not.toContain('alert');
    for (const i of feed.items) expectPlain(i.summary);
  });

  it('cuts a long summary to 500 characters on a word boundary', () => {
    const summary = feed.items[0]!.summary;
    expect(summary.length).toBeLessThanOrEqual(500);
    expect(summary.length).toBeGreaterThan(400);
    expect(summary.endsWith('…')).toBe(true);
    const words = summary.slice(0, -1).split(' ');
    // Every word before the ellipsis is a whole word of the original text.
    const original = LONG_PARAGRAPH.split(' ');
    for (const word of words) expect(original.some((w) => w === word || `${word}.` === w || `${word},` === w)).toBe(true);
  });

  it('resolves a relative link against the channel link and decodes an escaped title', () => {
    const item = feed.items[3]!;
    expect(item.link).toBe('https://baolaocai.example.vn/kinh-te/gia-che-bup-tuoi-post401111.html');
    expect(item.guid).toBe(item.link);
    expect(item.summary).toBe('Giá chè Shan tuyết ổn định.');
  });

  it('drops a javascript: link and falls back to a hash for the guid', () => {
    const item = feed.items[1]!;
    expect(item.link).toBeNull();
    expect(item.guid).toMatch(/^[0-9a-f]{64}$/);
    expect(parseFeedText(VN_RSS).items[1]!.guid).toBe(item.guid);
  });
});

describe('parseFeedText: Atom 1.0', () => {
  const feed = parseFeedText(ATOM);

  it('reads entries with id, alternate link, dates and an html summary, newest first', () => {
    expect(feed.title).toBe('Nông nghiệp số Tây Bắc');
    expect(feed.link).toBe('https://nongnghiepso.example.vn/');
    const [first] = feed.items;
    expect(first).toEqual({
      guid: 'tag:nongnghiepso.example.vn,2025:entry-17',
      title: 'Bán mật ong bạc hà qua sàn điện tử',
      summary: 'Hợp tác xã ở Đồng Văn đã mở gian hàng trực tuyến.',
      link: 'https://nongnghiepso.example.vn/2025/01/mat-ong-bac-ha',
      publishedAt: new Date('2025-01-06T01:00:00Z'),
    });
    expect(JSON.stringify(feed)).not.toContain('TOÀN VĂN');
  });

  it('makes a short summary from content when there is no summary, and resolves relative links', () => {
    const item = feed.items[1]!;
    expect(item.link).toBe('https://nongnghiepso.example.vn/2025/01/chi-co-noi-dung');
    expect(item.publishedAt?.toISOString()).toBe('2025-01-05T02:00:00.000Z');
    expect(item.summary.startsWith('Mở đầu Thực hiện chương trình')).toBe(true);
    expectPlain(item.summary);
    expect(item.summary.endsWith('…')).toBe(true);
  });
});

describe('parseFeedText: RSS 1.0 (RDF)', () => {
  it('reads items and dc:date', () => {
    const feed = parseFeedText(RDF);
    expect(feed.title).toBe('Tỉnh đoàn - Thanh niên tình nguyện');
    expect(feed.items.map((i) => [i.title, i.link, i.publishedAt?.toISOString()])).toEqual([
      ['Chợ phiên không dùng tiền mặt', 'https://tinhdoan.example.vn/tin/2', '2025-01-06T01:00:00.000Z'],
      ['Thanh niên giúp bà con đăng ký định danh điện tử', 'https://tinhdoan.example.vn/tin/1', '2025-01-04T01:00:00.000Z'],
    ]);
    expect(feed.items[1]!.summary).toBe('Đoàn viên đến từng thôn bản.');
    expect(feed.items[1]!.guid).toBe('https://tinhdoan.example.vn/tin/1');
  });
});

describe('parseFeedText: what is not a feed', () => {
  it('refuses malformed XML', () => {
    notAFeed('<?xml version="1.0"?><rss version="2.0"><channel><title>Tin</title><item><title>Bài</ti');
    notAFeed('<<<>>> không phải XML');
    notAFeed('');
  });

  it('refuses an HTML page', () => {
    notAFeed(`<!DOCTYPE html>
<html lang="vi"><head><meta charset="utf-8"><title>Báo Lào Cai</title>
<link rel="alternate" type="application/rss+xml" href="/rss"></head>
<body><h1>Trang chủ</h1><p>Xin chào<br>bà con</p></body></html>`);
  });

  it('refuses JSON', () => {
    notAFeed('{"items":[]}');
  });
});

describe('parseFeedText: a huge feed', () => {
  const items = Array.from({ length: 5000 }, (_, i) => {
    const date = new Date(Date.UTC(2024, 0, 1) + i * 3_600_000).toUTCString();
    return `<item><title>Tin số ${i}</title><link>https://tin.example.vn/bai/${i}</link><guid>bai-${i}</guid><pubDate>${date}</pubDate><description><![CDATA[<p>Nội dung <b>bài ${i}</b> ${'chữ '.repeat(40)}</p>]]></description></item>`;
  });
  const xml = `<?xml version="1.0"?><rss version="2.0"><channel><title>Lớn</title><link>https://tin.example.vn/</link>${items.join('\n')}</channel></rss>`;

  it('keeps only the newest maxItems and parses in reasonable time', () => {
    const started = performance.now();
    const feed = parseFeedText(xml);
    const elapsed = performance.now() - started;
    expect(feed.items).toHaveLength(200);
    expect(feed.items[0]!.guid).toBe('bai-4999');
    expect(feed.items[199]!.guid).toBe('bai-4800');
    for (const item of feed.items) expectPlain(item.summary);
    expect(elapsed).toBeLessThan(5_000);
  });

  it('honours a smaller maxItems', () => {
    expect(parseFeedText(xml, 25).items.map((i) => i.guid)).toEqual(Array.from({ length: 25 }, (_, i) => `bai-${4999 - i}`));
  });
});
